using System.Collections.Immutable;
using ContactCenter.Actors.Routing;
using ContactCenter.Actors.Serialization;
using static ContactCenter.Actors.Queues.QueueEvents;

namespace ContactCenter.Actors.Queues;

/// <summary>
/// The persisted state of a skill queue: its configuration and its line of waiting calls, ordered by
/// priority, then original arrival. Pure: <see cref="Apply"/> never reads a clock.
/// </summary>
public sealed partial record QueueState(
    string QueueId,
    QueueConfig? Config,
    ImmutableSortedSet<WaitingCall> Line,
    ImmutableDictionary<string, WaitingCall> ById,
    string? LastServedAgentId,
    QueueOverride Override = QueueOverride.None)
{
    public static readonly IComparer<WaitingCall> LineOrder = Comparer<WaitingCall>.Create((a, b) =>
    {
        var byRank = a.Rank.CompareTo(b.Rank);
        return byRank != 0 ? byRank : string.CompareOrdinal(a.CallId, b.CallId);
    });

    public static QueueState Empty(string queueId) => new(
        queueId, null, ImmutableSortedSet.Create(LineOrder), ImmutableDictionary<string, WaitingCall>.Empty, null);

    public bool Exists => Config is not null;

    public QueueState Apply(IQueueEvent e) => (e switch
    {
        QueueConfigured c => this with { Config = c.Config },
        CallEnqueued q when !ById.ContainsKey(q.CallId) => Add(new WaitingCall(q.CallId, q.Rank, q.At)),
        CallAssigned a => Remove(a.CallId) with { LastServedAgentId = a.AgentId },
        CallRemoved r => Remove(r.CallId),
        QueueRemoved => this with { Config = null, Override = QueueOverride.None },
        QueueOverrideSet o => this with { Override = o.Override },
        CallbackParked p => Park(p),
        HypercareOverflowChanged h => this with { HypercareOnSince = h.On ? h.At : null },
        _ => this,
    }).Unpark(e);

    private QueueState Add(WaitingCall call) => this with { Line = Line.Add(call), ById = ById.Add(call.CallId, call) };

    private QueueState Remove(string callId) => ById.TryGetValue(callId, out var call)
        ? this with { Line = Line.Remove(call), ById = ById.Remove(callId) }
        : this;

    public Decision<IQueueEvent> Decide(QueueCommands.ConfigureQueue cmd, DateTimeOffset now)
    {
        var errors = cmd.Config.Validate();
        return errors.Count > 0
            ? Decision<IQueueEvent>.Reject(QueueId, RejectionCode.Invalid, string.Join("; ", errors))
            : Decision<IQueueEvent>.Accept(new QueueConfigured(cmd.Config, now));
    }

    /// <summary>Closing at once also takes the waiting calls out of line (each then gets the closed handling).</summary>
    public Decision<IQueueEvent> Decide(QueueCommands.SetOverride cmd, DateTimeOffset now)
    {
        if (!Exists) return Decision<IQueueEvent>.Reject(QueueId, RejectionCode.NotFound, $"queue '{QueueId}' does not exist");
        if (!Enum.IsDefined(cmd.Override)) return Decision<IQueueEvent>.Reject(QueueId, RejectionCode.Invalid, $"override: {cmd.Override} is not known");
        if (cmd.Override == Override) return Decision<IQueueEvent>.Nothing;
        var events = new List<IQueueEvent> { new QueueOverrideSet(cmd.Override, now) };
        if (cmd.Override == QueueOverride.Closed) events.AddRange(Line.Select(c => new CallRemoved(c.CallId, "queue closed", now)));
        return Decision<IQueueEvent>.Accept(events.ToArray());
    }

    /// <summary>At closing time, with the "apply closed handling" rule, the waiting calls leave the line.</summary>
    public Decision<IQueueEvent> Decide(QueueProtocol.ClosingTimeReached msg, DateTimeOffset now) =>
        Config is { WaitingAtClosing: AtClosing.ApplyClosedHandling } && Line.Count > 0
            ? Decision<IQueueEvent>.Accept(Line.Select(c => (IQueueEvent)new CallRemoved(c.CallId, "closing time", now)).ToArray())
            : Decision<IQueueEvent>.Nothing;

    public Decision<IQueueEvent> Decide(QueueCommands.RemoveQueue cmd, DateTimeOffset now)
    {
        if (!Exists) return Decision<IQueueEvent>.Reject(QueueId, RejectionCode.NotFound, $"queue '{QueueId}' does not exist");
        return Line.Count > 0
            ? Decision<IQueueEvent>.Reject(QueueId, RejectionCode.IllegalTransition,
                $"queue '{QueueId}' has {Line.Count} waiting calls; they must be served or moved first")
            : Decision<IQueueEvent>.Accept(new QueueRemoved(now));
    }

    public Decision<IQueueEvent> Decide(QueueCommands.EnqueueCall cmd, DateTimeOffset now)
    {
        if (!Exists) return Decision<IQueueEvent>.Reject(QueueId, RejectionCode.NotFound, $"queue '{QueueId}' does not exist");
        // Idempotent: a retried enqueue keeps the call's place.
        return ById.ContainsKey(cmd.CallId)
            ? Decision<IQueueEvent>.Nothing
            : Decision<IQueueEvent>.Accept(new CallEnqueued(cmd.CallId, cmd.Rank, now));
    }

    public Decision<IQueueEvent> Decide(QueueCommands.RemoveCall cmd, DateTimeOffset now) =>
        ById.ContainsKey(cmd.CallId)
            ? Decision<IQueueEvent>.Accept(new CallRemoved(cmd.CallId, cmd.Reason, now))
            : Decision<IQueueEvent>.Nothing;

    /// <summary>Accepting a reservation: allowed only while the call is still in line.</summary>
    public Decision<IQueueEvent> Decide(QueueProtocol.ProposalAccepted msg, DateTimeOffset now) =>
        ById.ContainsKey(msg.CallId)
            ? Decision<IQueueEvent>.Accept(new CallAssigned(msg.CallId, msg.AgentId, msg.Token, now))
            : Decision<IQueueEvent>.Reject(QueueId, RejectionCode.IllegalTransition, $"call '{msg.CallId}' is no longer waiting");

    public bool IsEligible(IdleAgent agent) => Config is not null && agent.Level >= Config.MinLevel;
}
