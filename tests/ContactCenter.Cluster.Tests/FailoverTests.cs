using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContactCenter.Testing;
using Xunit;
using Xunit.Abstractions;

namespace ContactCenter.Cluster.Tests;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessCollection
{
    public const string Name = "Host processes, run alone";
}

/// <summary>
/// Host processes on loopback sharing one database (PostgreSQL when CONTACTCENTER_TEST_POSTGRES is set, else
/// one SQLite file), under a steady load of calls answered through the HTTP API.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class FailoverTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Queue = "hovednummer";
    private static readonly string[] Agents = Enumerable.Range(1, 10).Select(i => $"kbs-{i:D2}").ToArray();
    /// <summary>The call events that are outcomes, and the statuses they leave.</summary>
    private static readonly string[] Terminal = ["ended", "abandoned", "forwarded", "closed-announced"];
    private static readonly string[] FinalStatuses = ["Ended", "Abandoned", "Forwarded", "ClosedAnnounced"];
    private static readonly TimeSpan StartWithin = TimeSpan.FromSeconds(120);

    private readonly ProcessBench _bench = new("cc-cluster", output);
    private readonly List<HostProcess> _nodes = [];
    private string? _database;
    private string Database => _database ??= _bench.Database("contactcenter.db");

    public Task InitializeAsync() => Task.CompletedTask;

    private void Log(string line) => _bench.Log($"{DateTime.UtcNow:HH:mm:ss.f} {line}");

    private IReadOnlyList<HostProcess> Live()
    {
        lock (_nodes) return _nodes.Where(n => n.Running).ToList();
    }

    private async Task<HostProcess> StartNode(string name, IReadOnlyList<string> seeds, int? akkaPort = null)
    {
        var node = _bench.Start(name, Database, seeds, akkaPort);
        lock (_nodes) _nodes.Add(node);
        await node.WaitReady(StartWithin);
        Log($"{name} ready at {node.Url} ({node.AkkaAddress})");
        return node;
    }

    [Fact]
    public async Task Scaling_2_3_2_and_a_killed_node_lose_no_call_and_leave_no_agent_offered_or_on_a_call()
    {
        Log($"database: {(TestPersistence.OnPostgres ? "PostgreSQL schema " + TestPersistence.SchemaName(Database) : "SQLite " + Database)}");
        // The first node is its own seed; the others join through it (a fixed port, as a StatefulSet's names are).
        var seedPort = FreePort();
        string[] seeds = [$"akka.tcp://contact-center@127.0.0.1:{seedPort}"];
        var a = await StartNode("node-a", seeds, seedPort);
        var b = await StartNode("node-b", seeds);

        var load = new CallCenterLoad(Live, Queue, Agents, Log);
        await SetUpCenter(load);

        using var stopCallers = new CancellationTokenSource();
        using var stopAgents = new CancellationTokenSource();
        var agents = load.RunAgents(stopAgents.Token);
        var callers = load.RunCallers(perSecond: 4, stopCallers.Token);
        await Task.Delay(TimeSpan.FromSeconds(8));

        Log("scale out 2 -> 3: node-c joins");
        var c = await StartNode("node-c", seeds);
        await Task.Delay(TimeSpan.FromSeconds(8));

        Log("scale in 3 -> 2: SIGTERM to node-b (leave, hand off)");
        var left = Stopwatch.StartNew();
        b.Terminate();
        Assert.True(await b.WaitExit(TimeSpan.FromSeconds(60)), "node-b did not exit within 60 s of SIGTERM");
        Log($"node-b exited {left.Elapsed.TotalSeconds:F1} s after SIGTERM");
        await Task.Delay(TimeSpan.FromSeconds(5));

        Log("back to 3: node-d joins");
        var d = await StartNode("node-d", seeds);
        await Task.Delay(TimeSpan.FromSeconds(8));

        // The oldest node holds the shard coordinators: the hardest one to lose.
        Log("kill -9 node-a (the oldest: shard coordinators)");
        var killedAt = DateTime.UtcNow;
        a.Kill();
        var recovery = await TimeToFullService(load, [c, d], killedAt);
        Log($"kill -9 to full service: {recovery.TotalSeconds:F1} s");
        var firstAnswer = load.Answered.Values.Where(t => t > killedAt).DefaultIfEmpty().Min();
        if (firstAnswer != default) Log($"first call answered {(firstAnswer - killedAt).TotalSeconds:F1} s after the kill");
        await Task.Delay(TimeSpan.FromSeconds(8));
        LogBacklogDrained(load, killedAt, killedAt + recovery);

        stopCallers.Cancel();
        await callers;
        Log($"load stopped: {load.Offered.Count} calls offered, {load.OfferFailures} not accepted by any node");

        // Agents keep answering until every call has its outcome.
        var states = await SettleCalls(load, TimeSpan.FromSeconds(60));
        stopAgents.Cancel();
        await agents;
        await DescribeOpenCalls(load, states);

        var outcomes = states.GroupBy(s => s.Value.Status).ToDictionary(g => g.Key, g => g.Count());
        Log("outcomes: " + string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value}")));

        Assert.NotEmpty(load.Offered);
        foreach (var (callId, state) in states)
        {
            Assert.True(FinalStatuses.Contains(state.Status), $"{callId} is {state.Status}, not ended");
            Assert.True(state.Outcomes == 1, $"{callId} has {state.Outcomes} outcomes in its history");
        }
        foreach (var agentId in Agents)
        {
            var agent = await load.Get($"/v1/agents/{agentId}", TimeSpan.FromSeconds(30));
            Assert.True(agent is not null, $"{agentId}: no node answered");
            var status = agent.Value.GetProperty("status").GetString();
            Assert.True(status is not ("Offered" or "OnCall"), $"{agentId} is left {status}");
        }
        Assert.True(recovery < TimeSpan.FromSeconds(60), $"full service took {recovery}");
    }

    private sealed record CallOutcome(string Status, int Outcomes);

    private async Task SetUpCenter(CallCenterLoad load)
    {
        using var queue = await load.Send(http => http.PutAsJsonAsync($"/v1/queues/{Queue}",
            new { name = "Hovednummer", requiredSkill = "general", wrapUp = "00:00:00", offerTimeout = "00:00:10" }), TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, queue?.StatusCode);
        foreach (var agentId in Agents)
        {
            using var profile = await load.Send(http => http.PutAsJsonAsync($"/v1/agents/{agentId}/profile",
                new { name = agentId, team = "KBS-1", department = "KBS", kind = "CitizenService", skills = new Dictionary<string, int> { ["general"] = 5 } }),
                TimeSpan.FromSeconds(30));
            Assert.Equal(HttpStatusCode.OK, profile?.StatusCode);
            (await load.Send(http => http.PostAsync($"/v1/agents/{agentId}/login", null), TimeSpan.FromSeconds(30)))?.Dispose();
            (await load.Send(http => http.PostAsync($"/v1/agents/{agentId}/ready", null), TimeSpan.FromSeconds(30)))?.Dispose();
        }
        // Calls are refused until the queue is in every node's directory.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        foreach (var node in Live())
        {
            while (true)
            {
                using var probe = await node.Http.PostAsJsonAsync("/v1/calls", new { callId = $"probe-{node.Name}", from = "+4500000000", queueId = Queue });
                if (probe.StatusCode == HttpStatusCode.Created) break;
                Assert.True(DateTime.UtcNow < deadline, $"{node.Name} does not route to {Queue}: {probe.StatusCode}");
                await Task.Delay(200);
            }
        }
        Log($"center set up: queue {Queue}, {Agents.Length} agents ready");
    }

    /// <summary>
    /// From the kill until the survivors have removed the dead member, every agent and the queue answer, and a
    /// new call offered now is answered by an agent. The probe has the top priority, so it measures routing
    /// restored, not the time the agents take to work off the callers who waited meanwhile (logged apart).
    /// </summary>
    private async Task<TimeSpan> TimeToFullService(CallCenterLoad load, IReadOnlyList<HostProcess> survivors, DateTime killedAt)
    {
        var deadline = killedAt.AddSeconds(120);
        var probe = 0;
        DateTime? healed = null, answering = null;
        while (DateTime.UtcNow < deadline)
        {
            if (!await ClusterHealed(survivors)) healed = null;
            else healed ??= DateTime.UtcNow;
            if (healed is not null && await EntitiesAnswer(survivors[0]))
            {
                if (answering is null)
                {
                    answering = DateTime.UtcNow;
                    Log($"dead member removed and survivors ready {(healed.Value - killedAt).TotalSeconds:F1} s after the kill; " +
                        $"every agent and the queue answer after {(answering.Value - killedAt).TotalSeconds:F1} s");
                }
                var callId = $"after-kill-{++probe}";
                using var offer = await survivors[0].Http.PostAsJsonAsync("/v1/calls", new { callId, from = "+4511111111", queueId = Queue, priority = 100 });
                if (offer.StatusCode == HttpStatusCode.Created)
                {
                    var until = DateTime.UtcNow.AddSeconds(10);
                    while (DateTime.UtcNow < until)
                    {
                        if (load.Answered.ContainsKey(callId)) return DateTime.UtcNow - killedAt;
                        await Task.Delay(100);
                    }
                }
            }
            await Task.Delay(250);
        }
        throw new TimeoutException("the cluster did not return to full service within 120 s of the kill");
    }

    /// <summary>When the last caller who rang before full service returned was answered: the backlog drained.</summary>
    private void LogBacklogDrained(CallCenterLoad load, DateTime killedAt, DateTime fullService)
    {
        var waited = load.Offered.Where(c => load.OfferedAt(c) is { } at && at > killedAt.AddSeconds(-5) && at < fullService).ToList();
        var answered = waited.Select(c => load.Answered.TryGetValue(c, out var at) ? at : (DateTime?)null).ToList();
        if (answered.Count == 0 || answered.Any(a => a is null)) return;
        Log($"{waited.Count} calls offered between the kill and full service; the last answered {(answered.Max()!.Value - killedAt).TotalSeconds:F1} s after the kill");
    }

    /// <summary>For a failed run: what each call still open went through, and where its agent is.</summary>
    private async Task DescribeOpenCalls(CallCenterLoad load, Dictionary<string, CallOutcome> states)
    {
        foreach (var (callId, _) in states.Where(s => s.Value.Outcomes != 1).Take(8))
        {
            var call = await load.Get($"/v1/calls/{callId}");
            var history = call?.GetProperty("history").EnumerateArray()
                .Select(e => e.TryGetProperty("$event", out var k) ? k.GetString() + (e.TryGetProperty("agentId", out var a) ? "(" + a.GetString() + ")" : "") : "?");
            Log($"open {callId}: {call?.GetProperty("status").GetString()} agent={call?.GetProperty("agentId")} offered at {load.OfferedAt(callId):HH:mm:ss.f}; " +
                string.Join(" > ", history ?? []));
        }
        foreach (var agentId in Agents)
        {
            var agent = await load.Get($"/v1/agents/{agentId}");
            Log($"{agentId}: {agent?.GetProperty("status").GetString()} offer={agent?.GetProperty("offer")} call={agent?.GetProperty("call")}");
        }
    }

    private static async Task<bool> ClusterHealed(IReadOnlyList<HostProcess> survivors)
    {
        foreach (var node in survivors)
        {
            try
            {
                using var ready = await node.Http.GetAsync("/healthz/ready");
                if (ready.StatusCode != HttpStatusCode.OK) return false;
                var view = await node.Http.GetFromJsonAsync<JsonElement>("/v1/admin/cluster");
                var members = view.GetProperty("members").EnumerateArray().ToList();
                if (members.Count != survivors.Count || members.Any(m => m.GetProperty("status").GetString() != "Up")) return false;
                if (view.GetProperty("unreachable").GetArrayLength() > 0) return false;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }
        return true;
    }

    private static async Task<bool> EntitiesAnswer(HostProcess node)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        try
        {
            var requests = Agents.Select(a => node.Http.GetAsync($"/v1/agents/{a}", timeout.Token))
                .Append(node.Http.GetAsync($"/v1/queues/{Queue}", timeout.Token)).ToList();
            var responses = await Task.WhenAll(requests);
            var ok = responses.All(r => r.StatusCode == HttpStatusCode.OK);
            foreach (var r in responses) r.Dispose();
            return ok;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>Polls every offered call until each has ended one way or another, or the time is up.</summary>
    private async Task<Dictionary<string, CallOutcome>> SettleCalls(CallCenterLoad load, TimeSpan within)
    {
        var states = new Dictionary<string, CallOutcome>();
        var deadline = DateTime.UtcNow + within;
        var open = load.Offered.ToList();
        while (true)
        {
            var still = new List<string>();
            foreach (var callId in open)
            {
                var call = await load.Get($"/v1/calls/{callId}");
                if (call is not { } c)
                {
                    still.Add(callId);
                    continue;
                }
                var status = c.GetProperty("status").GetString()!;
                var outcomes = c.GetProperty("history").EnumerateArray()
                    .Count(e => e.TryGetProperty("$event", out var kind) && Terminal.Contains(kind.GetString()));
                states[callId] = new CallOutcome(status, outcomes);
                if (outcomes == 0) still.Add(callId);
            }
            if (still.Count == 0 || DateTime.UtcNow > deadline) return states;
            Log($"{still.Count} calls still open, e.g. {still[0]} {(states.TryGetValue(still[0], out var s) ? s.Status : "?")}");
            open = still;
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task DisposeAsync() => await _bench.DisposeAsync();
}
