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

    private readonly string _folder = Directory.CreateTempSubdirectory("cc-equivalence-").FullName;
    private readonly List<HostProcess> _nodes = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private string SingleDatabase => Path.Combine(_folder, "single.db");
    private string ClusterDatabase => Path.Combine(_folder, "cluster.db");

    public Task InitializeAsync() => Task.CompletedTask;

    private void Log(string line)
    {
        var text = $"[{_clock.Elapsed.TotalSeconds,6:F1}s] {line}";
        try { output.WriteLine(text); } catch (InvalidOperationException) { }
        Console.WriteLine(text);
    }

    [Fact]
    public async Task One_SQLite_node_and_a_three_node_cluster_give_every_call_and_agent_the_same_outcome()
    {
        await BlackBoxScenario.AvoidMidnight(RunTakes, Log);
        Log($"(a) one node, embedded SQLite {SingleDatabase}");
        var single = HostProcess.Start("single", SingleDatabase, _folder, seeds: [], forceSqlite: true);
        _nodes.Add(single);
        await single.WaitReady(StartWithin);
        var alone = await Run([single]);
        Assert.True(File.Exists(SingleDatabase), "the single node did not write its SQLite file");
        await single.DisposeAsync();
        _nodes.Remove(single);

        await BlackBoxScenario.AvoidMidnight(RunTakes, Log);
        Log($"(b) three nodes, {(TestPersistence.OnPostgres ? "PostgreSQL schema " + TestPersistence.SchemaName(ClusterDatabase) : "shared SQLite " + ClusterDatabase)}");
        var seedPort = HostProcess.FreePort();
        string[] seeds = [$"akka.tcp://contact-center@127.0.0.1:{seedPort}"];
        var first = HostProcess.Start("node-1", ClusterDatabase, _folder, seeds, seedPort);
        _nodes.Add(first);
        await first.WaitReady(StartWithin);
        var others = new[] { HostProcess.Start("node-2", ClusterDatabase, _folder, seeds), HostProcess.Start("node-3", ClusterDatabase, _folder, seeds) };
        _nodes.AddRange(others);
        await Task.WhenAll(others.Select(n => n.WaitReady(StartWithin)));
        var cluster = await Run(_nodes.ToList());
        Assert.Equal(!TestPersistence.OnPostgres, File.Exists(ClusterDatabase));

        Log("one node:");
        foreach (var line in alone.Lines) Log("  " + line);
        Log("three nodes:");
        foreach (var line in cluster.Lines) Log("  " + line);

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
        var api = new CallCenterLoad(() => nodes, "unused", [], Log);
        var outcome = await new BlackBoxScenario(api, Log).Run(nodes);
        Log($"scenario on {nodes.Count} node(s) took {clock.Elapsed.TotalSeconds:F1} s");
        return outcome;
    }

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes) await node.DisposeAsync();
        TestPersistence.Delete(ClusterDatabase);
        var logs = Path.Combine(Path.GetTempPath(), TestPersistence.OnPostgres ? "cc-equivalence-logs-postgresql" : "cc-equivalence-logs-sqlite");
        Directory.CreateDirectory(logs);
        foreach (var file in Directory.GetFiles(_folder, "*.log")) File.Copy(file, Path.Combine(logs, Path.GetFileName(file)), overwrite: true);
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
