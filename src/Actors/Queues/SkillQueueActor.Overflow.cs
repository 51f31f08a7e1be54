using Akka.Actor;
using System.Collections.Immutable;
using ContactCenter.Actors.Calls;
using ContactCenter.Actors.Routing;
using static ContactCenter.Actors.Queues.QueueCommands;
using static ContactCenter.Actors.Queues.QueueEvents;
using static ContactCenter.Actors.Queues.QueueProtocol;

namespace ContactCenter.Actors.Queues;

/// <summary>
/// Callbacks, escalation steps and hypercare inside the pull protocol. The queue widens its audience by
/// publishing extra audiences (rings) in its directory route; agents that match announce themselves with their
/// ring, and the queue offers them only the calls that waited past the ring's step (or all calls while hypercare
/// overflow is on). A one-second tick re-evaluates while calls wait or a ring is open.
/// </summary>
public sealed partial class SkillQueueActor
{
    public static readonly TimeSpan OverflowTickInterval = TimeSpan.FromSeconds(1);

    private readonly QueueLoad _load = new();
    private readonly HashSet<string> _callbackOffered = new(StringComparer.Ordinal);
    private ImmutableSortedSet<int> _activeRings = ImmutableSortedSet<int>.Empty;

    private void ReceiveOverflowAndCallbacks()
    {
        Command<ParkCallback>(cmd =>
        {
            var decision = State.Decide(cmd, Now);
            if (decision.IsRejected) return; // the call re-sends on its next wake-up; nothing to reply to an entity
            PersistThen(decision.Events, _ =>
            {
                _roster.ReleaseCall(cmd.CallId);
                if (State.Parked.TryGetValue(cmd.CallId, out var parked)) ArmCallback(parked);
                Evaluate();
            });
        });
        Command<CallbackDue>(m =>
        {
            if (!State.Parked.TryGetValue(m.CallId, out var parked)) return;
            if (parked.DueAt > Now + TimeSpan.FromSeconds(1))
            {
                ArmCallback(parked); // a far time is re-checked daily
                return;
            }
            PersistThen(State.Decide(m, Now).Events, _ => Evaluate());
        });
        Command<OverflowTick>(_ => Evaluate());
    }

    /// <summary>Overflow-related state after recovery: parked callbacks' timers, rings, the tick.</summary>
    private void RecoverOverflow()
    {
        foreach (var parked in State.Parked.Values) ArmCallback(parked);
        _activeRings = DesiredRings(Now);
        ArmTick();
    }

    private void ArmCallback(ParkedCallback parked)
    {
        var delay = parked.DueAt > Now ? parked.DueAt - Now : TimeSpan.Zero;
        Timers.StartSingleTimer($"callback-{parked.CallId}", new CallbackDue(_queueId, parked.CallId),
            delay < TimeSpan.FromDays(1) ? delay : TimeSpan.FromDays(1));
    }

    /// <summary>May this idle agent take this call now? Outer rings only for calls past their step, or during hypercare.</summary>
    private bool MayTake(WaitingCall call, IdleAgent agent, DateTimeOffset now)
    {
        if (agent.Ring == 0) return State.IsEligible(agent);
        if (!_activeRings.Contains(agent.Ring)) return false;
        if (agent.Ring == QueueAudience.HypercareRing) return State.HypercareOnSince is not null;
        var steps = State.Config!.EffectiveEscalation;
        return agent.Ring <= steps.Count && now - call.Rank.OriginalArrival >= steps[agent.Ring - 1].After;
    }

    private bool Admits(IdleAgent agent) =>
        agent.Ring == 0 ? State.IsEligible(agent) : _activeRings.Contains(agent.Ring);

    /// <summary>The rings that should be open: a step once any waiting call passed its time; hypercare while on.</summary>
    private ImmutableSortedSet<int> DesiredRings(DateTimeOffset now)
    {
        if (State.Config is not { } config) return ImmutableSortedSet<int>.Empty;
        var rings = ImmutableSortedSet.CreateBuilder<int>();
        var oldest = State.OldestWait(now);
        var steps = config.EffectiveEscalation;
        for (var i = 0; i < steps.Count; i++)
        {
            if (State.Line.Count > 0 && oldest >= steps[i].After) rings.Add(i + 1);
        }
        if (State.HypercareOnSince is not null && config.Hypercare is not null) rings.Add(QueueAudience.HypercareRing);
        return rings.ToImmutable();
    }

    /// <summary>Wait-based callback offers, the hypercare decision, the open rings, then dispatch.</summary>
    private void Evaluate()
    {
        if (State.Config is not { } config) return;
        var now = Now;
        if (config.Callbacks is { Enabled: true } callbacks)
        {
            foreach (var call in State.Line)
            {
                var waited = now - call.Rank.OriginalArrival;
                if (waited >= callbacks.EffectiveWaitAbove) OfferCallback(call.CallId, $"waited {waited.TotalSeconds:0} s");
            }
        }
        var oldest = State.OldestWait(now);
        var measures = new QueueMeasures(oldest, _load.ServiceLevelPercent(config.EffectiveServiceLevelThreshold), _load.EstimatedWait(oldest));
        PersistThen(State.DecideHypercare(measures, now).Events, _ =>
        {
            var rings = DesiredRings(now);
            if (!rings.SetEquals(_activeRings))
            {
                var closed = _activeRings.Except(rings);
                _activeRings = rings;
                foreach (var agent in _roster.IdleAgents.Where(a => closed.Contains(a.Ring)).ToList()) _roster.MarkUnavailable(agent.AgentId);
                RegisterRoute();
            }
            Dispatch();
            ArmTick();
        });
    }

    private void ArmTick()
    {
        var config = State.Config;
        var wanted = config is not null
                     && (config.EffectiveEscalation.Count > 0 || config.Hypercare is not null || config.Callbacks is { Enabled: true })
                     && (State.Line.Count > 0 || _activeRings.Count > 0 || State.HypercareOnSince is not null
                         || (config.Hypercare is { } h && h.InPeriod(Now) && _load.ServiceLevelPercent(config.EffectiveServiceLevelThreshold) is not null));
        KeepPeriodic("overflow-tick", new OverflowTick(_queueId), OverflowTickInterval, wanted);
    }

    /// <summary>After a new call is in line: offer a callback when more than N wait or the estimated wait is above X.</summary>
    private void OnEnqueued(string callId)
    {
        if (State.Config?.Callbacks is { Enabled: true } callbacks && State.ById.ContainsKey(callId))
        {
            var oldest = State.OldestWait(Now);
            var estimate = _load.EstimatedWait(oldest);
            if (State.Line.Count > callbacks.OfferWhenMoreWaitingThan)
                OfferCallback(callId, $"{State.Line.Count} callers waiting");
            else if (estimate > callbacks.EffectiveWaitAbove)
                OfferCallback(callId, $"estimated wait {estimate.TotalSeconds:0} s");
        }
        ArmTick();
    }

    private void OfferCallback(string callId, string reason)
    {
        if (!_callbackOffered.Add(callId)) return;
        _regions.Calls.Tell(new CallProtocol.OfferCallbackChoice(callId, _queueId, reason));
    }

    /// <summary>Outcomes for the live service level and the estimated wait.</summary>
    private void RecordOutcome(IQueueEvent e, WaitingCall? call)
    {
        if (call is null) return;
        switch (e)
        {
            case CallAssigned a:
                _load.Answered(a.At - call.Rank.OriginalArrival);
                _callbackOffered.Remove(a.CallId);
                break;
            case CallRemoved r:
                if (r.Reason == "caller hung up") _load.Abandoned(r.At - call.Rank.OriginalArrival);
                _callbackOffered.Remove(r.CallId);
                break;
        }
    }
}
