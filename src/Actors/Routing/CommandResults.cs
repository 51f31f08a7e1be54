using ContactCenter.Actors.Serialization;

namespace ContactCenter.Actors.Routing;

/// <summary>Why an entity refused a command. Stable codes: the API maps them to HTTP statuses.</summary>
public enum RejectionCode
{
    /// <summary>The entity has never been configured or created.</summary>
    NotFound,
    /// <summary>The command is not allowed in the entity's current state.</summary>
    IllegalTransition,
    /// <summary>The command carried an offer token that is no longer current.</summary>
    StaleToken,
    /// <summary>The command's content is invalid (a field out of range, a missing value).</summary>
    Invalid,
}

/// <summary>Reply to a command that was accepted; sent only after its events are in the journal.</summary>
public sealed record CommandAccepted(string EntityId, string Detail) : IContactCenterMessage;

/// <summary>Reply to a command that was refused; nothing was persisted or changed.</summary>
public sealed record CommandRejected(string EntityId, RejectionCode Code, string Reason) : IContactCenterMessage;

/// <summary>What a pure Decide function returns: the events to persist, or a rejection.</summary>
public readonly record struct Decision<TEvent>(IReadOnlyList<TEvent> Events, CommandRejected? Rejection)
{
    public static Decision<TEvent> Accept(params TEvent[] events) => new(events, null);
    public static Decision<TEvent> Nothing => new(Array.Empty<TEvent>(), null);
    public static Decision<TEvent> Reject(string entityId, RejectionCode code, string reason) =>
        new(Array.Empty<TEvent>(), new CommandRejected(entityId, code, reason));

    public bool IsRejected => Rejection is not null;
}
