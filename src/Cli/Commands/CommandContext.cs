using System.CommandLine;
using ContactCenter.Cli.Admin;
using ContactCenter.Cli.Connection;
using ContactCenter.Cli.Rendering;
using Spectre.Console;

namespace ContactCenter.Cli.Commands;

/// <summary>One invocation: the parsed options, the output, and the seam to the node (opened on first use).</summary>
public sealed class CommandContext(CliEnvironment env, GlobalOptions options, ParseResult parse) : IDisposable
{
    private IAdminCommands? _admin;

    public CliEnvironment Env => env;
    public ParseResult Parse => parse;
    public Output Output { get; } = new(env, parse.GetValue(options.Output) == "json");

    public IAdminCommands Admin => _admin ??= Open();

    private IAdminCommands Open()
    {
        var connection = NodeConnection.Resolve(parse.GetValue(options.Url), parse.GetValue(options.Key), parse.GetValue(options.Context),
            TimeSpan.FromSeconds(parse.GetValue(options.Timeout)), env.Variables, env.ResolvedConfigPath);
        if (string.IsNullOrEmpty(connection.Key))
            throw new AdminRefusedException(
                $"no API key for {connection.Url.ToString().TrimEnd('/')}: pass --key, set {NodeConnection.KeyVariable}, " +
                "or store one in a context (ccctl context set NAME --url URL --key KEY)");
        return env.Connect(connection);
    }

    /// <summary>
    /// Asks before a change: --yes skips the question; without a terminal to ask on, the command is refused as a
    /// usage error so a script never changes the cluster by accident.
    /// </summary>
    public bool Confirm(Option<bool> yes, string change)
    {
        if (parse.GetValue(yes)) return true;
        if (!env.Interactive) throw new UsageException($"{change}: confirm with --yes (there is no terminal to ask on)");
        env.ErrorWriter.Write($"{change}. Continue? [y/N] ");
        env.ErrorWriter.Flush();
        var answer = env.Input.ReadLine()?.Trim().ToLowerInvariant();
        if (answer is "y" or "yes") return true;
        env.ErrorWriter.WriteLine("ccctl: aborted; nothing was changed");
        return false;
    }

    public void Dispose() => (_admin as IDisposable)?.Dispose();

    /// <summary>An action that runs <paramref name="body"/> and turns failures into a message and an exit code.</summary>
    public static Func<ParseResult, CancellationToken, Task<int>> Action(
        CliEnvironment env, GlobalOptions options, Func<CommandContext, CancellationToken, Task<int>> body) =>
        async (parse, ct) =>
        {
            using var context = new CommandContext(env, options, parse);
            try
            {
                return await body(context, ct);
            }
            catch (AdminRefusedException e)
            {
                return Fail(env, e.Message, ExitCodes.Refused);
            }
            catch (AdminUnreachableException e)
            {
                return Fail(env, e.Message, ExitCodes.Unreachable);
            }
            catch (AdminProblemException e)
            {
                return Fail(env, $"{e.Title}: {e.Detail}", ExitCodes.Failed);
            }
            catch (Exception e) when (e is UsageException or ConfigurationException)
            {
                return Fail(env, e.Message, ExitCodes.Usage);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return Fail(env, "cancelled", ExitCodes.Failed);
            }
        };

    private static int Fail(CliEnvironment env, string message, int code)
    {
        env.ErrorWriter.WriteLine("ccctl: " + message);
        return code;
    }
}

/// <summary>The command line was well formed but cannot be carried out as given; exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
