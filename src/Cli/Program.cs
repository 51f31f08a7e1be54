namespace ContactCenter.Cli;

/// <summary>The ccctl executable: the process's consoles and environment, then <see cref="Ccctl"/>.</summary>
internal static class CcctlProgram
{
    // An explicit class (not top-level statements) so the tests can see both this and the host's Program.
    private static Task<int> Main(string[] args) => Ccctl.RunAsync(args, CliEnvironment.FromProcess());
}
