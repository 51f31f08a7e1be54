using System.Collections.Immutable;
using ContactCenter.Actors.Agents;
using ContactCenter.Actors.Calls;
using ContactCenter.Actors.Queues;
using static ContactCenter.Actors.Agents.AgentEvents;
using ContactCenter.Actors.Transfers;
using static ContactCenter.Actors.Calls.CallEvents;
using static ContactCenter.Actors.Calls.TransferEvents;
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
/// Names of the open-ended counters in <see cref="QueueInterval.Counters"/> (transfers, callbacks, hypercare
/// overflow, department referrals); the reports read them by name. Definitions: docs/statistics.md.
/// </summary>
public static class QueueCounters
{
    public const string ColdTransfers = "cold-transfers";
    public const string WarmTransfers = "warm-transfers";
    public const string CallbacksRequested = "callbacks-requested";
    public const string CallbacksCompleted = "callbacks-completed";
    public const string HypercareOverflows = "hypercare-overflows";
    public const string CallbacksFailed = "callbacks-failed";
    public const string TransferredIn = "transferred-in";
    public const string DepartmentReferrals = "department-referrals";
    /// <summary>Handled calls with disposition resolved that were referred to a department: not resolved at first contact.</summary>
    public const string ReferredResolved = "referred-resolved";
}

/// <summary>Dispositions the fold gives handled calls that ended without the adapter's disposition.</summary>
public static class FoldDispositions
{
    /// <summary>Cold-transferred to another queue: the first queue's part of the call is over.</summary>
    public const string Transferred = "transferred";
    /// <summary>Transferred to an outside number that answered.</summary>
    public const string TransferredOut = "transferred-out";
    /// <summary>The caller hung up while a cold transfer leg of an answered call rang.</summary>
    public const string HungUpInTransfer = "hung-up-in-transfer";
}

/// <summary>
/// The pure fold of journal events into <see cref="CenterStatistics"/>. Each tag's events change their own part
/// of the figures (calls: volumes, waits, talk; agents: agent time and after-call work; queues: settings), so
/// the result does not depend on how the three streams interleave: a rebuild gives the incremental result.
/// </summary>
public static class StatisticsFold
{
    public static readonly TimeSpan RecentWindow = TimeSpan.FromMinutes(30);

    /// <summary>How long after its end a call's department referral still counts against first-contact resolution.</summary>
    public static readonly TimeSpan ReferralWindow = TimeSpan.FromHours(1);

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
            case CallMenuChoice m:
                return s.UpdateMenu(Slots.Of(m.MenuId, m.At), MenuChoiceKey(m));
            case CallReferredToDepartment r:
                return Referred(s, callId, track, r);
            case CallbackRequested when track is not null:
                return Track(s, callId, track with { Callback = true }).Count(EnteredSlot(track), QueueCounters.CallbacksRequested);
            case CallConnected c when track is { Callback: true, ConnectedAt: null }:
                return Track(s, callId, track with { ConnectedAt = c.At }).Count(EnteredSlot(track), QueueCounters.CallbacksCompleted);
            case CallbackGaveUp or CallAbandoned when track is { Callback: true, ConnectedAt: null }:
                return Untrack(s, callId).Count(EnteredSlot(track), QueueCounters.CallbacksFailed);
            case CallAbandoned a when track is { ConnectedAt: not null }:
                return EndHandled(s, callId, track, a.At, FoldDispositions.HungUpInTransfer);
            case TransferLegStarted t when track is not null:
                return s.Count(EnteredSlot(track), t.Leg.Mode == TransferMode.Cold ? QueueCounters.ColdTransfers : QueueCounters.WarmTransfers);
            case CallTransferredToQueue t when track is not null:
            {
                var moved = track.ConnectedAt is null
                    ? Untrack(s, callId)
                    : EndHandled(s, callId, track, t.At, FoldDispositions.Transferred);
                return Track(moved.Count(EnteredSlot(track), QueueCounters.ColdTransfers), callId,
                        new CallTrack(t.ToQueueId, t.At, null, Referred: track.Referred))
                    .UpdateQueue(Slots.Of(t.ToQueueId, t.At), q => q with
                    {
                        Offered = q.Offered + 1, Counters = Increment(q.Counters, QueueCounters.TransferredIn),
                    });
            }
            case TransferLegAnswered { Leg: { Mode: TransferMode.Cold, Target.Kind: TransferTargetKind.External } } a when track is not null:
                return EndHandled(s, callId, track, a.At, FoldDispositions.TransferredOut);
            case WarmTransferCompleted { Leg.Target.Kind: TransferTargetKind.External } w when track is not null:
                return EndHandled(s, callId, track, w.At, FoldDispositions.TransferredOut);
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
            case CallEnded end when track is { ConnectedAt: not null }:
                return EndHandled(s, callId, track, end.At, string.IsNullOrWhiteSpace(end.Disposition) ? "none" : end.Disposition);
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
                return s;
        }
    }

    /// <summary>An answered call's part in its queue is over: handled, its talk since the answer, the disposition.</summary>
    private static CenterStatistics EndHandled(CenterStatistics s, string callId, CallTrack track, DateTimeOffset at, string disposition)
    {
        var slot = EnteredSlot(track);
        var resolved = disposition == QueueFigures.Resolved;
        var ended = Untrack(s, callId).UpdateQueue(slot, q => q with
        {
            Handled = q.Handled + 1,
            TalkTotal = q.TalkTotal + (at - track.ConnectedAt!.Value),
            Dispositions = Increment(q.Dispositions, disposition),
        });
        if (resolved && track.Referred) ended = ended.Count(slot, QueueCounters.ReferredResolved);
        var recent = ended.Ended.RemoveRange(ended.Ended.Where(kv => kv.Value.EndedAt < at - ReferralWindow).Select(kv => kv.Key));
        return ended with { Ended = recent.SetItem(callId, new EndedCall(slot.ToString(), at, resolved, track.Referred)) };
    }

    /// <summary>
    /// A department referral, counted once per call in the interval the call entered its queue; a call that ended
    /// resolved and is referred within <see cref="ReferralWindow"/> after its end no longer counts as resolved at first contact.
    /// </summary>
    private static CenterStatistics Referred(CenterStatistics s, string callId, CallTrack? track, CallReferredToDepartment r)
    {
        if (track is { Referred: false })
            return Track(s, callId, track with { Referred = true }).Count(EnteredSlot(track), QueueCounters.DepartmentReferrals);
        if (track is not null || s.Ended.GetValueOrDefault(callId) is not { Referred: false } ended || r.At > ended.EndedAt + ReferralWindow) return s;
        var slot = SlotKey.Parse(ended.Slot);
        var counted = s.Count(slot, QueueCounters.DepartmentReferrals);
        if (ended.Resolved) counted = counted.Count(slot, QueueCounters.ReferredResolved);
        return counted with { Ended = counted.Ended.SetItem(callId, ended with { Referred = true }) };
    }

    /// <summary>The key a menu choice counts under: the digits pressed, "invalid" for digits the menu has no option for, "timeout" for none.</summary>
    public static string MenuChoiceKey(CallMenuChoice m) =>
        m.Outcome == "invalid" ? "invalid" : string.IsNullOrEmpty(m.Digits) ? "timeout" : m.Digits;

    private static CenterStatistics Count(this CenterStatistics s, SlotKey key, string counter) =>
        s.UpdateQueue(key, q => q with { Counters = Increment(q.Counters, counter) });

    private static CenterStatistics UpdateMenu(this CenterStatistics s, SlotKey key, string choice)
    {
        var id = key.ToString();
        var menu = s.MenuIntervals.GetValueOrDefault(id, MenuInterval.Empty);
        return s with { MenuIntervals = s.MenuIntervals.SetItem(id, menu with { Choices = Increment(menu.Choices, choice) }) };
    }

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
        HypercareOverflowChanged { On: true } h => s.Count(Slots.Of(queueId, h.At), QueueCounters.HypercareOverflows),
        _ => s,
    };

    private static ImmutableDictionary<TKey, int> Increment<TKey>(ImmutableDictionary<TKey, int> counts, TKey key) where TKey : notnull =>
        counts.SetItem(key, counts.GetValueOrDefault(key) + 1);
}
