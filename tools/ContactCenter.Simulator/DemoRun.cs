using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace ContactCenter.Simulator;

public sealed record DemoOptions(
    int Agents, double Rate, double HandleSeconds, double PatienceSeconds, double RingDelaySeconds, double WrapUpSeconds,
    double DurationSeconds, int? Seed, string Prefix);

/// <summary>
/// A small contact center in motion: Poisson arrivals into one queue, callers who give up after their
/// patience, and a PBX that rings, answers, bridges and hangs up as the node's command stream tells it.
/// Prints the floor's numbers once a second, then cleans up after itself.
/// </summary>
public sealed class DemoRun
{
    /// <summary>Service level: answered within this wait, over the calls whose wait ended.</summary>
    public static readonly TimeSpan ServiceLevelThreshold = TimeSpan.FromSeconds(20);

    private enum Phase { Offering, Queued, Ringing, Answering, Connected, HangingUp, Abandoning, Ended }

    private sealed class Call(string id, long arrived, TimeSpan patience, TimeSpan ringDelay, TimeSpan handle)
    {
        public string Id { get; } = id;
        public long Arrived { get; } = arrived;
        public TimeSpan Patience { get; } = patience;
        public TimeSpan RingDelay { get; } = ringDelay;
        public TimeSpan Handle { get; } = handle;
        public Phase Phase { get; set; } = Phase.Offering;
        public string? Token { get; set; }
        public string? AgentId { get; set; }
        public bool Answered { get; set; }
        public bool Bridged { get; set; }
    }

    private readonly NodeClient _node;
    private readonly DemoOptions _options;
    private readonly CallCenterSetup _setup;
    private readonly Draws _draws;
    private readonly Tracker _work;
    private readonly ConcurrentDictionary<string, Call> _calls = new();
    private readonly object _gate = new();
    private readonly Stopwatch _clock = new();
    // Delays (patience, ring, talk) stop at the end of the run; requests in flight are let finish.
    private readonly CancellationTokenSource _timers = new();
    private readonly CancellationTokenSource _requests = new();

    // Counters, guarded by _gate.
    private int _offered, _answered, _answeredInThreshold, _abandoned, _completed, _endedByNode, _cutAtEnd, _errors;
    private double _answeredWaitSeconds;
    private int _errorsLogged;

    public DemoRun(NodeClient node, DemoOptions options)
    {
        _node = node;
        _options = options;
        var run = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        _setup = new CallCenterSetup(node, $"{options.Prefix}-{run}", options.Prefix, options.Agents, TimeSpan.FromSeconds(options.WrapUpSeconds), Log);
        _draws = new Draws(options.Seed);
        _work = new Tracker(e => Error($"internal: {e.GetType().Name}: {e.Message}"));
    }

    private void Log(string line) => Console.WriteLine(_clock.IsRunning ? $"{Time.Clock(_clock.Elapsed)} {line}" : line);

    private void Error(string what)
    {
        lock (_gate)
        {
            _errors++;
            if (++_errorsLogged > 20) return;
        }
        Log("error: " + what + (_errorsLogged == 20 ? " (further errors only counted)" : ""));
    }

    public async Task<int> Run(CancellationToken ct)
    {
        Log($"demo against {_node.BaseAddress}: {_options.Agents} agents, {_options.Rate} calls/s (Poisson), handle {_options.HandleSeconds} s, " +
            $"patience {_options.PatienceSeconds} s, ring {_options.RingDelaySeconds} s, wrap-up {_options.WrapUpSeconds} s, {_options.DurationSeconds} s");
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

        _clock.Start();
        var printing = PrintEverySecond(ct);
        var stoppedEarly = false;
        try
        {
            await Generate(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            stoppedEarly = true;
        }

        // Stop: no new calls; callers still waiting hang up, connected calls end; agents log out.
        await _timers.CancelAsync();
        _requests.CancelAfter(TimeSpan.FromSeconds(30));
        await _work.WhenIdle(TimeSpan.FromSeconds(15));
        await HangUpRemaining();
        await _setup.StopAgents(_requests.Token);
        await streamStop.CancelAsync();
        await streaming;
        _clock.Stop();
        await printing.ContinueWith(_ => { }, TaskScheduler.Default);

        PrintSummary(stoppedEarly, stream);
        return 0;
    }

    private async Task Generate(CancellationToken ct)
    {
        var end = TimeSpan.FromSeconds(_options.DurationSeconds);
        var next = _draws.Exponential(1 / _options.Rate);
        var n = 0;
        while (next < end)
        {
            var wait = next - _clock.Elapsed;
            if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
            var call = new Call($"{_setup.QueueId}-{++n:D5}", Stopwatch.GetTimestamp(),
                _draws.Exponential(_options.PatienceSeconds), _draws.Around(_options.RingDelaySeconds), _draws.Exponential(_options.HandleSeconds));
            var from = _draws.DanishNumber();
            _calls[call.Id] = call;
            _work.Run(() => Offer(call, from));
            next += _draws.Exponential(1 / _options.Rate);
        }
        var rest = end - _clock.Elapsed;
        if (rest > TimeSpan.Zero) await Task.Delay(rest, ct);
    }

    private async Task Offer(Call call, string from)
    {
        var reply = await _node.Post("/v1/calls", new { callId = call.Id, from, dialled = "33663366", queueId = _setup.QueueId }, _requests.Token);
        if (!reply.Is(HttpStatusCode.Created))
        {
            _calls.TryRemove(call.Id, out _);
            Error($"POST /v1/calls {call.Id}: {reply}");
            return;
        }
        lock (_gate)
        {
            _offered++;
            if (call.Phase == Phase.Offering) call.Phase = Phase.Queued; // a ring may already have come
        }
        _work.Run(async () =>
        {
            await Task.Delay(call.Patience, _timers.Token);
            await GiveUp(call);
        });
    }

    /// <summary>Runs on the stream's read loop: decide under the lock, act on the work tracker.</summary>
    private void OnCommand(StreamCommand command)
    {
        if (!_calls.TryGetValue(command.CallId, out var call)) return;
        lock (_gate)
        {
            switch (command.Kind)
            {
                case "ring-agent" when call.Phase is Phase.Offering or Phase.Queued || (call.Phase == Phase.Ringing && call.Token != command.Token):
                    call.Phase = Phase.Ringing;
                    call.Token = command.Token;
                    call.AgentId = command.AgentId;
                    var token = command.Token;
                    _work.Run(async () =>
                    {
                        await Task.Delay(call.RingDelay, _timers.Token);
                        await Answer(call, token);
                    });
                    break;
                case "cancel-ring" when call.Phase == Phase.Ringing && (command.Token is null || command.Token == call.Token):
                    // The offer was withdrawn (not answered in time); the call is back in line.
                    call.Phase = Phase.Queued;
                    call.Token = null;
                    break;
                case "bridge" when call.Phase is Phase.Answering or Phase.Connected && !call.Bridged:
                    call.Bridged = true;
                    MarkAnswered(call);
                    StartTalking(call);
                    break;
                case "hang-up" when call.Phase is not (Phase.Ended or Phase.HangingUp or Phase.Abandoning):
                    call.Phase = Phase.Ended;
                    _endedByNode++;
                    break;
            }
        }
    }

    /// <summary>
    /// After the stream skipped ahead, read each open call's state and act as if its missed command had come
    /// (commands synthesized here carry id -1).
    /// </summary>
    private async Task Reconcile()
    {
        List<Call> open;
        lock (_gate) open = _calls.Values.Where(c => c.Phase is Phase.Queued or Phase.Ringing or Phase.Answering or Phase.Connected).ToList();
        var changed = 0;
        await Parallel.ForEachAsync(open, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (call, _) =>
        {
            var reply = await _node.Get($"/v1/calls/{call.Id}", _requests.Token);
            if (!reply.Is(HttpStatusCode.OK)) return;
            var status = reply.Body.GetProperty("status").GetString();
            var agentId = reply.Body.TryGetProperty("agentId", out var a) ? a.GetString() : null;
            var token = reply.Body.TryGetProperty("token", out var t) ? t.GetString() : null;
            string? kind;
            lock (_gate)
            {
                kind = (status, call.Phase) switch
                {
                    ("Ringing", _) when token != call.Token => "ring-agent",
                    ("Queued", Phase.Ringing) => "cancel-ring",
                    ("Connected", Phase.Answering or Phase.Connected) when !call.Bridged => "bridge",
                    ("Ended" or "Abandoned", not Phase.Ended) => "hang-up",
                    _ => null,
                };
            }
            if (kind is null) return;
            Interlocked.Increment(ref changed);
            OnCommand(new StreamCommand(-1, kind, call.Id, agentId, kind == "cancel-ring" ? call.Token : token, "reconciled", null, Stopwatch.GetTimestamp()));
        });
        Log($"command stream gap: read {open.Count} open calls, {changed} had moved on");
    }

    private async Task Answer(Call call, string? token)
    {
        string? agentId;
        lock (_gate)
        {
            if (call.Phase != Phase.Ringing || call.Token != token) return;
            call.Phase = Phase.Answering;
            agentId = call.AgentId;
        }
        var reply = await _node.Post($"/v1/calls/{call.Id}/events", new { type = "Answered", agentId, token }, _requests.Token);
        lock (_gate)
        {
            if (reply.Is(HttpStatusCode.OK))
            {
                MarkAnswered(call);
                if (!call.Bridged)
                {
                    // The bridge command normally follows on the stream; if it never comes, talk anyway.
                    _work.Run(async () =>
                    {
                        await Task.Delay(TimeSpan.FromSeconds(10), _timers.Token);
                        lock (_gate)
                        {
                            if (call.Bridged || call.Phase != Phase.Connected) return;
                            call.Bridged = true;
                            StartTalking(call);
                        }
                        Error($"{call.Id}: no bridge command within 10 s of the answer");
                    });
                }
                return;
            }
            if (call.Phase == Phase.Answering) call.Phase = Phase.Queued; // a new offer will ring
        }
        Error($"Answered {call.Id}: {reply}");
    }

    /// <summary>Under _gate. The agent picked up: the caller's wait ends here.</summary>
    private void MarkAnswered(Call call)
    {
        if (call.Answered) return;
        call.Answered = true;
        call.Phase = Phase.Connected;
        var waited = Time.Seconds(call.Arrived, Stopwatch.GetTimestamp());
        _answered++;
        _answeredWaitSeconds += waited;
        if (waited <= ServiceLevelThreshold.TotalSeconds) _answeredInThreshold++;
    }

    /// <summary>Under _gate. The agent talks for the call's handle time, then hangs up.</summary>
    private void StartTalking(Call call) => _work.Run(async () =>
    {
        await Task.Delay(call.Handle, _timers.Token);
        await HangUp(call, "AgentHungUp", countAs: () => _completed++);
    });

    private async Task GiveUp(Call call)
    {
        lock (_gate)
        {
            if (call.Phase is not (Phase.Queued or Phase.Ringing)) return;
        }
        await HangUp(call, "CallerHungUp", countAs: () => _abandoned++);
    }

    /// <summary>Ends the call from the given side unless something else ended it first.</summary>
    private async Task HangUp(Call call, string type, Action countAs)
    {
        lock (_gate)
        {
            var allowed = type == "AgentHungUp" ? call.Phase == Phase.Connected : call.Phase is Phase.Queued or Phase.Ringing or Phase.Offering;
            if (!allowed) return;
            call.Phase = type == "AgentHungUp" ? Phase.HangingUp : Phase.Abandoning;
        }
        var reply = await _node.Post($"/v1/calls/{call.Id}/events", new { type, disposition = type == "AgentHungUp" ? "resolved" : null }, _requests.Token);
        lock (_gate)
        {
            call.Phase = Phase.Ended;
            if (reply.Is(HttpStatusCode.OK)) countAs();
        }
        if (!reply.Is(HttpStatusCode.OK)) Error($"{type} {call.Id}: {reply}");
    }

    private async Task HangUpRemaining()
    {
        var hangUps = new List<Task>();
        foreach (var call in _calls.Values)
        {
            Phase phase;
            lock (_gate) phase = call.Phase;
            if (phase == Phase.Connected) hangUps.Add(HangUp(call, "AgentHungUp", () => _completed++));
            else if (phase is Phase.Queued or Phase.Ringing) hangUps.Add(HangUp(call, "CallerHungUp", () => _cutAtEnd++));
        }
        await Task.WhenAll(hangUps);
    }

    private (int Waiting, int Talking) Floor()
    {
        int waiting = 0, talking = 0;
        foreach (var call in _calls.Values)
        {
            switch (call.Phase)
            {
                case Phase.Queued or Phase.Ringing or Phase.Answering or Phase.Abandoning: waiting++; break;
                case Phase.Connected or Phase.HangingUp: talking++; break;
            }
        }
        return (waiting, talking);
    }

    private async Task PrintEverySecond(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (!_timers.IsCancellationRequested && await timer.WaitForNextTickAsync(ct))
        {
            var live = await _setup.QueueLive(ct);
            string line;
            lock (_gate)
            {
                var (waiting, talking) = Floor();
                var node = live is { } l ? $"node: {l.Waiting} in queue, {l.IdleAgents} idle agents" : "node: no answer";
                line = $"offered {_offered,4}  answered {_answered,4}  abandoned {_abandoned,3}  waiting {waiting,3}  talking {talking,3}  " +
                       $"SL {Percent(_answeredInThreshold, _answered + _abandoned),6}  ASA {Asa(),6}  abandon {Percent(_abandoned, _answered + _abandoned),6}  | {node}";
            }
            if (!_timers.IsCancellationRequested) Log(line);
        }
    }

    private string Asa() => _answered == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{_answeredWaitSeconds / _answered:F1}s");

    private static string Percent(int part, int whole) =>
        whole == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{100.0 * part / whole:F1}%");

    private void PrintSummary(bool stoppedEarly, CommandStream stream)
    {
        lock (_gate)
        {
            var ended = _answered + _abandoned;
            Console.WriteLine();
            Console.WriteLine($"demo summary ({(stoppedEarly ? "interrupted" : "ran")} {_clock.Elapsed.TotalSeconds:F0} s, queue {_setup.QueueId})");
            Console.WriteLine($"  offered (201 Created)        {_offered}");
            Console.WriteLine($"  answered                     {_answered}  (completed by the agent: {_completed})");
            Console.WriteLine($"  abandoned (patience ran out) {_abandoned}");
            Console.WriteLine($"  still waiting at the end     {_cutAtEnd}  (hung up by the simulator, not counted as abandoned)");
            Console.WriteLine($"  ended by the node            {_endedByNode}");
            Console.WriteLine($"  service level                {Percent(_answeredInThreshold, ended)}  ({_answeredInThreshold} of {ended} answered within {ServiceLevelThreshold.TotalSeconds:F0} s)");
            Console.WriteLine($"  average speed of answer      {Asa()}");
            Console.WriteLine($"  abandonment rate             {Percent(_abandoned, ended)}");
            Console.WriteLine($"  errors                       {_errors}");
            Console.WriteLine($"  stream commands read         {stream.Received} (reconnects {stream.Reconnects}, restarted at the journal's end {stream.Gaps}x)");
        }
    }
}
