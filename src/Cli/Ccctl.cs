using System.CommandLine;
using System.CommandLine.Parsing;
using ContactCenter.Cli.Commands;
using Spectre.Console;

namespace ContactCenter.Cli;

/// <summary>
/// ccctl: pbm-style command groups (cluster, shards, actor, call, agent, queue, log, context) over a node's admin
/// API. Exit codes: 0 done, 1 the node refused or failed the command, 2 usage, 3 no key or key refused,
/// 4 node unreachable.
/// </summary>
public static class Ccctl
{
    /// <summary>The help of the command the parser got to, on stderr: what the operator can type there.</summary>
    private static void WriteUsage(RootCommand root, ParseResult parse, CliEnvironment env)
    {
        var path = new List<string>();
        for (var result = parse.CommandResult; result.Parent is CommandResult parent; result = parent) path.Insert(0, result.Command.Name);
        root.Parse([.. path, "--help"]).Invoke(new InvocationConfiguration { Output = env.ErrorWriter, Error = env.ErrorWriter });
        env.ErrorWriter.Flush();
    }

    public static RootCommand Build(CliEnvironment env)
    {
        var options = new GlobalOptions();
        var root = new RootCommand("ccctl: inspect and steer a live ContactCenter cluster through a node's admin API.");
        options.AddTo(root);
        root.Add(ClusterCommands.Build(env, options));
        root.Add(ShardCommands.Build(env, options));
        root.Add(ActorCommands.Build(env, options));
        root.Add(EntityCommands.Call(env, options));
        root.Add(EntityCommands.Agent(env, options));
        root.Add(EntityCommands.Queue(env, options));
        root.Add(LogCommands.Build(env, options));
        root.Add(ContextCommands.Build(env, options));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliEnvironment env, CancellationToken ct = default)
    {
        var root = Build(env);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) env.ErrorWriter.WriteLine("ccctl: " + error.Message);
            env.ErrorWriter.WriteLine();
            WriteUsage(root, parse, env);
            return ExitCodes.Usage;
        }
        var invocation = new InvocationConfiguration
        {
            Output = env.OutWriter,
            Error = env.ErrorWriter,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = env.ProcessTermination,
        };
        return await parse.InvokeAsync(invocation, ct);
    }
}

public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;
    public const int Refused = 3;
    public const int Unreachable = 4;
}
