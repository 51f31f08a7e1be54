using System.Collections.Immutable;
using System.Text.RegularExpressions;
using ContactCenter.Actors.Routing;
using static ContactCenter.Actors.Departments.DepartmentCommands;
using static ContactCenter.Actors.Departments.DepartmentEvents;

namespace ContactCenter.Actors.Departments;

/// <summary>
/// A department's inbox of messages and callback requests from the contact center. Pure: time comes from
/// commands into events, and <see cref="Apply"/> reads it only from events.
/// </summary>
public sealed partial record DepartmentInbox(string DepartmentId, ImmutableDictionary<string, DepartmentMessage> Messages)
{
    public const int MaxTextLength = 4000;

    [GeneratedRegex(@"^\+?[0-9]{6,15}$")]
    private static partial Regex PhoneNumber();

    public static DepartmentInbox Empty(string departmentId) => new(departmentId, ImmutableDictionary<string, DepartmentMessage>.Empty);

    public DepartmentInbox Apply(IDepartmentEvent e) => e switch
    {
        MessageLeft l => this with { Messages = Messages.SetItem(l.Message.MessageId, l.Message) },
        MessageClaimed c => Update(c.MessageId, m => m with { Status = DepartmentMessageStatus.Claimed, ClaimedBy = c.By, ClaimedAt = c.At }),
        MessageClosed c => Update(c.MessageId, m => m with
        {
            Status = DepartmentMessageStatus.Closed, ClosedBy = c.By, ClosedAt = c.At, Outcome = c.Outcome,
        }),
        _ => this,
    };

    private DepartmentInbox Update(string messageId, Func<DepartmentMessage, DepartmentMessage> change) =>
        Messages.TryGetValue(messageId, out var m) ? this with { Messages = Messages.SetItem(messageId, change(m)) } : this;

    /// <summary>The messages oldest first; closed ones only when asked for.</summary>
    public ImmutableArray<DepartmentMessage> List(bool includeClosed) =>
        Messages.Values.Where(m => includeClosed || m.Status != DepartmentMessageStatus.Closed)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.MessageId, StringComparer.Ordinal).ToImmutableArray();

    private Decision<IDepartmentEvent> Reject(RejectionCode code, string reason) => Decision<IDepartmentEvent>.Reject(DepartmentId, code, reason);

    public Decision<IDepartmentEvent> Decide(LeaveMessage cmd, DateTimeOffset now)
    {
        if (Messages.ContainsKey(cmd.MessageId)) return Decision<IDepartmentEvent>.Nothing; // a retried request
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(cmd.DepartmentId)) errors.Add("departmentId: must not be empty");
        if (string.IsNullOrWhiteSpace(cmd.Text)) errors.Add("text: must not be empty");
        else if (cmd.Text.Length > MaxTextLength) errors.Add($"text: {cmd.Text.Length} characters, at most {MaxTextLength}");
        if (!Enum.IsDefined(cmd.Kind)) errors.Add($"kind: {cmd.Kind} is not Message or CallbackRequest");
        if (cmd.Kind == DepartmentMessageKind.CallbackRequest && string.IsNullOrWhiteSpace(cmd.CitizenNumber))
            errors.Add("citizenNumber: a callback request needs the number to call");
        if (!string.IsNullOrWhiteSpace(cmd.CitizenNumber) && !PhoneNumber().IsMatch(cmd.CitizenNumber))
            errors.Add($"citizenNumber: '{cmd.CitizenNumber}' is not a phone number");
        if (errors.Count > 0) return Reject(RejectionCode.Invalid, string.Join("; ", errors));
        var message = new DepartmentMessage(cmd.MessageId, DepartmentId, cmd.Kind, cmd.CallId, cmd.FromAgentId, cmd.CitizenNumber, cmd.Text, now);
        return Decision<IDepartmentEvent>.Accept(new MessageLeft(message, now));
    }

    public Decision<IDepartmentEvent> Decide(ClaimMessage cmd, DateTimeOffset now)
    {
        if (!Messages.TryGetValue(cmd.MessageId, out var m))
            return Reject(RejectionCode.NotFound, $"message '{cmd.MessageId}' does not exist in department '{DepartmentId}'");
        if (string.IsNullOrWhiteSpace(cmd.By)) return Reject(RejectionCode.Invalid, "by: must not be empty");
        return m.Status switch
        {
            DepartmentMessageStatus.Open => Decision<IDepartmentEvent>.Accept(new MessageClaimed(cmd.MessageId, cmd.By, now)),
            DepartmentMessageStatus.Claimed when m.ClaimedBy == cmd.By => Decision<IDepartmentEvent>.Nothing,
            DepartmentMessageStatus.Claimed => Reject(RejectionCode.IllegalTransition, $"message '{cmd.MessageId}' is claimed by '{m.ClaimedBy}'"),
            _ => Reject(RejectionCode.IllegalTransition, $"message '{cmd.MessageId}' is closed"),
        };
    }

    public Decision<IDepartmentEvent> Decide(CloseMessage cmd, DateTimeOffset now)
    {
        if (!Messages.TryGetValue(cmd.MessageId, out var m))
            return Reject(RejectionCode.NotFound, $"message '{cmd.MessageId}' does not exist in department '{DepartmentId}'");
        if (string.IsNullOrWhiteSpace(cmd.By)) return Reject(RejectionCode.Invalid, "by: must not be empty");
        if (string.IsNullOrWhiteSpace(cmd.Outcome)) return Reject(RejectionCode.Invalid, "outcome: must not be empty");
        if (m.Status == DepartmentMessageStatus.Closed)
        {
            return m.ClosedBy == cmd.By && m.Outcome == cmd.Outcome
                ? Decision<IDepartmentEvent>.Nothing
                : Reject(RejectionCode.IllegalTransition, $"message '{cmd.MessageId}' was closed by '{m.ClosedBy}'");
        }
        return Decision<IDepartmentEvent>.Accept(new MessageClosed(cmd.MessageId, cmd.By, cmd.Outcome, now));
    }
}
