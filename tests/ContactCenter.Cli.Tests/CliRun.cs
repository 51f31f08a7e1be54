using Spectre.Console;

namespace ContactCenter.Cli.Tests;

/// <summary>What one ccctl run printed and how it ended.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}

/// <summary>Runs ccctl in-process with captured consoles, its own environment variables and contexts file.</summary>
public sealed class CliRun : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"ccctl-{Guid.NewGuid():N}");

    public Dictionary<string, string> Variables { get; } = [];

    public string ConfigPath => Path.Combine(_folder, "config.json");

    /// <summary>ccctl against the node with the admin key, as an operator types it.</summary>
    public Task<CliResult> Against(CliNode node, params string[] args) => Run(["--url", node.Url, "--key", CliNode.AdminKey, .. args]);

    public async Task<CliResult> Run(string[] args, string? input = null, CancellationToken ct = default, StringWriter? liveOut = null)
    {
        var output = liveOut ?? new StringWriter();
        var error = new StringWriter();
        var env = new CliEnvironment
        {
            Out = Console(output),
            Error = Console(error),
            Input = new StringReader(input ?? ""),
            Interactive = input is not null,
            Variables = name => Variables.GetValueOrDefault(name),
            ConfigPath = ConfigPath,
        };
        var code = await Ccctl.RunAsync(args, env, ct);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    private static IAnsiConsole Console(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 250;
        return console;
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
