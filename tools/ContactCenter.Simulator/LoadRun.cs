using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace ContactCenter.Simulator;

public sealed record LoadOptions(
    int Agents, double Rate, double HandleSeconds, double RingDelaySeconds, double DurationSeconds, double DrainSeconds,
    int MaxOutstanding, int? Seed, string Prefix);

/// <summary>
/// Offers calls at a fixed rate (open loop: arrivals do not wait for earlier calls) and measures, per call,
/// the time from "POST /v1/calls returned 201" to "its ring-agent command was read from the stream". The
/// PBX side answers every ring and hangs up after a short handle time, so agents come back and the
/// measurement stays about routing, not about waiting for a free agent (the idle-agent count shows it).
/// </summary>
public sealed class LoadRun
{
    private sealed class Call(string id)
    {
        public string Id { get; } = id;
        public long Sent;
        public long Created;
        public long Rung;
        public long AnsweredAt;
        public DateTimeOffset? OfferedAt;
        public DateTimeOffset? RoutedAt;
        public bool Answered;
        public bool Done;
        public TimeSpan Handle;
    }

    private readonly NodeClient _node;
    private readonly LoadOptions _options;
    private readonly CallCenterSetup _setup;
    private readonly Draws _draws;
    private readonly Tracker _work;
    private readonly ConcurrentDictionary<string, Call> _calls = new();
    private readonly Stopwatch _clock = new();
    private readonly CancellationTokenSource _timers = new();
    private readonly CancellationTokenSource _requests = new();

    private readonly Latency _ring = new();       // 201 received → ring-agent frame read (the measure)
    private readonly Latency _ringInterval = new();
    private readonly Latency _core = new();       // offered → offered-to-agent, both stamped by the node
    private readonly Latency _delivery = new();   // offered-to-agent stamped by the node → frame read here
    private readonly Latency _post = new();       // POST /v1/calls sent → 201 received
    private readonly Latency _bridge = new();     // Answered returned 200 → bridge frame read

    private long _waitingForRing, _ringsReconciled;
    private long _sent, _created, _rung, _ringBefore201, _answered, _completed, _withdrawn, _skipped;
    private long _offerErrors, _answerErrors, _hangUpErrors;
    private readonly ConcurrentDictionary<string, int> _errorKinds = new();
    private int _minIdleAgents = int.MaxValue;
    private double _generationSeconds;
    private string? _stoppedBecause;
    private volatile bool _closed; // after the drain: late commands are neither measured nor answered

    public LoadRun(NodeClient node, LoadOptions options)
    {
        _node = node;
        _options = options;
        var run = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        _setup = new CallCenterSetup(node, $"{options.Prefix}-{run}", options.Prefix, options.Agents, TimeSpan.Zero, Log);
        _draws = new Draws(options.Seed);
        _work = new Tracker(e => CountError("internal " + e.GetType().Name));
    }

    private void Log(string line) => Console.WriteLine(_clock.IsRunning ? $"{Time.Clock(_clock.Elapsed)} {line}" : line);

    private void CountError(string kind) => _errorKinds.AddOrUpdate(kind, 1, (_, n) => n + 1);

    /// <summary>Calls sent and not answered yet, plus calls answered 201 whose ring has not been read.</summary>
    private long Outstanding => WaitingForRing + Interlocked.Read(ref _sent) - Interlocked.Read(ref _created) - Interlocked.Read(ref _offerErrors);

    /// <summary>Calls whose 201 came back and whose ring-agent has not been read yet.</summary>
    private long WaitingForRing => Interlocked.Read(ref _waitingForRing);

    public async Task<int> Run(CancellationToken ct)
    {
        Log($"load against {_node.BaseAddress}: {_options.Rate} calls/s for {_options.DurationSeconds} s, {_options.Agents} agents, " +
            $"handle {_options.HandleSeconds} s (exponential), ring {_options.RingDelaySeconds} s, wrap-up 0 s");
        Log($"queue {_setup.QueueId}, agents {_setup.AgentIds[0]}..{_setup.AgentIds[^1]}");
        await _setup.CreateQueue(ct);

        using var streamStop = new CancellationTokenSource();
        var stream = new CommandStream(_node, OnCommand, Log, Reconcile);
        var streaming = stream.Run(streamStop.Token);
        // The node answers a from=latest subscription only after it has found the journal's end.
        var subscribing = Stopwatch.StartNew();
        await stream.Subscribed.WaitAsync(TimeSpan.FromSeconds(120), ct);
        Log($"command stream subscribed in {subscribing.Elapsed.TotalSeconds:F1} s");
        await _setup.StartAgents(ct);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;

        _clock.Start();
        using var printStop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var printing = PrintEverySecond(printStop.Token);
        try
        {
            await Generate(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            _stoppedBecause ??= "interrupted";
        }
        _generationSeconds = _clock.Elapsed.TotalSeconds;

        // Drain: give calls already offered time to ring before counting them as missing.
        var drainUntil = _clock.Elapsed + TimeSpan.FromSeconds(_options.DrainSeconds);
        while (Outstanding > 0 && _clock.Elapsed < drainUntil && !ct.IsCancellationRequested)
            await Task.Delay(50, CancellationToken.None);
        _closed = true;
        var missing = Outstanding;
        await printStop.CancelAsync();
        await printing.ContinueWith(_ => { }, TaskScheduler.Default);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var measuredSeconds = _clock.Elapsed.TotalSeconds;

        // Clean up: stop timers, let requests in flight finish, end every call still open, log agents out.
        await _timers.CancelAsync();
        _requests.CancelAfter(TimeSpan.FromSeconds(60));
        await _work.WhenIdle(TimeSpan.FromSeconds(20));
        await EndOpenCalls();
        await _setup.StopAgents(_requests.Token);
        await streamStop.CancelAsync();
        await streaming;
        _clock.Stop();

        PrintSummary(stream, missing, cpu, measuredSeconds);
        return 0;
    }

    private async Task Generate(CancellationToken ct)
    {
        var interval = 1.0 / _options.Rate;
        var total = (long)Math.Round(_options.Rate * _options.DurationSeconds);
        var saturatedSeconds = 0;
        var lastCheck = 0.0;
        for (long n = 0; n < total; n++)
        {
            var due = n * interval;
            var wait = due - _clock.Elapsed.TotalSeconds;
            if (wait > 0.001) await Task.Delay(TimeSpan.FromSeconds(wait), ct);
            ct.ThrowIfCancellationRequested();

            // Bounded: never more than MaxOutstanding calls waiting for their ring.
            if (Outstanding >= _options.MaxOutstanding)
            {
                Interlocked.Increment(ref _skipped);
                continue;
            }
            var call = new Call($"{_setup.QueueId}-{n + 1:D6}") { Handle = _draws.Exponential(_options.HandleSeconds) };
            var from = _draws.DanishNumber();
            _calls[call.Id] = call;
            Interlocked.Increment(ref _sent); // counted here, so the drain never misses a call not started yet
            _work.Run(() => Offer(call, from));

            // Saturation: more than 2 s of arrivals outstanding (POST not answered yet, or ring not read yet),
            // 3 checks in a row; the numbers past that point measure the backlog, not the routing.
            var now = _clock.Elapsed.TotalSeconds;
            if (now - lastCheck >= 1)
            {
                lastCheck = now;
                var outstanding = Outstanding;
                saturatedSeconds = outstanding > Math.Max(50, _options.Rate * 2) || Interlocked.Read(ref _skipped) > 0 ? saturatedSeconds + 1 : 0;
                if (saturatedSeconds >= 3)
                {
                    _stoppedBecause = $"saturated: {outstanding} calls outstanding ({WaitingForRing} waiting for their ring), {Interlocked.Read(ref _skipped)} arrivals skipped";
                    Log("stopping early: " + _stoppedBecause);
                    return;
                }
            }
        }
    }

    private async Task Offer(Call call, string from)
    {
        call.Sent = Stopwatch.GetTimestamp();
        var reply = await _node.Post("/v1/calls", new { callId = call.Id, from, dialled = "33663366", queueId = _setup.QueueId }, _requests.Token);
        var now = Stopwatch.GetTimestamp();
        if (!reply.Is(HttpStatusCode.Created))
        {
            Interlocked.Increment(ref _offerErrors);
            CountError($"POST /v1/calls {reply.Status}");
            _calls.TryRemove(call.Id, out _);
            return;
        }
        _post.Record(Time.Micros(call.Sent, now));
        lock (call)
        {
            call.Created = now;
            Interlocked.Increment(ref _created);
            if (call.Rung == 0) Interlocked.Increment(ref _waitingForRing);
            else
            {
                // The ring was read before the 201: the latency is zero by this measure.
                Interlocked.Increment(ref _ringBefore201);
                RecordRing(call);
            }
        }
    }

    /// <summary>Under lock(call), once both ends are known.</summary>
    private void RecordRing(Call call)
    {
        var micros = Time.Micros(call.Created, call.Rung);
        _ring.Record(micros);
        _ringInterval.Record(micros);
    }

    private void OnCommand(StreamCommand command)
    {
        if (_closed || !_calls.TryGetValue(command.CallId, out var call)) return;
        switch (command.Kind)
        {
            case "play-announcement":
                lock (call) call.OfferedAt = command.At;
                break;
            case "ring-agent":
                var first = false;
                DateTimeOffset? offeredAt;
                lock (call)
                {
                    if (call.Rung == 0)
                    {
                        first = true;
                        call.Rung = command.ReceivedTimestamp;
                        call.RoutedAt = command.At;
                        Interlocked.Increment(ref _rung);
                        if (command.Id < 0) Interlocked.Increment(ref _ringsReconciled); // read by GET after a stream gap: not measured
                        if (call.Created != 0)
                        {
                            Interlocked.Decrement(ref _waitingForRing);
                            if (command.Id >= 0) RecordRing(call);
                        }
                    }
                    offeredAt = call.OfferedAt;
                }
                if (first && command.Id >= 0 && command.At is { } routed)
                {
                    var read = DateTimeOffset.UtcNow - TimeSpan.FromSeconds(Time.Seconds(command.ReceivedTimestamp, Stopwatch.GetTimestamp()));
                    _delivery.Record(read - routed);
                    if (offeredAt is { } offered) _core.Record(routed - offered);
                }
                var token = command.Token;
                var agentId = command.AgentId;
                _work.Run(async () =>
                {
                    if (_options.RingDelaySeconds > 0) await Task.Delay(TimeSpan.FromSeconds(_options.RingDelaySeconds), _timers.Token);
                    await Answer(call, agentId, token);
                });
                break;
            case "cancel-ring":
                Interlocked.Increment(ref _withdrawn);
                break;
            case "bridge":
                long answeredAt;
                lock (call) answeredAt = call.AnsweredAt;
                if (answeredAt != 0) _bridge.Record(Time.Micros(answeredAt, command.ReceivedTimestamp));
                break;
        }
    }

    /// <summary>After the stream skipped ahead: calls still waiting for their ring are read by GET.</summary>
    private async Task Reconcile()
    {
        var open = _calls.Values.Where(c => { lock (c) return c.Rung == 0 && c.Created != 0; }).ToList();
        await Parallel.ForEachAsync(open, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (call, _) =>
        {
            var reply = await _node.Get($"/v1/calls/{call.Id}", _requests.Token);
            if (!reply.Is(HttpStatusCode.OK) || reply.Body.GetProperty("status").GetString() != "Ringing") return;
            OnCommand(new StreamCommand(-1, "ring-agent", call.Id, reply.Body.GetProperty("agentId").GetString(),
                reply.Body.GetProperty("token").GetString(), "reconciled", null, Stopwatch.GetTimestamp()));
        });
        Log($"command stream gap: read {open.Count} calls waiting for their ring");
    }

    private async Task Answer(Call call, string? agentId, string? token)
    {
        var reply = await _node.Post($"/v1/calls/{call.Id}/events", new { type = "Answered", agentId, token }, _requests.Token);
        if (!reply.Is(HttpStatusCode.OK))
        {
            Interlocked.Increment(ref _answerErrors);
            CountError($"Answered {reply.Status}");
            return;
        }
        lock (call)
        {
            call.Answered = true;
            call.AnsweredAt = Stopwatch.GetTimestamp();
        }
        Interlocked.Increment(ref _answered);
        // The agent talks for the handle time, then hangs up; wrap-up is 0 s, so it is ready again at once.
        await Task.Delay(call.Handle, _timers.Token);
        await End(call, "AgentHungUp");
    }

    private async Task End(Call call, string type)
    {
        lock (call)
        {
            if (call.Done) return;
            call.Done = true;
        }
        var reply = await _node.Post($"/v1/calls/{call.Id}/events", new { type }, _requests.Token);
        if (reply.Is(HttpStatusCode.OK))
        {
            if (type == "AgentHungUp") Interlocked.Increment(ref _completed);
            return;
        }
        Interlocked.Increment(ref _hangUpErrors);
        CountError($"{type} {reply.Status}");
    }

    private async Task EndOpenCalls()
    {
        var open = new List<Task>();
        foreach (var call in _calls.Values)
        {
            bool answered, done, created;
            lock (call) (answered, done, created) = (call.Answered, call.Done, call.Created != 0);
            if (!done && created) open.Add(End(call, answered ? "AgentHungUp" : "CallerHungUp"));
            if (open.Count >= 64)
            {
                await Task.WhenAll(open);
                open.Clear();
            }
        }
        await Task.WhenAll(open);
    }

    private async Task PrintEverySecond(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        long lastSent = 0;
        while (await timer.WaitForNextTickAsync(ct))
        {
            var live = await _setup.QueueLive(ct);
            if (live is { } l && _generationSeconds == 0) _minIdleAgents = Math.Min(_minIdleAgents, l.IdleAgents);
            var interval = Summary.Of(_ringInterval.TakeInterval());
            var sent = Interlocked.Read(ref _sent);
            var errors = Interlocked.Read(ref _offerErrors) + Interlocked.Read(ref _answerErrors) + Interlocked.Read(ref _hangUpErrors);
            Log(string.Create(CultureInfo.InvariantCulture,
                $"sent {sent,6} (+{sent - lastSent,4})  rung {Interlocked.Read(ref _rung),6}  outstanding {Outstanding,5}  " +
                $"answered {Interlocked.Read(ref _answered),6}  errors {errors,3}  | last 1 s ring p50 {interval.P50,7:F1} ms p99 {interval.P99,7:F1} ms " +
                $"| node: {(live is { } q ? $"{q.Waiting} queued, {q.IdleAgents} idle agents" : "no answer")}"));
            lastSent = sent;
        }
    }

    private void PrintSummary(CommandStream stream, long missing, TimeSpan cpu, double measuredSeconds)
    {
        var created = Interlocked.Read(ref _created);
        var achieved = _generationSeconds > 0 ? created / _generationSeconds : 0;
        var errors = Interlocked.Read(ref _offerErrors) + Interlocked.Read(ref _answerErrors) + Interlocked.Read(ref _hangUpErrors);
        var ring = _ring.Summarize();
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load summary: target {_options.Rate} calls/s for {_options.DurationSeconds} s, generated for {_generationSeconds:F1} s{(_stoppedBecause is null ? "" : $" ({_stoppedBecause})")}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  offered (201)   {created}  achieved {achieved:F1} calls/s   sent {Interlocked.Read(ref _sent)}  skipped {Interlocked.Read(ref _skipped)}"));
        Console.WriteLine($"  ring-agent      {Interlocked.Read(ref _rung)} read ({Interlocked.Read(ref _ringBefore201)} before their 201), {missing} calls without a 201 or a ring after a {_options.DrainSeconds} s drain; offers withdrawn {Interlocked.Read(ref _withdrawn)}");
        Console.WriteLine($"  answered        {Interlocked.Read(ref _answered)}  completed {Interlocked.Read(ref _completed)}");
        Console.WriteLine($"  errors          {errors}{(_errorKinds.IsEmpty ? "" : "  (" + string.Join(", ", _errorKinds.OrderBy(e => e.Key).Select(e => $"{e.Key}: {e.Value}")) + ")")}");
        Console.WriteLine($"  idle agents     min {(_minIdleAgents == int.MaxValue ? "?" : _minIdleAgents.ToString(CultureInfo.InvariantCulture))} during generation (0 means calls also waited for an agent)");
        Console.WriteLine($"  stream          {stream.Received} commands read, {stream.Reconnects} reconnects, restarted at the journal's end {stream.Gaps}x; " +
                          $"{Interlocked.Read(ref _ringsReconciled)} rings read by GET after a gap (not in the histogram)");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  simulator CPU   {cpu.TotalSeconds:F1} s over {measuredSeconds:F1} s ({100 * cpu.TotalSeconds / measuredSeconds:F0}% of one core)"));
        Console.WriteLine();
        Console.WriteLine("latency, ms" + Summary.Header[11..]);
        Console.WriteLine(ring.Row("offered (201) -> ring-agent read"));
        Console.WriteLine(_core.Summarize().Row("  node: offered -> offered-to-agent (at)"));
        Console.WriteLine(_delivery.Summarize().Row("  stream: offered-to-agent (at) -> read"));
        Console.WriteLine(_post.Summarize().Row("POST /v1/calls -> 201"));
        Console.WriteLine(_bridge.Summarize().Row("Answered 200 -> bridge read"));
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"markdown: | {_options.Rate:F0} | {achieved:F1} | {created} | {ring.P50:F1} | {ring.P90:F1} | {ring.P99:F1} | {ring.P999:F1} | {ring.Max:F1} | {errors} | {missing} |"));
    }
}
