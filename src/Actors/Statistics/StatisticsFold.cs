using System.Collections.Immutable;
using ContactCenter.Actors.Agents;
using ContactCenter.Actors.Calls;
using ContactCenter.Actors.Queues;
using static ContactCenter.Actors.Agents.AgentEvents;
using static ContactCenter.Actors.Calls.CallEvents;
using static ContactCenter.Actors.Queues.QueueEvents;

namespace ContactCenter.Actors.Statistics;

/// <summary>The journal tags the projection reads, one offset each.</summary>
public static class StatisticsTags
{
    public const string Call = "call";
    public const string Agent = "agent";
    public const string Queue = "queue";
    public static readonly string[] All = [Call, Agent, Queue];
}

/// <summary>
/// Names of the open-ended counters in <see cref="QueueInterval.Counters"/>. Event types that other work adds
/// (transfers, callbacks, hypercare overflow, IVR menus) are counted under these names in
/// <see cref="StatisticsFold.CountCallEvent"/>; the reports read them by name.
/// </summary>
public static class QueueCounters
{
    public const string ColdTransfers = "cold-transfers";
    public const string WarmTransfers = "warm-transfers";
    public const string CallbacksRequested = "callbacks-requested";
    public const string CallbacksCompleted = "callbacks-completed";
    public const string HypercareOverflows = "hypercare-overflows";
    /// <summary>Prefix of a menu choice counter: "menu:" + the choice.</summary>
    public const string MenuChoicePrefix = "menu:";
}

/// <summary>
/// The pure fold of journal events into <see cref="CenterStatistics"/>. Each tag's events change their own part
/// of the figures (calls: volumes, waits, talk; agents: agent time and after-call work; queues: settings), so
/// the result does not depend on how the three streams interleave: a rebuild gives the incremental result.
/// </summary>
public static class StatisticsFold
{
    public static readonly TimeSpan RecentWindow = TimeSpan.FromMinutes(30);

    /// <summary>Folds one event read under <paramref name="tag"/> at <paramref name="offset"/>; an offset already folded changes nothing.</summary>
    public static CenterStatistics Apply(CenterStatistics s, string tag, long offset, string persistenceId, object e) => tag switch
    {
        StatisticsTags.Call when offset > s.CallOffset && e is ICallEvent ce =>
            Call(s, IdOf(persistenceId, "call-"), ce) with { CallOffset = offset },
        StatisticsTags.Call when offset > s.CallOffset => s with { CallOffset = offset },
        StatisticsTags.Agent when offset > s.AgentOffset && e is IAgentEvent ae =>
            Agent(s, IdOf(persistenceId, "agent-"), ae) with { AgentOffset = offset },
        StatisticsTags.Agent when offset > s.AgentOffset => s with { AgentOffset = offset },
        StatisticsTags.Queue when offset > s.QueueOffset && e is IQueueEvent qe =>
            Queue(s, IdOf(persistenceId, "queue-"), qe) with { QueueOffset = offset },
        StatisticsTags.Queue when offset > s.QueueOffset => s with { QueueOffset = offset },
        _ => s,
    };

    private static string IdOf(string persistenceId, string prefix) =>
        persistenceId.StartsWith(prefix, StringComparison.Ordinal) ? persistenceId[prefix.Length..] : persistenceId;

    // ---- Calls ---------------------------------------------------------------------------------------

    private static CenterStatistics Call(CenterStatistics s, string callId, ICallEvent e)
    {
        var track = s.Calls.GetValueOrDefault(callId);
        switch (e)
        {
            case CallOffered o:
                return Track(s, callId, new CallTrack(o.QueueId, o.At, null))
                    .UpdateQueue(Slots.Of(o.QueueId, o.At), q => q with { Offered = q.Offered + 1 });
            case CallRedirected r when track is not null:
                return Track(s, callId, new CallTrack(r.ToQueueId, r.At, null))
                    .UpdateQueue(EnteredSlot(track), q => q with { RedirectedOut = q.RedirectedOut + 1 })
                    .UpdateQueue(Slots.Of(r.ToQueueId, r.At), q => q with { Offered = q.Offered + 1, RedirectedIn = q.RedirectedIn + 1 });
            case CallConnected c when track is { ConnectedAt: null }:
            {
                var wait = c.At - track.EnteredAt;
                return Track(s, callId, track with { ConnectedAt = c.At })
                    .UpdateQueue(EnteredSlot(track), q => q with
                    {
                        Answered = q.Answered + 1,
                        AnsweredWaits = Increment(q.AnsweredWaits, QueueInterval.Bucket(wait)),
                        AnswerWaitTotal = q.AnswerWaitTotal + wait,
                        LongestWait = wait > q.LongestWait ? wait : q.LongestWait,
                    })
                    .Remember(track.QueueId, new RecentOutcome(c.At, wait, true));
            }
            case CallEnded end when track is { ConnectedAt: { } connected }:
                return Untrack(s, callId).UpdateQueue(EnteredSlot(track), q => q with
                {
                    Handled = q.Handled + 1,
                    TalkTotal = q.TalkTotal + (end.At - connected),
                    Dispositions = Increment(q.Dispositions, string.IsNullOrWhiteSpace(end.Disposition) ? "none" : end.Disposition),
                });
            case CallAbandoned a when track is not null:
            {
                var wait = a.At - track.EnteredAt;
                return Untrack(s, callId)
                    .UpdateQueue(EnteredSlot(track), q => q with
                    {
                        Abandoned = q.Abandoned + 1,
                        AbandonedWaits = Increment(q.AbandonedWaits, QueueInterval.Bucket(wait)),
                        LongestWait = wait > q.LongestWait ? wait : q.LongestWait,
                    })
                    .Remember(track.QueueId, new RecentOutcome(a.At, wait, false));
            }
            case CallForwarded when track is not null:
                return Untrack(s, callId).UpdateQueue(EnteredSlot(track), q => q with { ForwardedAfterHours = q.ForwardedAfterHours + 1 });
            case CallClosedAnnounced when track is not null:
                return Untrack(s, callId).UpdateQueue(EnteredSlot(track), q => q with { ClosedAnnounced = q.ClosedAnnounced + 1 });
            default:
                return track is null || CountCallEvent(e) is not { } counter
                    ? s
                    : s.UpdateQueue(EnteredSlot(track), q => q with { Counters = Increment(q.Counters, counter) });
        }
    }

    /// <summary>
    /// THE place where call event types added later are counted: return the <see cref="QueueCounters"/> name an
    /// event adds one to (in the interval of the queue the call is in), or null. Transfers, callbacks, hypercare
    /// overflow and menu choices do not exist as events in this branch yet.
    /// </summary>
    public static string? CountCallEvent(ICallEvent e) => e switch
    {
        _ => null,
    };

    private static SlotKey EnteredSlot(CallTrack track) => Slots.Of(track.QueueId, track.EnteredAt);

    private static CenterStatistics Track(CenterStatistics s, string callId, CallTrack track) =>
        s with { Calls = s.Calls.SetItem(callId, track) };

    private static CenterStatistics Untrack(CenterStatistics s, string callId) => s with { Calls = s.Calls.Remove(callId) };

    private static CenterStatistics Remember(this CenterStatistics s, string queueId, RecentOutcome outcome)
    {
        var list = s.Recent.GetValueOrDefault(queueId, ImmutableList<RecentOutcome>.Empty)
            .RemoveAll(r => r.At < outcome.At - RecentWindow)
            .Add(outcome);
        return s with { Recent = s.Recent.SetItem(queueId, list) };
    }

    private static CenterStatistics UpdateQueue(this CenterStatistics s, SlotKey key, Func<QueueInterval, QueueInterval> change)
    {
        var id = key.ToString();
        return s with { QueueIntervals = s.QueueIntervals.SetItem(id, change(s.QueueIntervals.GetValueOrDefault(id, QueueInterval.Empty))) };
    }

    // ---- Agents --------------------------------------------------------------------------------------

    private static CenterStatistics Agent(CenterStatistics s, string agentId, IAgentEvent e)
    {
        var track = s.Agents.GetValueOrDefault(agentId, AgentTrack.New);
        if (e is AgentConfigured c)
            return s with { Agents = s.Agents.SetItem(agentId, track with { Skills = c.Profile.Skills, Department = c.Profile.Department }) };
        if (e is WrapUpExtended) return s;

        var (status, reason) = e switch
        {
            AgentLoggedIn => (AgentStatus.Paused, PauseReasons.NotReady),
            AgentBecameReady => (AgentStatus.Ready, null),
            AgentPaused p => (AgentStatus.Paused, p.Reason),
            AgentLoggedOut or AgentRemoved => (AgentStatus.LoggedOut, null),
            OfferReserved => (AgentStatus.Offered, null),
            OfferMissed { AutoPaused: true } => (AgentStatus.Paused, PauseReasons.NoAnswer),
            OfferMissed or OfferRevoked => (AgentStatus.Ready, null),
            CallAnswered => (AgentStatus.OnCall, null),
            CallFinished f => (f.WrapUpUntil > f.At ? AgentStatus.WrapUp : AgentStatus.Ready, (string?)null),
            _ => (track.Status, track.PauseReason),
        };
        var closed = Close(s, agentId, track, e.At);
        if (e is CallFinished && track.Status == AgentStatus.OnCall)
            closed = closed.UpdateAgent(Slots.Of(agentId, e.At), a => a with { CallsHandled = a.CallsHandled + 1 });
        var queueId = e is OfferReserved o ? o.QueueId : track.QueueId;
        var next = track with { Status = status, Since = e.At, PauseReason = reason, QueueId = queueId };
        return closed with { Agents = closed.Agents.SetItem(agentId, next) };
    }

    /// <summary>Adds the time spent in the state that ends at <paramref name="at"/>; a wrap-up also counts as its queue's after-call work.</summary>
    private static CenterStatistics Close(CenterStatistics s, string agentId, AgentTrack track, DateTimeOffset at)
    {
        if (track.Status == AgentStatus.LoggedOut || at <= track.Since) return s;
        foreach (var (key, length) in Slots.Split(agentId, track.Since, at))
            s = s.UpdateAgent(key, a => AddTime(a, track.Status, track.PauseReason, length));
        if (track is { Status: AgentStatus.WrapUp, QueueId: { } queueId })
        {
            s = s.UpdateQueue(Slots.Of(queueId, track.Since), q => q with
            {
                WrapUps = q.WrapUps + 1,
                AfterCallWorkTotal = q.AfterCallWorkTotal + (at - track.Since),
            });
        }
        return s;
    }

    /// <summary>Time in one state. Ringing (an offer outstanding) counts as ready: the agent is available and waiting.</summary>
    public static AgentInterval AddTime(AgentInterval a, AgentStatus status, string? pauseReason, TimeSpan length)
    {
        a = a with { LoggedIn = a.LoggedIn + length };
        return status switch
        {
            AgentStatus.Ready or AgentStatus.Offered => a with { Ready = a.Ready + length },
            AgentStatus.OnCall => a with { Talk = a.Talk + length },
            AgentStatus.WrapUp => a with { WrapUp = a.WrapUp + length },
            AgentStatus.Paused => a with
            {
                Paused = a.Paused.SetItem(pauseReason ?? PauseReasons.NotReady,
                    a.Paused.GetValueOrDefault(pauseReason ?? PauseReasons.NotReady) + length),
            },
            _ => a,
        };
    }

    private static CenterStatistics UpdateAgent(this CenterStatistics s, SlotKey key, Func<AgentInterval, AgentInterval> change)
    {
        var id = key.ToString();
        return s with { AgentIntervals = s.AgentIntervals.SetItem(id, change(s.AgentIntervals.GetValueOrDefault(id, AgentInterval.Empty))) };
    }

    // ---- Queues --------------------------------------------------------------------------------------

    private static CenterStatistics Queue(CenterStatistics s, string queueId, IQueueEvent e) => e switch
    {
        QueueConfigured c => s with
        {
            Queues = s.Queues.SetItem(queueId, new QueueInfo(
                c.Config.Name, c.Config.RequiredSkill, c.Config.MinLevel,
                (int)Math.Round(c.Config.EffectiveServiceLevelThreshold.TotalSeconds), c.Config.ServiceLevelPercent)),
        },
        QueueRemoved => s with { Queues = s.Queues.Remove(queueId) },
        _ => s,
    };

    private static ImmutableDictionary<TKey, int> Increment<TKey>(ImmutableDictionary<TKey, int> counts, TKey key) where TKey : notnull =>
        counts.SetItem(key, counts.GetValueOrDefault(key) + 1);
}
