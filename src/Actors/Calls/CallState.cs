using System.Collections.Immutable;
using System.Text.Json.Serialization;
using ContactCenter.Actors.Routing;
using ContactCenter.Actors.Serialization;
using static ContactCenter.Actors.Calls.CallCommands;
using static ContactCenter.Actors.Calls.CallEvents;
using static ContactCenter.Actors.Calls.CallProtocol;

namespace ContactCenter.Actors.Calls;

public enum CallStatus
{
    /// <summary>Not offered yet: the entity does not exist.</summary>
    None,
    Queued,
    Ringing,
    Connected,
    /// <summary>Answered and finished.</summary>
    Ended,
    /// <summary>The caller hung up before an agent answered.</summary>
    Abandoned,
    /// <summary>Forwarded to a number outside the center (after hours).</summary>
    Forwarded,
    /// <summary>Arrived while the queue was closed; the caller heard the opening hours.</summary>
    ClosedAnnounced,
    /// <summary>Came in on an entry number and is in a voice menu, waiting for the caller's keys.</summary>
    InMenu,
    /// <summary>A callback: the agent took it and the adapter is dialling the citizen.</summary>
    CallbackDialling,
    /// <summary>A callback whose every attempt failed (final).</summary>
    CallbackFailed,
    /// <summary>A cold transfer leg runs: the agent left, the target (agent or external number) has not answered.</summary>
    Transferring,
    /// <summary>A warm transfer: the caller holds while the agent consults the target.</summary>
    Consulting,
    /// <summary>Transferred to a number outside the center, which answered.</summary>
    TransferredOut,
}

/// <summary>
/// A call's persisted state and full history. The call alone owns its lifecycle: it connects at most one
/// agent, fencing every other offer by token. Pure: time comes from commands and events.
/// </summary>
public sealed partial record CallState(
    string CallId,
    CallStatus Status,
    CallOffered? Details,
    string? AgentId,
    string? Token,
    ImmutableList<ICallEvent> History) : IContactCenterMessage
{
    public static CallState Empty(string callId) => new(callId, CallStatus.None, null, null, null, ImmutableList<ICallEvent>.Empty);

    [JsonIgnore]
    public bool IsFinal => Status is CallStatus.Ended or CallStatus.Abandoned or CallStatus.Forwarded or CallStatus.ClosedAnnounced
        or CallStatus.CallbackFailed or CallStatus.TransferredOut;

    public CallState Apply(ICallEvent e)
    {
        var next = e switch
        {
            CallOffered o => this with { Status = CallStatus.Queued, Details = o },
            CallOfferedToAgent r => this with { Status = CallStatus.Ringing, AgentId = r.AgentId, Token = r.Token },
            CallOfferWithdrawn => this with { Status = CallStatus.Queued, AgentId = null, Token = null },
            CallConnected c => this with { Status = CallStatus.Connected, AgentId = c.AgentId, Token = c.Token },
            CallEnded => this with { Status = CallStatus.Ended },
            CallAbandoned => this with { Status = CallStatus.Abandoned },
            CallRedirected r => this with { Details = Details! with { QueueId = r.ToQueueId } },
            CallForwarded => this with { Status = CallStatus.Forwarded },
            CallClosedAnnounced => this with { Status = CallStatus.ClosedAnnounced },
            CallEntered or CallMenuEntered or CallMenuChoice or CallPlanRouted => ApplyEntry(e),
            ICallbackEvent cb => ApplyCallback(cb),
            _ => ApplyTransfer(e),
        };
        return next with { History = History.Add(e) };
    }

    /// <summary>
    /// A new call: validated, then decided against its queue's route (from the replicated directory): queued
    /// while the queue is open; when closed, announced, forwarded or overflowed as the queue says.
    /// </summary>
    public Decision<ICallEvent> Decide(OfferCall cmd, DateTimeOffset now, Func<string, QueueRoute?> routes, Entries.EntryPlan? plan = null)
    {
        plan ??= Entries.EntryPlan.Empty;
        if (Status != CallStatus.None) return Decision<ICallEvent>.Nothing; // a retried offer: first outcome stands
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(cmd.From)) errors.Add("from: must not be empty");
        var viaEntry = string.IsNullOrWhiteSpace(cmd.QueueId);
        if (viaEntry && plan.NumberFor(cmd.Dialled) is null)
            errors.Add($"queueId: must not be empty unless the dialled number is an entry number ('{cmd.Dialled}' is not)");
        if (cmd.Priority is < 0 or > 100) errors.Add($"priority: {cmd.Priority} is outside 0-100");
        foreach (var (key, value) in cmd.AttachedData ?? ImmutableDictionary<string, string>.Empty)
        {
            if (string.Equals(key, CprNumber.AttachedDataKey, StringComparison.OrdinalIgnoreCase) && !CprNumber.IsWellFormed(value))
                errors.Add($"attachedData.{key}: is not a 10-digit CPR number");
        }
        if (errors.Count > 0) return Decision<ICallEvent>.Reject(CallId, RejectionCode.Invalid, string.Join("; ", errors));
        if (viaEntry) return DecideEntry(cmd, now, routes, plan);
        if (routes(cmd.QueueId) is not { } route)
            return Decision<ICallEvent>.Reject(CallId, RejectionCode.NotFound, $"queue '{cmd.QueueId}' does not exist");

        var offered = new CallOffered(
            cmd.From, cmd.Dialled ?? "", cmd.QueueId, string.IsNullOrWhiteSpace(cmd.Language) ? "da" : cmd.Language,
            new CallRank(cmd.Priority, now), CprNumber.Protect(cmd.AttachedData), now);
        if (route.IsOpen(now)) return Decision<ICallEvent>.Accept(offered);

        return Decision<ICallEvent>.Accept([offered, Closed(route, routes, now, plan, offered.From)]);
    }

    /// <summary>A queued call whose queue was closed by an operator gets the closed handling now.</summary>
    public Decision<ICallEvent> Decide(ClosedWhileQueued msg, DateTimeOffset now, Func<string, QueueRoute?> routes, Entries.EntryPlan? plan = null) =>
        Status == CallStatus.Queued && Details!.QueueId == msg.QueueId && routes(msg.QueueId) is { } route
            ? Decision<ICallEvent>.Accept(Closed(route, routes, now, plan ?? Entries.EntryPlan.Empty, Details.From))
            : Decision<ICallEvent>.Nothing;

    /// <summary>
    /// The event a closed queue's handling gives: forward (to a number, or to a directory target while it is open),
    /// overflow to an open queue, book a callback at the next opening, or announce.
    /// </summary>
    private static ICallEvent Closed(QueueRoute route, Func<string, QueueRoute?> routes, DateTimeOffset now, Entries.EntryPlan plan, string from)
    {
        var closed = route.WhenClosed ?? Queues.ClosedHandling.AnnounceNextOpening;
        var reason = $"queue '{route.QueueId}' closed";
        return closed.Action switch
        {
            // A directory target is dialled while it is open; a closed (or unknown) one leaves the announcement.
            Queues.ClosedAction.Forward when !Departments.PhoneNumber.LooksLikeNumber(closed.Target) =>
                plan.Lookup(closed.Target!, now) is { OpenNow: true } target
                    ? new CallForwarded(target.Number, reason, now, target.TargetId)
                    : Announce(route, now),
            Queues.ClosedAction.Forward => new CallForwarded(closed.Target!, reason, now),
            Queues.ClosedAction.Overflow when routes(closed.Target!) is { } target && target.IsOpen(now) =>
                new CallRedirected(route.QueueId, target.QueueId, "closed", now),
            Queues.ClosedAction.Callback when CallbackAtNextOpening(route, from, now) is { } booked => booked,
            _ => Announce(route, now),
        };
    }

    private static CallClosedAnnounced Announce(QueueRoute route, DateTimeOffset now) =>
        new(route.QueueId, route.Override == Queues.QueueOverride.None ? route.Hours?.NextOpening(now) : null, now);

    /// <summary>Only a queued call can ring an agent; anything else is a second routing to be fenced off.</summary>
    public Decision<ICallEvent> Decide(RouteToAgent msg, DateTimeOffset now) =>
        DecideLeg(msg, now) ?? (Status == CallStatus.Queued && !IsParkedCallback(now)
            ? Decision<ICallEvent>.Accept(new CallOfferedToAgent(msg.AgentId, msg.Token, now))
            : Decision<ICallEvent>.Nothing);

    public Decision<ICallEvent> Decide(AgentConnected msg, DateTimeOffset now) =>
        DecideLeg(msg, now) ?? (Status == CallStatus.Ringing && Token == msg.Token
            ? Decision<ICallEvent>.Accept(Callback is null ? new CallConnected(msg.AgentId, msg.Token, now) : DialCallback(msg, now))
            : Decision<ICallEvent>.Nothing);

    /// <summary>With <paramref name="routes"/>, a withdrawn transfer leg returns the call by its queue's rule.</summary>
    public Decision<ICallEvent> Decide(OfferWithdrawn msg, DateTimeOffset now, Func<string, QueueRoute?>? routes = null) =>
        DecideLeg(msg, now, routes ?? (_ => null)) ?? (Status == CallStatus.Ringing && Token == msg.Token
            ? Decision<ICallEvent>.Accept(new CallOfferWithdrawn(msg.AgentId, msg.Token, msg.Reason, now))
            : Decision<ICallEvent>.Nothing);

    public Decision<ICallEvent> Decide(HangUp cmd, DateTimeOffset now) => DecideLeg(cmd, now)
        ?? (Callback is not null ? DecideCallbackHangUp(cmd, now) : null)
        ?? Status switch
    {
        CallStatus.None => Decision<ICallEvent>.Reject(CallId, RejectionCode.NotFound, $"call '{CallId}' does not exist"),
        CallStatus.Queued or CallStatus.Ringing when cmd.Party == CallParty.Caller =>
            Decision<ICallEvent>.Accept(new CallAbandoned(Status, now)),
        CallStatus.Queued or CallStatus.Ringing =>
            Decision<ICallEvent>.Reject(CallId, RejectionCode.IllegalTransition,
                $"call '{CallId}' is {Status}: only the caller can hang up before an agent answers"),
        CallStatus.Connected => Decision<ICallEvent>.Accept(new CallEnded(cmd.Party, cmd.Disposition, now)),
        _ => Decision<ICallEvent>.Nothing, // repeated hang-up of a finished call
    };
}
