using System.CommandLine;
using ContactCenter.Cli.Admin;
using ContactCenter.Cli.Rendering;

namespace ContactCenter.Cli.Commands;

/// <summary>ccctl log level [level], log tail [--lines N] [--follow].</summary>
public static class LogCommands
{
    public static readonly string[] Levels = ["trace", "debug", "information", "info", "warning", "warn", "error", "critical"];
    public const int MaxLines = 1000;

    public static Command Build(CliEnvironment env, GlobalOptions options)
    {
        var log = new Command("log", "The node's log: its level and its recent lines");

        var level = new Argument<string?>("level") { Description = "The new default level; without it, show the current one", Arity = ArgumentArity.ZeroOrOne };
        level.AcceptOnlyFromAmong(Levels);
        var setLevel = new Command("level", "Show or set the node's default log level (.NET logging and Akka)") { level };
        setLevel.SetAction(CommandContext.Action(env, options, async (c, ct) =>
        {
            var wanted = c.Parse.GetValue(level);
            var levels = wanted is null ? await c.Admin.GetLogLevelAsync(ct) : await c.Admin.SetLogLevelAsync(wanted, ct);
            return c.Output.Result(levels, l => c.Output.Line($"log level: {l.Level} (Akka: {l.AkkaLevel})"));
        }));
        log.Add(setLevel);

        var lines = new Option<int>("--lines", "-n") { Description = $"How many recent lines (0-{MaxLines})", DefaultValueFactory = _ => 100 };
        GlobalOptions.Ranged(lines, 0, MaxLines, 100);
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep streaming new lines until Ctrl+C" };
        var tail = new Command("tail", "The node's recent log lines (API keys are never included)") { lines, follow };
        tail.SetAction(CommandContext.Action(env, options, async (c, ct) =>
        {
            try
            {
                await foreach (var line in c.Admin.TailLogAsync(c.Parse.GetValue(lines), c.Parse.GetValue(follow), ct))
                {
                    if (c.Output.Json) c.Output.JsonLine(line);
                    else Print(env, line);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Ctrl+C ends a followed tail: that is how it is meant to stop.
            }
            return ExitCodes.Ok;
        }));
        log.Add(tail);
        return log;
    }

    private static void Print(CliEnvironment env, LogLine line)
    {
        // Log lines go out as they are, unwrapped, one per line.
        env.OutWriter.WriteLine($"{Output.Time(line.At)} {Short(line.Level),-5} {line.Category}: {line.Message}");
        if (line.Exception is not null) env.OutWriter.WriteLine("    " + line.Exception);
        env.OutWriter.Flush();
    }

    private static string Short(string level) => level switch
    {
        "Trace" => "TRACE",
        "Debug" => "DEBUG",
        "Information" => "INFO",
        "Warning" => "WARN",
        "Error" => "ERROR",
        "Critical" => "CRIT",
        _ => level.ToUpperInvariant(),
    };
}
