using ContactCenter.Cli.Admin;
using ContactCenter.Cli.Connection;
using Spectre.Console;

namespace ContactCenter.Cli;

/// <summary>
/// What ccctl touches outside itself: the consoles, the operator's answers, environment variables, the contexts
/// file and the way to reach a node. Tests pass their own to run the tool in-process.
/// </summary>
public sealed class CliEnvironment
{
    public required IAnsiConsole Out { get; init; }

    /// <summary>Messages, prompts and usage text, so that stdout holds only results (and parses as JSON with -o json).</summary>
    public required IAnsiConsole Error { get; init; }

    public TextReader Input { get; init; } = TextReader.Null;

    /// <summary>Whether an operator can answer a confirmation prompt.</summary>
    public bool Interactive { get; init; }

    public Func<string, string?> Variables { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>The contexts file; null: CCCTL_CONFIG, else ~/.ccctl/config.json.</summary>
    public string? ConfigPath { get; init; }

    /// <summary>Opens the seam to a node; by default the HTTP admin API.</summary>
    public Func<NodeConnection, IAdminCommands> Connect { get; init; } = c => HttpAdminCommands.Create(c.Url, c.Key, c.Timeout);

    /// <summary>Ctrl+C / SIGTERM cancel the running command (and end a followed log) within this time; null: not handled.</summary>
    public TimeSpan? ProcessTermination { get; init; }

    public string ResolvedConfigPath =>
        ConfigPath
        ?? (Variables(NodeConnection.ConfigVariable) is { Length: > 0 } fromEnv ? fromEnv : null)
        ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".ccctl", "config.json");

    public TextWriter OutWriter => Out.Profile.Out.Writer;

    public TextWriter ErrorWriter => Error.Profile.Out.Writer;

    public static CliEnvironment FromProcess()
    {
        var output = AnsiConsole.Console;
        // Piped into a file or another tool: do not wrap tables at the 80 columns assumed without a terminal.
        if (Console.IsOutputRedirected) output.Profile.Width = 240;
        return new CliEnvironment
        {
            Out = output,
            Error = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }),
            Input = Console.In,
            Interactive = !Console.IsInputRedirected,
            ProcessTermination = TimeSpan.FromSeconds(2),
        };
    }
}
