using System.CommandLine;
using ContactCenter.Cli.Admin;
using ContactCenter.Cli.Rendering;

namespace ContactCenter.Cli.Commands;

/// <summary>ccctl shards regions | stats [type].</summary>
public static class ShardCommands
{
    public static readonly string[] Types = ["call", "agent", "queue", "idempotency", "adapter-cursor", "entry-plan", "transfer-watch", "department-inbox"];

    public static Command Build(CliEnvironment env, GlobalOptions options)
    {
        var shards = new Command("shards", "Cluster sharding: region types and where their shards and entities live");

        var regions = new Command("regions", "The shard region types on the node: region or proxy, hosting nodes, local shards");
        regions.SetAction(CommandContext.Action(env, options, async (c, ct) =>
            c.Output.Result(await c.Admin.GetRegionsAsync(ct), r => Regions(c.Output, r))));
        shards.Add(regions);

        var type = new Argument<string?>("type") { Description = "One region type (default: all)", Arity = ArgumentArity.ZeroOrOne };
        type.AcceptOnlyFromAmong(Types);
        var stats = new Command("stats", "Shards and entities per node, for each region type") { type };
        stats.SetAction(CommandContext.Action(env, options, async (c, ct) =>
            c.Output.Result(await c.Admin.GetShardStatsAsync(c.Parse.GetValue(type), ct), s => Stats(c.Output, s))));
        shards.Add(stats);
        return shards;
    }

    private static void Regions(Output output, IReadOnlyList<RegionInfo> regions)
    {
        var table = Output.Table("Type", "Mode", "Local shards", "Local entities", "Hosted on");
        foreach (var r in regions)
            Output.Row(table, r.TypeName, r.Mode, r.LocalShards.ToString(), r.LocalEntities.ToString(), string.Join("\n", r.Nodes));
        output.Write(table);
    }

    private static void Stats(Output output, IReadOnlyList<RegionStats> stats)
    {
        var table = Output.Table("Type", "Node", "Shards", "Entities", "Failed shards");
        foreach (var type in stats)
        {
            if (type.Nodes.Count == 0) Output.Row(table, type.TypeName, "(no regions)", "0", "0", "");
            foreach (var n in type.Nodes)
                Output.Row(table, type.TypeName, n.Address, n.Shards.ToString(), n.Entities.ToString(), string.Join(",", n.FailedShards));
        }
        output.Write(table);
        output.Line($"{stats.Sum(t => t.Nodes.Sum(n => n.Shards))} shard(s), {stats.Sum(t => t.Nodes.Sum(n => n.Entities))} entities");
    }
}
