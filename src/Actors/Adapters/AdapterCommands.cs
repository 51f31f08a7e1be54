using ContactCenter.Actors.Calls;

namespace ContactCenter.Actors.Adapters;

/// <summary>
/// A media action for the telephony adapter, derived from a persisted call event. Its id is the event's
/// position in the journal, so the stream of commands is durable, ordered and resumable.
/// </summary>
public sealed partial record AdapterCommand(long Id, string Kind, string CallId, string? AgentId, string? Token, string? QueueId, string? Detail, DateTimeOffset At)
{
    public const string RingAgent = "ring-agent";
    public const string CancelRing = "cancel-ring";
    public const string Bridge = "bridge";
    public const string HangUp = "hang-up";
    public const string PlayAnnouncement = "play-announcement";
    public const string Forward = "forward";
    /// <summary>Play a voice menu and collect keys; Detail is "menuId/language/attempt" (the menu: GET /v1/menus/{id}).</summary>
    public const string PlayMenu = "play-menu";
    public const string OfferCallback = "offer-callback";
    public const string CallbackBooked = "callback-booked";
    public const string DialCallback = "dial-callback";
    public const string CallbackAttemptFailed = "callback-attempt-failed";
    public const string CallbackFailed = "callback-failed";

    /// <summary>The command a call event asks of the adapter, if any (a caller's own hang-up asks nothing).</summary>
    public static AdapterCommand? From(long id, string persistenceId, object @event)
    {
        var callId = persistenceId.StartsWith("call-", StringComparison.Ordinal) ? persistenceId["call-".Length..] : persistenceId;
        return @event switch
        {
            CallEvents.CallOffered o => new AdapterCommand(id, PlayAnnouncement, callId, null, null, o.QueueId, "queued", o.At),
            CallEvents.CallOfferedToAgent r => new AdapterCommand(id, RingAgent, callId, r.AgentId, r.Token, null, null, r.At),
            CallEvents.CallOfferWithdrawn w => new AdapterCommand(id, CancelRing, callId, w.AgentId, w.Token, null, w.Reason, w.At),
            CallEvents.CallAbandoned { Phase: CallStatus.Ringing } a => new AdapterCommand(id, CancelRing, callId, null, null, null, "caller hung up", a.At),
            CallEvents.CallConnected c => new AdapterCommand(id, Bridge, callId, c.AgentId, c.Token, null, null, c.At),
            CallEvents.CallForwarded f => new AdapterCommand(id, Forward, callId, null, null, null, f.Target, f.At),
            CallEvents.CallMenuEntered m => new AdapterCommand(id, PlayMenu, callId, null, null, null, $"{m.MenuId}/{m.Language}/{m.Attempt}", m.At),
            CallEvents.CallClosedAnnounced c => new AdapterCommand(id, PlayAnnouncement, callId, null, null, c.QueueId,
                c.NextOpening is { } opens ? $"closed; opens {opens:O}" : "closed", c.At),
            CallEvents.CallEnded { By: not CallParty.Caller } e => new AdapterCommand(id, HangUp, callId, null, null, null, e.Disposition, e.At),
            CallEvents.ICallbackEvent callback => FromCallback(id, callId, callback),
            _ => FromTransfer(id, callId, @event),
        };
    }

    /// <summary>
    /// Callbacks: offer the choice to a waiting caller; confirm a booking and end the inbound leg; dial the citizen
    /// (the agent's leg is up) and bridge; end the agent's leg after a failed attempt; the final failure.
    /// </summary>
    private static AdapterCommand? FromCallback(long id, string callId, CallEvents.ICallbackEvent e) => e switch
    {
        CallEvents.CallbackOffered o => new AdapterCommand(id, OfferCallback, callId, null, null, o.QueueId, o.Reason, o.At),
        CallEvents.CallbackRequested r => new AdapterCommand(id, CallbackBooked, callId, null, null, null,
            r.DueAt is { } due ? $"{r.Number} at {due:O}" : r.Number, r.At),
        CallEvents.CallbackDialled d => new AdapterCommand(id, DialCallback, callId, d.AgentId, d.Token, null, d.Number, d.At),
        CallEvents.CallbackAttemptFailed f => new AdapterCommand(id, CallbackAttemptFailed, callId, f.AgentId, f.Token, null,
            f.RetryAt is { } retry ? $"{f.Result}; retry at {retry:O}" : $"{f.Result}; no retry", f.At),
        CallEvents.CallbackGaveUp g => new AdapterCommand(id, CallbackFailed, callId, null, null, null, $"{g.Attempts} attempts", g.At),
        _ => null,
    };
}
