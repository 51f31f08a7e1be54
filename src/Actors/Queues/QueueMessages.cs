using System.Collections.Immutable;
using ContactCenter.Actors.Routing;
using ContactCenter.Actors.Serialization;

namespace ContactCenter.Actors.Queues;

/// <summary>Every message a skill queue entity receives carries its queue id; the shard extractor keys on it.</summary>
public interface IWithQueueId : IContactCenterMessage
{
    string QueueId { get; }
}

/// <summary>Commands from supervisors and call entities.</summary>
public static class QueueCommands
{
    /// <summary>Create the queue or change any of its settings.</summary>
    public sealed record ConfigureQueue(string QueueId, QueueConfig Config) : IWithQueueId;

    /// <summary>Close, drain or reopen the queue regardless of its hours (ccctl queue close|drain|open).</summary>
    public sealed record SetOverride(string QueueId, QueueOverride Override) : IWithQueueId;

    /// <summary>Remove the queue; refused while calls wait in it.</summary>
    public sealed record RemoveQueue(string QueueId) : IWithQueueId;

    /// <summary>Put a call in line (idempotent: a call already waiting keeps its place).</summary>
    public sealed record EnqueueCall(string QueueId, string CallId, CallRank Rank) : IWithQueueId;

    /// <summary>Take a waiting call out of line, e.g. because the caller hung up.</summary>
    public sealed record RemoveCall(string QueueId, string CallId, string Reason) : IWithQueueId;

    /// <summary>Read the queue's configuration, waiting calls and idle agents.</summary>
    public sealed record GetQueueState(string QueueId) : IWithQueueId;

    /// <summary>Hold a callback outside the line until <paramref name="DueAt"/>, then put it in line with <paramref name="Rank"/>.</summary>
    public sealed record ParkCallback(string QueueId, string CallId, CallRank Rank, DateTimeOffset DueAt) : IWithQueueId;
}

/// <summary>The queue side of the routing protocol with agents.</summary>
public static class QueueProtocol
{
    /// <summary>An agent is idle and eligible; <paramref name="Epoch"/> identifies its current idle period.</summary>
    public sealed record AgentAvailable(string QueueId, IdleAgent Agent, long Epoch) : IWithQueueId;

    /// <summary>An agent is no longer idle (took a call, paused, logged out).</summary>
    public sealed record AgentUnavailable(string QueueId, string AgentId) : IWithQueueId;

    /// <summary>The agent reserved itself for the proposed call under <paramref name="Token"/>.</summary>
    public sealed record ProposalAccepted(string QueueId, string AgentId, string CallId, long ProposalId, string Token)
        : IWithQueueId;

    /// <summary>The agent did not take the proposed call.</summary>
    public sealed record ProposalDeclined(string QueueId, string AgentId, string CallId, long ProposalId, string Reason)
        : IWithQueueId;

    /// <summary>Internal: the queue's opening hours end now.</summary>
    public sealed record ClosingTimeReached(string QueueId, DateTimeOffset ClosesAt) : IWithQueueId;

    /// <summary>Internal: a proposal got no answer in time; the call is freed for other agents.</summary>
    public sealed record ProposalExpired(string QueueId, string AgentId, long ProposalId) : IWithQueueId;

    /// <summary>Internal: a parked callback's time has come.</summary>
    public sealed record CallbackDue(string QueueId, string CallId) : IWithQueueId;

    /// <summary>Internal: re-evaluate escalation steps, hypercare and wait-based callback offers.</summary>
    public sealed record OverflowTick(string QueueId) : IWithQueueId;
}

/// <summary>Events a skill queue persists.</summary>
public static class QueueEvents
{
    public interface IQueueEvent : IContactCenterMessage
    {
        DateTimeOffset At { get; }
    }

    public sealed record QueueConfigured(QueueConfig Config, DateTimeOffset At) : IQueueEvent;

    public sealed record CallEnqueued(string CallId, CallRank Rank, DateTimeOffset At) : IQueueEvent;

    /// <summary>The call left the line because an agent reserved itself for it.</summary>
    public sealed record CallAssigned(string CallId, string AgentId, string Token, DateTimeOffset At) : IQueueEvent;

    /// <summary>The call left the line without an agent (the caller hung up, or it was moved).</summary>
    public sealed record CallRemoved(string CallId, string Reason, DateTimeOffset At) : IQueueEvent;

    /// <summary>An operator closed, drained or reopened the queue.</summary>
    public sealed record QueueOverrideSet(QueueOverride Override, DateTimeOffset At) : IQueueEvent;

    /// <summary>The queue was removed; its configuration is gone and it no longer routes.</summary>
    public sealed record QueueRemoved(DateTimeOffset At) : IQueueEvent;

    /// <summary>A callback waits outside the line until <paramref name="DueAt"/> (scheduled, or a retry after back-off).</summary>
    public sealed record CallbackParked(string CallId, CallRank Rank, DateTimeOffset DueAt, DateTimeOffset At) : IQueueEvent;

    /// <summary>The hypercare overflow to department staff was switched on or off, and why.</summary>
    public sealed record HypercareOverflowChanged(bool On, string Reason, DateTimeOffset At) : IQueueEvent;
}

/// <summary>A call waiting in a queue.</summary>
public sealed record WaitingCall(string CallId, CallRank Rank, DateTimeOffset EnqueuedAt) : IContactCenterMessage;

/// <summary>What <see cref="QueueCommands.GetQueueState"/> returns.</summary>
public sealed record QueueView(
    string QueueId,
    QueueConfig? Config,
    ImmutableArray<WaitingCall> Waiting,
    ImmutableArray<IdleAgent> IdleAgents,
    int OpenProposals,
    QueueOverride Override = QueueOverride.None,
    ImmutableList<ParkedCallback>? Parked = null,
    ImmutableList<int>? ActiveRings = null,
    DateTimeOffset? HypercareOnSince = null) : IContactCenterMessage;
