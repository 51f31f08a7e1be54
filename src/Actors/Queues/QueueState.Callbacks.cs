using System.Collections.Immutable;
using ContactCenter.Actors.Routing;
using static ContactCenter.Actors.Queues.QueueEvents;

namespace ContactCenter.Actors.Queues;

/// <summary>A callback waiting for its time (a scheduled callback, or a retry after back-off), held by its queue.</summary>
public sealed record ParkedCallback(string CallId, CallRank Rank, DateTimeOffset DueAt) : Serialization.IContactCenterMessage;

/// <summary>Callbacks parked until their time, and the hypercare overflow switch.</summary>
public sealed partial record QueueState
{
    public ImmutableDictionary<string, ParkedCallback> Parked { get; init; } = ImmutableDictionary<string, ParkedCallback>.Empty;

    /// <summary>When the hypercare overflow was switched on; null while off.</summary>
    public DateTimeOffset? HypercareOnSince { get; init; }

    private QueueState Park(CallbackParked p) =>
        Remove(p.CallId) with { Parked = Parked.SetItem(p.CallId, new ParkedCallback(p.CallId, p.Rank, p.DueAt)) };

    /// <summary>A parked callback put in line or taken out leaves the parked set.</summary>
    private QueueState Unpark(IQueueEvent e) => e switch
    {
        CallEnqueued q when Parked.ContainsKey(q.CallId) => this with { Parked = Parked.Remove(q.CallId) },
        CallRemoved r when Parked.ContainsKey(r.CallId) => this with { Parked = Parked.Remove(r.CallId) },
        _ => this,
    };

    /// <summary>A call asks to wait outside the line until its time (idempotent for the same call).</summary>
    public Decision<IQueueEvent> Decide(QueueCommands.ParkCallback cmd, DateTimeOffset now)
    {
        if (!Exists) return Decision<IQueueEvent>.Reject(QueueId, RejectionCode.NotFound, $"queue '{QueueId}' does not exist");
        return Parked.TryGetValue(cmd.CallId, out var parked) && parked.DueAt == cmd.DueAt
            ? Decision<IQueueEvent>.Nothing
            : Decision<IQueueEvent>.Accept(new CallbackParked(cmd.CallId, cmd.Rank, cmd.DueAt, now));
    }

    /// <summary>A parked callback whose time has come goes into line with the rank it was parked with.</summary>
    public Decision<IQueueEvent> Decide(QueueProtocol.CallbackDue msg, DateTimeOffset now) =>
        Parked.TryGetValue(msg.CallId, out var parked) && parked.DueAt <= now
            ? Decision<IQueueEvent>.Accept(new CallEnqueued(parked.CallId, parked.Rank, now))
            : Decision<IQueueEvent>.Nothing;
}

/// <summary>The hypercare overflow decision: on with the triggers that fired, off with hysteresis or at the period's end.</summary>
public sealed partial record QueueState
{
    public Decision<IQueueEvent> DecideHypercare(QueueMeasures m, DateTimeOffset now)
    {
        var on = HypercareOnSince is not null;
        if (Config?.Hypercare is not { } h)
            return on ? Switch(false, "hypercare removed from the queue's settings", now) : Decision<IQueueEvent>.Nothing;
        if (!h.InPeriod(now))
            return on ? Switch(false, $"hypercare period ended {h.Ends:O}", now) : Decision<IQueueEvent>.Nothing;
        if (!on)
        {
            var reasons = new List<string>();
            if (h.EffectiveOldestWaitAbove is { } oldest && m.OldestWait > oldest)
                reasons.Add($"oldest wait {m.OldestWait.TotalSeconds:0} s > {oldest.TotalSeconds:0} s");
            if (h.ServiceLevelBelowPercent is { } sl && m.ServiceLevelPercent is { } live && live < sl)
                reasons.Add($"service level {live}% < {sl}%");
            if (h.EstimatedWaitAbove is { } ewt && m.EstimatedWait > ewt)
                reasons.Add($"estimated wait {m.EstimatedWait.TotalSeconds:0} s > {ewt.TotalSeconds:0} s");
            return reasons.Count > 0 ? Switch(true, string.Join("; ", reasons), now) : Decision<IQueueEvent>.Nothing;
        }
        if (now - HypercareOnSince!.Value < h.EffectiveMinimumOn) return Decision<IQueueEvent>.Nothing;
        var stillHigh = (h.EffectiveOldestWaitOffBelow is { } o && m.OldestWait >= o)
                        || (h.EffectiveServiceLevelOffAt is { } s && m.ServiceLevelPercent is { } l && l < s)
                        || (h.EffectiveEstimatedWaitOffBelow is { } e && m.EstimatedWait >= e);
        return stillHigh
            ? Decision<IQueueEvent>.Nothing
            : Switch(false, $"back under the off levels (oldest wait {m.OldestWait.TotalSeconds:0} s, service level " +
                            $"{(m.ServiceLevelPercent is { } p ? p + "%" : "n/a")}, estimated wait {m.EstimatedWait.TotalSeconds:0} s)", now);
    }

    private static Decision<IQueueEvent> Switch(bool on, string reason, DateTimeOffset now) =>
        Decision<IQueueEvent>.Accept(new HypercareOverflowChanged(on, reason, now));

    /// <summary>The oldest original arrival in line (the line is ordered by priority first).</summary>
    public TimeSpan OldestWait(DateTimeOffset now) =>
        Line.Count == 0 ? TimeSpan.Zero : now - Line.Min(c => c.Rank.OriginalArrival);
}
