using System.CommandLine;
using System.Text.RegularExpressions;
using ContactCenter.Cli.Admin;
using ContactCenter.Cli.Rendering;

namespace ContactCenter.Cli.Commands;

/// <summary>ccctl cluster show | join | leave | down | down-unreachable.</summary>
public static partial class ClusterCommands
{
    public static Command Build(CliEnvironment env, GlobalOptions options)
    {
        var cluster = new Command("cluster", "Cluster membership: show members, join, leave, down");

        var show = new Command("show", "Members with status, roles and reachability; the leader and the oldest member");
        show.SetAction(CommandContext.Action(env, options, async (c, ct) => c.Output.Result(await c.Admin.GetClusterAsync(ct), s => Show(c.Output, s))));
        cluster.Add(show);

        cluster.Add(Change(env, options, "join", "Make the node join the cluster of the member at <address>",
            a => $"The node will join the cluster of {a}", (admin, a, ct) => admin.JoinAsync(a, ct)));
        cluster.Add(Change(env, options, "leave", "Make the member at <address> leave the cluster gracefully (its shards move)",
            a => $"{a} will leave the cluster", (admin, a, ct) => admin.LeaveAsync(a, ct)));
        cluster.Add(Change(env, options, "down", "Mark the member at <address> down (for a node that crashed or hangs)",
            a => $"{a} will be marked down and removed from the cluster", (admin, a, ct) => admin.DownAsync(a, ct)));

        var yes = GlobalOptions.Yes();
        var downUnreachable = new Command("down-unreachable", "Mark every unreachable member down") { yes };
        downUnreachable.SetAction(CommandContext.Action(env, options, async (c, ct) =>
        {
            if (!c.Confirm(yes, "Every unreachable member will be marked down")) return ExitCodes.Failed;
            return c.Output.Result(await c.Admin.DownUnreachableAsync(ct), r => Done(c.Output, r));
        }));
        cluster.Add(downUnreachable);
        return cluster;
    }

    private static Command Change(CliEnvironment env, GlobalOptions options, string name, string description,
        Func<string, string> change, Func<IAdminCommands, string, CancellationToken, Task<ClusterActionResult>> act)
    {
        var address = AddressArgument();
        var yes = GlobalOptions.Yes();
        var command = new Command(name, description) { address, yes };
        command.SetAction(CommandContext.Action(env, options, async (c, ct) =>
        {
            var a = c.Parse.GetValue(address)!;
            if (!c.Confirm(yes, change(a))) return ExitCodes.Failed;
            return c.Output.Result(await act(c.Admin, a, ct), r => Done(c.Output, r));
        }));
        return command;
    }

    private static Argument<string> AddressArgument()
    {
        var address = new Argument<string>("address") { Description = "A member's Akka address, e.g. akka.tcp://contact-center@10.0.0.5:4053" };
        address.Validators.Add(r =>
        {
            var value = r.GetValueOrDefault<string>();
            if (!AkkaAddress().IsMatch(value ?? ""))
                r.AddError($"'{value}' is not an Akka address (akka.tcp://system@host:port)");
        });
        return address;
    }

    [GeneratedRegex(@"^akka(\.[a-z]+)?://[^@/\s]+@[^:/\s]+:\d{1,5}$")]
    private static partial Regex AkkaAddress();

    private static void Show(Output output, ClusterStatus status)
    {
        output.Line($"Node:   {status.Self}");
        output.Line($"Leader: {status.Leader ?? "(none)"}");
        output.Line($"Oldest: {status.Oldest ?? "(none)"}");
        var table = Output.Table("Address", "Status", "Roles", "Reachability", "Leader", "Oldest");
        foreach (var m in status.Members)
        {
            Output.Row(table, m.Address + (m.Self ? " (self)" : ""), m.Status, string.Join(",", m.Roles),
                m.Reachable ? "reachable" : "UNREACHABLE", m.Leader ? "leader" : "", m.Oldest ? "oldest" : "");
        }
        output.Write(table);
        output.Line($"{status.Members.Count} member(s), {status.Unreachable.Count} unreachable");
    }

    private static void Done(Output output, ClusterActionResult result) => output.Line(result.Detail);
}
