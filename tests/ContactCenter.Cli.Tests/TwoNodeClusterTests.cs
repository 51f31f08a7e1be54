using System.Text.Json;
using Akka.Actor;
using Akka.Cluster;
using Akka.Configuration;
using Xunit;

namespace ContactCenter.Cli.Tests;

/// <summary>Two real nodes on loopback in one cluster, shared by the read-only cluster and shard tests.</summary>
public sealed class TwoNodeFixture : IAsyncLifetime
{
    public CliNode First { get; private set; } = null!;
    public CliNode Second { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        First = await CliNode.StartAsync();
        Second = await CliNode.StartAsync(seed: First);
        await CliNode.Eventually(() => Assert.Equal(2, Cluster.Get(First.System).State.Members.Count(m => m.Status == MemberStatus.Up)), seconds: 30);
        for (var i = 0; i < 8; i++) await First.CreateAgent($"agent-{i}", "general", 5);
    }

    public async Task DisposeAsync()
    {
        await Second.DisposeAsync();
        await First.DisposeAsync();
    }
}

[Trait("Category", "Slow")]
public sealed class TwoNodeClusterTests(TwoNodeFixture fixture) : IClassFixture<TwoNodeFixture>, IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Cluster_show_on_either_node_lists_both_members_up_with_one_leader_and_one_oldest()
    {
        foreach (var (node, other) in new[] { (fixture.First, fixture.Second), (fixture.Second, fixture.First) })
        {
            var result = await _cli.Against(node, "cluster", "show");

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("2 member(s), 0 unreachable", result.Out);
            Assert.Contains(node.AkkaAddress + " (self)", result.Out);
            Assert.Single(result.Out.Split('\n'), l => l.Contains(other.AkkaAddress) && l.Contains("Up") && l.Contains("reachable"));
            Assert.Contains($"Oldest: {fixture.First.AkkaAddress}", result.Out); // it formed the cluster
            Assert.Single(result.Out.Split('\n'), l => l.Contains("│ leader"));
        }
    }

    [Fact]
    public async Task Shards_stats_shows_every_node_with_its_shards_and_entities()
    {
        var result = await _cli.Against(fixture.Second, "shards", "stats", "agent", "-o", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var nodes = Assert.Single(JsonDocument.Parse(result.Out).RootElement.EnumerateArray()).GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(
            new[] { fixture.First.AkkaAddress, fixture.Second.AkkaAddress }.Order(),
            nodes.Select(n => n.GetProperty("address").GetString()).Order());
        Assert.Equal(8, nodes.Sum(n => n.GetProperty("entities").GetInt32()));

        var table = await _cli.Against(fixture.First, "shards", "stats", "agent");
        Assert.Contains(fixture.Second.AkkaAddress, table.Out);
        Assert.Contains("8 entities", table.Out);
    }

    [Fact]
    public async Task Shards_regions_lists_the_nodes_that_host_each_region()
    {
        var result = await _cli.Against(fixture.First, "shards", "regions");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(fixture.Second.AkkaAddress, result.Out);
    }
}

/// <summary>Membership changes: a node leaves; a crashed member is downed. Each starts its own cluster.</summary>
[Trait("Category", "Slow")]
public sealed class ClusterChangeTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Cluster_leave_makes_the_other_node_leave_and_the_cluster_shrinks()
    {
        await using var first = await CliNode.StartAsync();
        await using var second = await CliNode.StartAsync(seed: first);
        var leaving = second.AkkaAddress;
        await CliNode.Eventually(() => Assert.Equal(2, Cluster.Get(first.System).State.Members.Count(m => m.Status == MemberStatus.Up)), seconds: 30);

        var result = await _cli.Against(first, "cluster", "leave", leaving, "--yes");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"{leaving} is leaving the cluster", result.Out);
        await CliNode.Eventually(async () =>
        {
            var show = await _cli.Against(first, "cluster", "show");
            Assert.Contains("1 member(s), 0 unreachable", show.Out);
            Assert.DoesNotContain(leaving, show.Out);
        }, seconds: 30);
    }

    [Fact]
    public async Task Cluster_down_unreachable_downs_a_crashed_member()
    {
        await using var node = await CliNode.StartAsync();
        var crashed = await StartMemberThatCrashes(node);
        var crashedAddress = Cluster.Get(crashed).SelfAddress.ToString();
        await CliNode.Eventually(() => Assert.Equal(2, Cluster.Get(node.System).State.Members.Count(m => m.Status == MemberStatus.Up)), seconds: 30);

        await crashed.Terminate(); // no leave: the node just disappears
        await CliNode.Eventually(async () =>
        {
            var show = await _cli.Against(node, "cluster", "show");
            Assert.Contains("2 member(s), 1 unreachable", show.Out);
            Assert.Single(show.Out.Split('\n'), l => l.Contains(crashedAddress) && l.Contains("UNREACHABLE"));
        }, seconds: 30);

        var result = await _cli.Against(node, "cluster", "down-unreachable", "--yes");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("downed 1 unreachable member(s)", result.Out);
        await CliNode.Eventually(async () =>
            Assert.Contains("1 member(s), 0 unreachable", (await _cli.Against(node, "cluster", "show")).Out), seconds: 30);
    }

    /// <summary>
    /// A bare cluster member (no entities) that terminates without leaving, as a crash looks to the others. Its port
    /// is above the node's, so the split-brain resolver, if it ever decided first, would keep the node.
    /// </summary>
    private static async Task<ActorSystem> StartMemberThatCrashes(CliNode seed)
    {
        var seedPort = Cluster.Get(seed.System).SelfAddress.Port!.Value;
        var port = FreePortAbove(seedPort);
        var config = ConfigurationFactory.ParseString($$"""
            akka.actor.provider = cluster
            akka.remote.dot-netty.tcp { hostname = 127.0.0.1, port = {{port}} }
            akka.cluster.seed-nodes = ["{{seed.AkkaAddress}}"]
            akka.cluster.roles = ["observer"]
            akka.coordinated-shutdown.run-by-actor-system-terminate = off
            akka.coordinated-shutdown.exit-clr = off
            akka.cluster.run-coordinated-shutdown-when-down = off
            """);
        var system = ActorSystem.Create("contact-center", config);
        var up = new TaskCompletionSource();
        Cluster.Get(system).RegisterOnMemberUp(() => up.TrySetResult());
        await up.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return system;
    }

    /// <summary>The first loopback port above <paramref name="floor"/> that binds (the OS's random free ports can all fall below it).</summary>
    private static int FreePortAbove(int floor)
    {
        for (var port = floor + 1; port <= Math.Min(floor + 2000, 65535); port++)
        {
            var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
            try
            {
                listener.Start();
                return port;
            }
            catch (System.Net.Sockets.SocketException)
            {
                // taken: try the next
            }
            finally
            {
                listener.Stop();
            }
        }
        throw new InvalidOperationException($"no free loopback port above {floor}");
    }
}
