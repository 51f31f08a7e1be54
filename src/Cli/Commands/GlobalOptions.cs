using System.CommandLine;

namespace ContactCenter.Cli.Commands;

/// <summary>Options every command accepts, before or after its name.</summary>
public sealed class GlobalOptions
{
    public Option<string?> Url { get; } = new("--url")
    {
        Description = "The node's HTTP address (else CCCTL_URL, the context's, or http://127.0.0.1:5080)",
        Recursive = true,
    };

    public Option<string?> Key { get; } = new("--key")
    {
        Description = "An admin API key (else CCCTL_KEY or the context's)",
        Recursive = true,
    };

    public Option<string?> Context { get; } = new("--context")
    {
        Description = "Use this context from the contexts file instead of the current one",
        Recursive = true,
    };

    public Option<string> Output { get; } = new("--output", "-o")
    {
        Description = "table or json",
        Recursive = true,
        DefaultValueFactory = _ => "table",
    };

    public Option<int> Timeout { get; } = new("--timeout")
    {
        Description = "Seconds to wait for the node's answer",
        Recursive = true,
        DefaultValueFactory = _ => 30,
    };

    public GlobalOptions()
    {
        Output.AcceptOnlyFromAmong("table", "json");
        Ranged(Timeout, 1, 3600, 30);
    }

    public void AddTo(Command root)
    {
        root.Add(Url);
        root.Add(Key);
        root.Add(Context);
        root.Add(Output);
        root.Add(Timeout);
    }

    /// <summary>An integer option within [min, max]; anything else is a parse error (exit 2).</summary>
    public static Option<int> Ranged(Option<int> option, int min, int max, int fallback)
    {
        option.CustomParser = r =>
        {
            if (r.Tokens.Count == 0) return fallback;
            var text = r.Tokens[^1].Value;
            if (int.TryParse(text, out var value) && value >= min && value <= max) return value;
            r.AddError($"{option.Name} must be a whole number from {min} to {max}, not '{text}'");
            return fallback;
        };
        return option;
    }

    /// <summary>The --yes flag a destructive command adds.</summary>
    public static Option<bool> Yes() => new("--yes", "-y") { Description = "Do not ask for confirmation" };
}
