using System.Diagnostics;
using Akka.Actor;
using ContactCenter.Actors.Agents;
using ContactCenter.Actors.Calls;
using ContactCenter.Actors.Routing;
using HdrHistogram;

namespace ContactCenter.Benchmarks.Lifecycle;

/// <summary>
/// Plays the telephony adapter at full speed: offers calls with bounded concurrency, answers every RingAgent
/// signal at once and hangs up every call as soon as it is bridged. It times the steps from the signals the
/// node publishes on its event stream, so what it measures is what an adapter would see.
/// </summary>
public sealed class CallDriver : ReceiveActor, IWithTimers
{
    /// <summary>
    /// Run one phase: offer <paramref name="Calls"/> calls, at most <paramref name="InFlight"/> unfinished at a time;
    /// hang up <paramref name="TalkTime"/> after each bridge (zero: at once).
    /// </summary>
    public sealed record RunPhase(string Name, int Calls, int InFlight, TimeSpan Timeout, TimeSpan TalkTime);

    public sealed record PhaseResult(
        string Name,
        int Offered,
        int Completed,
        int NotEnded,
        int Rejections,
        int CancelledRings,
        bool TimedOut,
        TimeSpan Elapsed,
        LongHistogram FreeToRing,
        LongHistogram RingToBridge,
        LongHistogram BridgeToCompleted,
        LongHistogram Lifecycle);

    private sealed record PhaseDeadline(string Name);

    private sealed class Track(long offeredAt)
    {
        public long OfferedAt { get; } = offeredAt;
        public long RingAt { get; set; }
        public string? AgentId { get; set; }
        public long BridgeAt { get; set; }
    }

    private const long HighestMicros = 10 * 60 * 1_000_000L;

    private readonly IActorRef _calls;
    private readonly IActorRef _agents;
    private readonly IReadOnlyList<string> _queueIds;
    private readonly int _agentCount;

    private readonly Dictionary<string, Track> _tracks = new(StringComparer.Ordinal);
    // When each agent's last call was reported finished, and whether calls were waiting for an agent then.
    private readonly Dictionary<string, (long At, bool CallsWaiting)> _freedAt = new(StringComparer.Ordinal);

    private RunPhase? _phase;
    private IActorRef _requester = ActorRefs.Nobody;
    private long _startedAt;
    private int _offered, _completed, _notEnded, _rejections, _cancelledRings;
    private LongHistogram _freeToRing = NewHistogram(), _ringToBridge = NewHistogram(),
        _bridgeToCompleted = NewHistogram(), _lifecycle = NewHistogram();

    public CallDriver(IActorRef calls, IActorRef agents, IReadOnlyList<string> queueIds, int agentCount)
    {
        _calls = calls;
        _agents = agents;
        _queueIds = queueIds;
        _agentCount = agentCount;

        Receive<RunPhase>(Start);
        Receive<PhaseDeadline>(d =>
        {
            if (_phase?.Name == d.Name) Finish(timedOut: true);
        });
        Receive<CallSignals.RingAgent>(OnRing);
        Receive<CallSignals.Bridge>(OnBridge);
        Receive<CallSignals.CallCompleted>(OnCompleted);
        Receive<CallSignals.CancelRing>(_ => _cancelledRings++);
        Receive<CommandAccepted>(_ => { });
        Receive<CommandRejected>(_ => _rejections++);
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart() => Context.System.EventStream.Subscribe(Self, typeof(CallSignals.ICallSignal));

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    private static LongHistogram NewHistogram() => new(HighestMicros, 3);

    private static long Now => Stopwatch.GetTimestamp();

    private static long Micros(long from, long to) => Math.Clamp((to - from) * 1_000_000L / Stopwatch.Frequency, 0, HighestMicros);

    private void Start(RunPhase phase)
    {
        _phase = phase;
        _requester = Sender;
        _offered = _completed = _notEnded = _rejections = _cancelledRings = 0;
        _freeToRing = NewHistogram();
        _ringToBridge = NewHistogram();
        _bridgeToCompleted = NewHistogram();
        _lifecycle = NewHistogram();
        _freedAt.Clear();
        _startedAt = Now;
        Timers.StartSingleTimer("deadline", new PhaseDeadline(phase.Name), phase.Timeout);
        while (_offered < Math.Min(phase.InFlight, phase.Calls)) Offer();
    }

    private void Offer()
    {
        var phase = _phase!;
        var callId = $"{phase.Name}-{_offered:D7}";
        var queueId = _queueIds[_offered % _queueIds.Count];
        _offered++;
        _tracks[callId] = new Track(Now);
        _calls.Tell(new CallCommands.OfferCall(callId, "+4512345678", "33663366", queueId), Self);
    }

    private void OnRing(CallSignals.RingAgent ring)
    {
        var now = Now;
        // Answer every ring, also of calls left over from an earlier phase, so no agent stays reserved.
        _agents.Tell(new AgentCommands.AnswerOffer(ring.AgentId, ring.CallId, ring.Token), Self);
        if (_tracks.TryGetValue(ring.CallId, out var track))
        {
            track.RingAt = now;
            track.AgentId = ring.AgentId;
        }
        if (_freedAt.Remove(ring.AgentId, out var freed) && freed.CallsWaiting)
            _freeToRing.RecordValue(Micros(freed.At, now));
    }

    private void OnBridge(CallSignals.Bridge bridge)
    {
        var now = Now;
        var hangUp = new CallCommands.HangUp(bridge.CallId, CallParty.Caller);
        var talk = _phase?.TalkTime ?? TimeSpan.Zero;
        if (talk > TimeSpan.Zero) Context.System.Scheduler.ScheduleTellOnce(talk, _calls, hangUp, Self);
        else _calls.Tell(hangUp, Self);
        if (!_tracks.TryGetValue(bridge.CallId, out var track)) return;
        track.BridgeAt = now;
        if (track.RingAt != 0) _ringToBridge.RecordValue(Micros(track.RingAt, now));
    }

    private void OnCompleted(CallSignals.CallCompleted done)
    {
        var now = Now;
        if (!_tracks.Remove(done.CallId, out var track) || _phase is null) return;
        _completed++;
        if (done.Outcome != CallStatus.Ended) _notEnded++;
        if (track.BridgeAt != 0) _bridgeToCompleted.RecordValue(Micros(track.BridgeAt, now));
        _lifecycle.RecordValue(Micros(track.OfferedAt, now));

        // The agent of this call is about to be free. Count its wait for the next call only while more
        // calls are in the system than there are agents, i.e. some are surely waiting in a queue.
        var unfinished = _offered - _completed;
        if (track.AgentId is { } agentId) _freedAt[agentId] = (now, unfinished >= _agentCount + _agentCount / 5 + 10);

        if (_offered < _phase.Calls) Offer();
        else if (_completed == _phase.Calls) Finish(timedOut: false);
    }

    private void Finish(bool timedOut)
    {
        var phase = _phase!;
        Timers.Cancel("deadline");
        _requester.Tell(new PhaseResult(phase.Name, _offered, _completed, _notEnded, _rejections, _cancelledRings, timedOut,
            Stopwatch.GetElapsedTime(_startedAt), _freeToRing, _ringToBridge, _bridgeToCompleted, _lifecycle));
        _phase = null;
        _requester = ActorRefs.Nobody;
    }
}
