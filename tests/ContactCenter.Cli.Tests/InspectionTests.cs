using System.Text.Json;
using Xunit;

namespace ContactCenter.Cli.Tests;

/// <summary>The read-only commands against a real node: what an operator sees.</summary>
[Collection(SingleNodeCollection.Name)]
public sealed class InspectionTests(SingleNodeFixture fixture) : IDisposable
{
    private readonly CliNode _node = fixture.Node;
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Cluster_show_lists_the_node_as_up_leader_and_oldest()
    {
        var result = await _cli.Against(_node, "cluster", "show");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"Leader: {_node.AkkaAddress}", result.Out);
        Assert.Contains($"Oldest: {_node.AkkaAddress}", result.Out);
        var row = Assert.Single(result.Out.Split('\n'), l => l.Contains(_node.AkkaAddress + " (self)"));
        Assert.Contains("Up", row);
        Assert.Contains("routing", row);
        Assert.Contains("reachable", row);
        Assert.Contains("1 member(s), 0 unreachable", result.Out);
    }

    [Fact]
    public async Task Cluster_show_as_json_is_the_cluster_state_and_nothing_else()
    {
        var result = await _cli.Against(_node, "cluster", "show", "-o", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var state = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal(_node.AkkaAddress, state.GetProperty("leader").GetString());
        var member = Assert.Single(state.GetProperty("members").EnumerateArray());
        Assert.Equal("Up", member.GetProperty("status").GetString());
        Assert.True(member.GetProperty("oldest").GetBoolean());
    }

    [Fact]
    public async Task Shards_regions_lists_every_region_type_hosted_on_the_node()
    {
        var result = await _cli.Against(_node, "shards", "regions");

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var type in new[] { "call", "agent", "queue", "idempotency", "adapter-cursor", "entry-plan", "transfer-watch", "department-inbox" })
        {
            var row = Assert.Single(result.Out.Split('\n'), l => l.StartsWith($"│ {type} ", StringComparison.Ordinal));
            Assert.Contains("region", row);
            Assert.Contains(_node.AkkaAddress, row);
        }
    }

    [Fact]
    public async Task Shards_stats_counts_entities_per_node()
    {
        var result = await _cli.Against(_node, "shards", "stats", "agent", "-o", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var type = Assert.Single(JsonDocument.Parse(result.Out).RootElement.EnumerateArray());
        Assert.Equal("agent", type.GetProperty("typeName").GetString());
        var node = Assert.Single(type.GetProperty("nodes").EnumerateArray());
        Assert.Equal(_node.AkkaAddress, node.GetProperty("address").GetString());
        Assert.True(node.GetProperty("entities").GetInt32() >= 2, result.Out); // anna and bo

        var table = await _cli.Against(_node, "shards", "stats");
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("queue", table.Out);
        Assert.Contains("entities", table.Out);
    }

    [Fact]
    public async Task Actor_hierarchy_shows_the_tree_with_types_down_to_the_depth()
    {
        var result = await _cli.Against(_node, "actor", "hierarchy");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("/user [GuardianActor]", result.Out);
        Assert.Contains("queue-directory [QueueDirectoryActor]", result.Out);

        var sharding = await _cli.Against(_node, "actor", "hierarchy", "/system/sharding", "--depth", "1");
        Assert.True(sharding.ExitCode == 0, sharding.ToString());
        Assert.Contains("agent [ShardRegion]", sharding.Out);
        Assert.Contains("more", sharding.Out); // the agent region's shards lie below depth 1

        var shallow = await _cli.Against(_node, "actor", "hierarchy", "/user", "-d", "0", "-o", "json");
        var root = JsonDocument.Parse(shallow.Out).RootElement;
        Assert.Empty(root.GetProperty("children").EnumerateArray());
        Assert.True(root.GetProperty("omittedChildren").GetInt32() >= 1);
    }

    [Fact]
    public async Task Actor_hierarchy_of_a_path_with_no_actor_says_so()
    {
        var result = await _cli.Against(_node, "actor", "hierarchy", "/user/nobody-here");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not found: an actor at '/user/nobody-here' does not exist", result.Error);
    }

    [Fact]
    public async Task Call_show_prints_the_state_and_the_full_event_history()
    {
        var result = await _cli.Against(_node, "call", "show", "c1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"Status\s+│ Queued", result.Out);
        Assert.Matches(@"Queue\s+│ general", result.Out);
        Assert.Contains("History (1 events)", result.Out);
        Assert.Matches(@"│ 1 │ \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ │ offered │ from=\+4512345678", result.Out);

        var json = JsonDocument.Parse((await _cli.Against(_node, "call", "show", "c1", "-o", "json")).Out).RootElement;
        Assert.Equal("offered", json.GetProperty("history")[0].GetProperty("$event").GetString());
    }

    [Fact]
    public async Task Agent_show_prints_profile_status_and_todays_counters()
    {
        var result = await _cli.Against(_node, "agent", "show", "anna");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"Skills\s+│ general=7", result.Out);
        Assert.Matches(@"Status\s+│ LoggedOut", result.Out);
        Assert.Matches(@"Calls today\s+│ 0", result.Out);
    }

    [Fact]
    public async Task Queue_show_prints_settings_waiting_calls_and_idle_agents()
    {
        var result = await _cli.Against(_node, "queue", "show", "general");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"Required skill\s+│ general", result.Out);
        Assert.Contains("Waiting calls: 1", result.Out);
        Assert.Matches(@"│ c1\s+│ 0\s+│", result.Out);
        Assert.Contains("Idle agents: 0", result.Out);
        Assert.Matches(@"Routed on this node\s+│ yes", result.Out);
    }

    [Theory]
    [InlineData("call", "no-such-call")]
    [InlineData("agent", "no-such-agent")]
    [InlineData("queue", "no-such-queue")]
    public async Task An_unknown_entity_is_reported_with_exit_code_1(string kind, string id)
    {
        var result = await _cli.Against(_node, kind, "show", id);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"not found: {kind} '{id}' does not exist", result.Error);
        Assert.Equal("", result.Out);
    }
}
