using ContactCenter.Actors.Serialization;

namespace ContactCenter.Actors.Idempotency;

/// <summary>Every message to an idempotency record carries the record's id (a digest of key and scope).</summary>
public interface IWithRecordId : IContactCenterMessage
{
    string RecordId { get; }
}

/// <summary>The first response to a request, as the client got it (with its Location, if it created something).</summary>
public sealed record StoredResponse(int Status, string ContentType, string Body, string? Location = null) : IContactCenterMessage;

public static class IdempotencyCommands
{
    /// <summary>
    /// Claim the key for a request whose body digest is <paramref name="RequestHash"/>. Records older than
    /// <paramref name="Retention"/> are forgotten; a claim not completed within <paramref name="ClaimTimeout"/> lapses.
    /// </summary>
    public sealed record Claim(string RecordId, string RequestHash, TimeSpan Retention, TimeSpan ClaimTimeout) : IWithRecordId;

    public sealed record Complete(string RecordId, string RequestHash, StoredResponse Response) : IWithRecordId;

    /// <summary>The request failed without an answer worth keeping (5xx): the key may be used again.</summary>
    public sealed record Release(string RecordId, string RequestHash) : IWithRecordId;
}

/// <summary>Answers to <see cref="IdempotencyCommands.Claim"/>.</summary>
public static class IdempotencyReplies
{
    public sealed record Proceed(string RecordId) : IContactCenterMessage;

    public sealed record Replay(string RecordId, StoredResponse Response) : IContactCenterMessage;

    public sealed record InProgress(string RecordId) : IContactCenterMessage;

    /// <summary>The key was used before for a different request body.</summary>
    public sealed record KeyReused(string RecordId) : IContactCenterMessage;
}

public static class IdempotencyEvents
{
    public interface IIdempotencyEvent : IContactCenterMessage
    {
        DateTimeOffset At { get; }
    }

    public sealed record RequestClaimed(string RequestHash, DateTimeOffset At) : IIdempotencyEvent;

    public sealed record ResponseStored(StoredResponse Response, DateTimeOffset At) : IIdempotencyEvent;

    public sealed record ClaimReleased(DateTimeOffset At) : IIdempotencyEvent;
}
