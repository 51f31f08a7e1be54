using System.Collections.Immutable;
using ContactCenter.Actors.Serialization;

namespace ContactCenter.Actors.Departments;

/// <summary>Every message a department inbox receives carries the department id; the shard extractor keys on it.</summary>
public interface IWithDepartmentId : IContactCenterMessage
{
    string DepartmentId { get; }
}

public enum DepartmentMessageKind
{
    /// <summary>A message for the department (the citizen's question, what was promised).</summary>
    Message,
    /// <summary>The department should call the citizen back (the Pladsanvisning year-one model).</summary>
    CallbackRequest,
}

public enum DepartmentMessageStatus
{
    Open,
    Claimed,
    Closed,
}

/// <summary>A message or callback request left by an agent for a department, as the department works it.</summary>
public sealed record DepartmentMessage(
    string MessageId,
    string DepartmentId,
    DepartmentMessageKind Kind,
    string? CallId,
    string FromAgentId,
    string? CitizenNumber,
    string Text,
    DateTimeOffset CreatedAt,
    DepartmentMessageStatus Status = DepartmentMessageStatus.Open,
    string? ClaimedBy = null,
    DateTimeOffset? ClaimedAt = null,
    string? ClosedBy = null,
    DateTimeOffset? ClosedAt = null,
    string? Outcome = null) : IContactCenterMessage;

/// <summary>Commands from agent desktops (leave) and the department (list, claim, close).</summary>
public static class DepartmentCommands
{
    /// <summary>Idempotent by <paramref name="MessageId"/>: a repeat changes nothing.</summary>
    public sealed record LeaveMessage(
        string DepartmentId, string MessageId, DepartmentMessageKind Kind, string? CallId, string FromAgentId, string? CitizenNumber, string Text)
        : IWithDepartmentId;

    public sealed record ListMessages(string DepartmentId, bool IncludeClosed = false) : IWithDepartmentId;

    /// <summary>A department member takes the message; another member's claim is refused until it is closed.</summary>
    public sealed record ClaimMessage(string DepartmentId, string MessageId, string By) : IWithDepartmentId;

    public sealed record CloseMessage(string DepartmentId, string MessageId, string By, string Outcome) : IWithDepartmentId;
}

public static class DepartmentEvents
{
    public interface IDepartmentEvent : IContactCenterMessage
    {
        DateTimeOffset At { get; }
    }

    public sealed record MessageLeft(DepartmentMessage Message, DateTimeOffset At) : IDepartmentEvent;

    public sealed record MessageClaimed(string MessageId, string By, DateTimeOffset At) : IDepartmentEvent;

    public sealed record MessageClosed(string MessageId, string By, string Outcome, DateTimeOffset At) : IDepartmentEvent;
}

/// <summary>What <see cref="DepartmentCommands.ListMessages"/> returns, oldest first.</summary>
public sealed record DepartmentMessageList(string DepartmentId, ImmutableArray<DepartmentMessage> Messages) : IContactCenterMessage;

public sealed record DepartmentInboxSnapshot(ImmutableArray<DepartmentMessage> Messages) : IContactCenterMessage;
