using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Akka.Actor;
using ContactCenter.Actors.Agents;
using ContactCenter.Actors.Queues;
using ContactCenter.Actors.Routing;
using HdrHistogram;

namespace ContactCenter.Benchmarks.Lifecycle;

/// <summary>
/// End to end on one in-process node: K complete call lifecycles (offer, queued, ring, answer, connected,
/// hang-up, agent ready again) driven as fast as the node allows, with more calls in flight than agents.
/// </summary>
public static class LifecycleBenchmark
{
    public static async Task<int> RunAsync(LifecycleOptions options)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"cc-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        Console.WriteLine($"# lifecycle benchmark, {DateTimeOffset.Now:yyyy-MM-dd HH:mm:ss zzz}");
        Console.WriteLine($"cores: {Environment.ProcessorCount}, load average before: {LoadAverage()}");
        Console.WriteLine($"options: {options}");
        Console.WriteLine($"database folder: {folder}");
        try
        {
            if (options.RawSqlite) PrintRawSqlite(folder);
            return await RunLifecyclesAsync(options, Path.Combine(folder, "contactcenter.db"));
        }
        finally
        {
            Console.WriteLine($"load average after: {LoadAverage()}");
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static void PrintRawSqlite(string folder)
    {
        Console.WriteLine();
        Console.WriteLine("## Raw SQLite inserts (WAL, one prepared INSERT, ~200-byte rows)");
        Console.WriteLine();
        Console.WriteLine("| synchronous | rows/transaction | rows | rows/s | commits/s |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        var runs = new (int Batch, string? Sync, long MaxRows)[]
        {
            (100, null, 200_000), (100, "NORMAL", 200_000), (1, null, 5_000), (1, "NORMAL", 20_000),
        };
        var n = 0;
        foreach (var (batch, sync, maxRows) in runs)
        {
            var rate = SqliteFiles.MeasureInserts(Path.Combine(folder, $"raw-{n++}.db"), batch, sync, maxRows, TimeSpan.FromSeconds(5));
            Console.WriteLine(Invariant($"| {rate.Synchronous}{(sync is null ? " (default)" : "")} | {batch} | {rate.Rows:N0} | {rate.RowsPerSecond:N0} | {rate.TransactionsPerSecond:N0} |"));
        }
    }

    private static async Task<int> RunLifecyclesAsync(LifecycleOptions options, string databaseFile)
    {
        if (options.MinThreads > 0) ThreadPool.SetMinThreads(options.MinThreads, options.MinThreads);
        await using var node = await BenchNode.StartAsync(databaseFile, options.Journal, options.DeferredReads, options.ExtraHocon);
        var queueIds = Enumerable.Range(0, options.Queues).Select(q => $"bench-{q}").ToImmutableArray();
        var agentIds = Enumerable.Range(0, options.Agents).Select(a => $"agent-{a:D4}").ToImmutableArray();
        await SetUpFloorAsync(node, queueIds, agentIds);

        var driver = node.System.ActorOf(Props.Create(() => new CallDriver(node.Calls, node.Agents, queueIds, options.Agents)), "call-driver");
        var sqlite = options.Journal == JournalKind.Sqlite;
        var talk = TimeSpan.FromMilliseconds(options.TalkMilliseconds);
        if (sqlite) Console.WriteLine($"journal connection synchronous mode: {SqliteFiles.DefaultSynchronous(databaseFile)}");

        var warmup = await RunPhaseAsync(driver, new CallDriver.RunPhase("warmup", options.WarmupCalls, options.InFlight, options.EffectivePhaseTimeout, talk));
        PrintPhase(warmup, null, null);
        if (warmup.TimedOut) return 1;
        await QuiesceAsync(node, agentIds);

        var rowsBefore = sqlite ? SqliteFiles.CountRows(databaseFile) : null;
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

        var measured = await RunPhaseAsync(driver, new CallDriver.RunPhase("measure", options.Calls, options.InFlight, options.EffectivePhaseTimeout, talk));

        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        var gc = (GC.CollectionCount(0) - gcBefore.Item1, GC.CollectionCount(1) - gcBefore.Item2, GC.CollectionCount(2) - gcBefore.Item3);
        var quiet = await QuiesceAsync(node, agentIds);
        var rowsAfter = sqlite ? SqliteFiles.CountRows(databaseFile) : null;

        PrintPhase(measured, cpu, allocated);
        Console.WriteLine(Invariant($"GC collections during the measured phase: gen0 {gc.Item1}, gen1 {gc.Item2}, gen2 {gc.Item3}"));
        Console.WriteLine($"all agents ready again afterwards: {quiet}");
        if (rowsBefore is not null && rowsAfter is not null) PrintRows(rowsBefore, rowsAfter, measured.Completed);
        return measured.TimedOut || !quiet ? 1 : 0;
    }

    private static async Task SetUpFloorAsync(BenchNode node, ImmutableArray<string> queueIds, ImmutableArray<string> agentIds)
    {
        foreach (var queueId in queueIds)
        {
            var config = new QueueConfig(queueId, queueId, WrapUp: TimeSpan.Zero);
            Expect<CommandAccepted>(await node.Ask<object>(node.Queues, new QueueCommands.ConfigureQueue(queueId, config)));
        }
        await Until(() => Task.FromResult(queueIds.All(node.Directory.Routes.ContainsKey)), "queues routable");

        for (var i = 0; i < agentIds.Length; i++)
        {
            var agentId = agentIds[i];
            var profile = new AgentProfile(agentId, "bench", "bench", AgentKind.CitizenService,
                ImmutableDictionary<string, int>.Empty.Add(queueIds[i % queueIds.Length], 5), AutoPauseOnMissedOffer: false);
            Expect<CommandAccepted>(await node.Ask<object>(node.Agents, new AgentCommands.ConfigureAgent(agentId, profile)));
            Expect<CommandAccepted>(await node.Ask<object>(node.Agents, new AgentCommands.LogIn(agentId)));
            Expect<CommandAccepted>(await node.Ask<object>(node.Agents, new AgentCommands.MakeReady(agentId)));
        }
        await Until(async () =>
        {
            var idle = 0;
            foreach (var queueId in queueIds) idle += (await node.Ask<QueueView>(node.Queues, new QueueCommands.GetQueueState(queueId))).IdleAgents.Length;
            return idle == agentIds.Length;
        }, "every agent idle in its queue");
        Console.WriteLine($"floor: {queueIds.Length} queue(s), {agentIds.Length} agents, wrap-up 0");
    }

    private static async Task<CallDriver.PhaseResult> RunPhaseAsync(IActorRef driver, CallDriver.RunPhase phase)
    {
        Console.WriteLine($"running {phase.Name}: {phase.Calls:N0} calls, {phase.InFlight} in flight, talk time {phase.TalkTime.TotalMilliseconds:N0} ms, at most {phase.Timeout.TotalSeconds:N0} s");
        return await driver.Ask<CallDriver.PhaseResult>(phase, phase.Timeout + TimeSpan.FromSeconds(30));
    }

    /// <summary>Waits (bounded) until every agent is ready again, so every event of the phase is in the journal.</summary>
    private static async Task<bool> QuiesceAsync(BenchNode node, ImmutableArray<string> agentIds)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            var ready = 0;
            foreach (var agentId in agentIds)
            {
                if ((await node.Ask<AgentState>(node.Agents, new AgentCommands.GetAgentState(agentId))).Status == AgentStatus.Ready) ready++;
            }
            if (ready == agentIds.Length)
            {
                await Task.Delay(500); // queue snapshots and announcements settle
                return true;
            }
            await Task.Delay(100);
        }
        return false;
    }

    private static void PrintPhase(CallDriver.PhaseResult r, TimeSpan? cpu, long? allocated)
    {
        var rate = r.Completed / r.Elapsed.TotalSeconds;
        Console.WriteLine();
        Console.WriteLine($"## Phase '{r.Name}'{(r.TimedOut ? " (TIMED OUT)" : "")}");
        Console.WriteLine();
        Console.WriteLine("| lifecycles | elapsed | lifecycles/s | not ended | rejections | cancelled rings |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine(Invariant($"| {r.Completed:N0} of {r.Offered:N0} | {r.Elapsed.TotalSeconds:N2} s | {rate:N0} | {r.NotEnded} | {r.Rejections} | {r.CancelledRings} |"));
        if (cpu is { } c)
        {
            var cores = Environment.ProcessorCount;
            Console.WriteLine();
            var perLifecycle = c.TotalMilliseconds / r.Completed;
            var share = c.TotalSeconds / r.Elapsed.TotalSeconds / cores;
            var kib = allocated / (double)r.Completed / 1024;
            Console.WriteLine(Invariant(
                $"CPU: {c.TotalSeconds:N2} s process time = {perLifecycle:N3} ms per lifecycle ({share:P0} of {cores} cores); allocated {kib:N1} KiB per lifecycle"));
        }
        Console.WriteLine();
        Console.WriteLine("| interval (ms) | samples | p50 | p90 | p99 | max |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        PrintHistogram("hang-up accepted -> next RingAgent, same agent (calls waiting)", r.FreeToRing);
        PrintHistogram("RingAgent -> Bridge (answer persisted by agent, then call)", r.RingToBridge);
        PrintHistogram("Bridge -> CallCompleted (talk time + hang-up persisted by call)", r.BridgeToCompleted);
        PrintHistogram("offer sent -> CallCompleted (whole lifecycle incl. queueing)", r.Lifecycle);
    }

    private static void PrintHistogram(string name, LongHistogram h)
    {
        if (h.TotalCount == 0)
        {
            Console.WriteLine($"| {name} | 0 | | | | |");
            return;
        }
        static string Ms(long micros) => (micros / 1000.0).ToString("N2", CultureInfo.InvariantCulture);
        Console.WriteLine(Invariant(
            $"| {name} | {h.TotalCount:N0} | {Ms(h.GetValueAtPercentile(50))} | {Ms(h.GetValueAtPercentile(90))} | {Ms(h.GetValueAtPercentile(99))} | {Ms(h.GetMaxValue())} |"));
    }

    private static void PrintRows(SortedDictionary<string, long> before, SortedDictionary<string, long> after, int lifecycles)
    {
        Console.WriteLine();
        Console.WriteLine("| table | rows added | per lifecycle |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var (table, count) in after)
        {
            var added = count - before.GetValueOrDefault(table);
            Console.WriteLine(Invariant($"| {table} | {added:N0} | {added / (double)lifecycles:N2} |"));
        }
    }

    private static void Expect<T>(object reply)
    {
        if (reply is not T) throw new InvalidOperationException($"expected {typeof(T).Name}, got {reply}");
    }

    private static async Task Until(Func<Task<bool>> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(30)) throw new TimeoutException($"not reached in 30 s: {what}");
            await Task.Delay(50);
        }
    }

    private static string LoadAverage()
    {
        try { return File.ReadAllText("/proc/loadavg").Trim(); }
        catch (IOException) { return "n/a"; }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
