using System.Text.Json;
using Xunit;

namespace ContactCenter.Cli.Tests;

/// <summary>Commands that change things: confirmation, forced logout, queue steering, membership on one node.</summary>
[Collection(SingleNodeCollection.Name)]
public sealed class SteeringTests(SingleNodeFixture fixture) : IDisposable
{
    private readonly CliNode _node = fixture.Node;
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    private async Task<string> AgentStatus(string agentId)
    {
        var show = await _cli.Against(_node, "agent", "show", agentId, "-o", "json");
        return JsonDocument.Parse(show.Out).RootElement.GetProperty("status").GetString()!;
    }

    [Fact]
    public async Task Agent_logout_asks_first_and_changes_nothing_unless_confirmed()
    {
        await _node.Post("/v1/agents/bo/login");
        string[] logout = ["--url", _node.Url, "--key", CliNode.AdminKey, "agent", "logout", "bo", "--force"];

        var noTerminal = await _cli.Run(logout);
        Assert.Equal(2, noTerminal.ExitCode);
        Assert.Contains("confirm with --yes", noTerminal.Error);

        var declined = await _cli.Run(logout, input: "n\n");
        Assert.Equal(1, declined.ExitCode);
        Assert.Contains("Agent 'bo' will be logged out even if offered a call or on one. Continue? [y/N]", declined.Error);
        Assert.Contains("aborted; nothing was changed", declined.Error);
        Assert.Equal("Paused", await AgentStatus("bo"));

        var confirmed = await _cli.Run(logout, input: "y\n");
        Assert.True(confirmed.ExitCode == 0, confirmed.ToString());
        Assert.Contains("agent bo:", confirmed.Out);
        Assert.Equal("LoggedOut", await AgentStatus("bo"));
    }

    [Fact]
    public async Task Agent_logout_force_with_yes_logs_a_ready_agent_out()
    {
        await _node.CreateAgent("cy", "law", 2);
        await _node.Post("/v1/agents/cy/login");
        await _node.Post("/v1/agents/cy/ready");

        var result = await _cli.Against(_node, "agent", "logout", "cy", "--force", "--yes");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("LoggedOut", await AgentStatus("cy"));
    }

    [Fact]
    public async Task Queue_drain_close_and_open_steer_the_queue()
    {
        // A queue of its own: the node is shared with the inspection tests.
        await _node.CreateQueue("steered", "steered");
        var drain = await _cli.Against(_node, "queue", "drain", "steered", "--yes");
        Assert.True(drain.ExitCode == 0, drain.ToString());
        Assert.Contains("draining", drain.Out);

        var close = await _cli.Against(_node, "queue", "close", "steered", "--yes");
        Assert.True(close.ExitCode == 0, close.ToString());
        Assert.Contains("closed", close.Out);

        var open = await _cli.Against(_node, "queue", "open", "steered");
        Assert.True(open.ExitCode == 0, open.ToString());
        Assert.Contains("open (following its hours)", open.Out);

        var unknown = await _cli.Against(_node, "queue", "close", "no-such-queue", "--yes");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("does not exist", unknown.Error);
    }

    [Fact]
    public async Task Joining_the_cluster_the_node_is_already_in_changes_nothing()
    {
        var result = await _cli.Against(_node, "cluster", "join", _node.AkkaAddress, "--yes");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("already in the cluster", result.Out);
    }

    [Fact]
    public async Task Downing_an_address_that_is_not_a_member_is_refused()
    {
        var result = await _cli.Against(_node, "cluster", "down", "akka.tcp://contact-center@127.0.0.1:1", "--yes");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not found: a cluster member at akka.tcp://contact-center@127.0.0.1:1 does not exist", result.Error);
    }

    [Fact]
    public async Task Down_unreachable_with_every_member_reachable_downs_nobody()
    {
        var result = await _cli.Against(_node, "cluster", "down-unreachable", "--yes");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("no member is unreachable; nothing was downed", result.Out);
    }
}
