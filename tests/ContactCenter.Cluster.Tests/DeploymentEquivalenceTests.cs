using System.Diagnostics;
using ContactCenter.Testing;
using Xunit;
using Xunit.Abstractions;

namespace ContactCenter.Cluster.Tests;

/// <summary>
/// The same black-box scenario (<see cref="BlackBoxScenario"/>) on the smallest deployment, one node on its own
/// SQLite file, and on a cluster of three host processes (PostgreSQL when CONTACTCENTER_TEST_POSTGRES is set,
/// else one shared SQLite file), with requests spread round-robin over the three so that every step crosses
/// nodes: the calls and agents must end the same way.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class DeploymentEquivalenceTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan StartWithin = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan RunTakes = TimeSpan.FromSeconds(90);

    private readonly ProcessBench _bench = new("cc-equivalence", output);

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public async Task One_SQLite_node_and_a_three_node_cluster_give_every_call_and_agent_the_same_outcome()
    {
        var singleDatabase = _bench.Database("single.db");
        var clusterDatabase = _bench.Database("cluster.db");
        await BlackBoxScenario.AvoidMidnight(RunTakes, _bench.Log);
        _bench.Log($"(a) one node, embedded SQLite {singleDatabase}");
        var single = _bench.Start("single", singleDatabase, seeds: [], forceSqlite: true);
        await single.WaitReady(StartWithin);
        var alone = await Run([single]);
        Assert.True(File.Exists(singleDatabase), "the single node did not write its SQLite file");
        single.Kill();
        await single.WaitExit(TimeSpan.FromSeconds(10));

        await BlackBoxScenario.AvoidMidnight(RunTakes, _bench.Log);
        _bench.Log($"(b) three nodes, {(TestPersistence.OnPostgres ? "PostgreSQL schema " + TestPersistence.SchemaName(clusterDatabase) : "shared SQLite " + clusterDatabase)}");
        var seedPort = HostProcess.FreePort();
        string[] seeds = [$"akka.tcp://contact-center@127.0.0.1:{seedPort}"];
        // Started together: the first is the seed and forms the cluster; the others join it once it answers.
        HostProcess[] nodes =
        [
            _bench.Start("node-1", clusterDatabase, seeds, seedPort), _bench.Start("node-2", clusterDatabase, seeds),
            _bench.Start("node-3", clusterDatabase, seeds),
        ];
        await Task.WhenAll(nodes.Select(n => n.WaitReady(StartWithin)));
        var cluster = await Run(nodes);
        Assert.Equal(!TestPersistence.OnPostgres, File.Exists(clusterDatabase));

        _bench.Log("one node:");
        foreach (var line in alone.Lines) _bench.Log("  " + line);
        _bench.Log("three nodes:");
        foreach (var line in cluster.Lines) _bench.Log("  " + line);

        // The script fixes each fate; check it is the one the script means, then that both deployments agree.
        Assert.All(alone.Calls, c => Assert.True(c.Outcomes == 1, $"{c.CallId} has {c.Outcomes} outcomes"));
        Assert.Equal(
            ["c01 Ended Caller", "c02 Ended Agent", "c03 Ended Agent", "c04 Abandoned ", "c05 Ended Caller", "c06 Ended Caller",
             "c07 ClosedAnnounced ", "c08 Forwarded ", "c09 Abandoned "],
            alone.Calls.OrderBy(c => c.CallId, StringComparer.Ordinal).Select(c => $"{c.CallId} {c.Status} {c.EndedBy}"));
        Assert.Equal(alone.Calls, cluster.Calls);
        Assert.Equal(alone.Agents, cluster.Agents);
    }

    private async Task<ScenarioOutcome> Run(IReadOnlyList<HostProcess> nodes)
    {
        var clock = Stopwatch.StartNew();
        var api = new CallCenterLoad(() => nodes, "unused", [], _bench.Log);
        var outcome = await new BlackBoxScenario(api, _bench.Log).Run(nodes);
        _bench.Log($"scenario on {nodes.Count} node(s) took {clock.Elapsed.TotalSeconds:F1} s");
        return outcome;
    }

    public async Task DisposeAsync() => await _bench.DisposeAsync();
}
