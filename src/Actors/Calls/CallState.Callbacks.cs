using System.Text.RegularExpressions;
using ContactCenter.Actors.Queues;
using ContactCenter.Actors.Routing;
using static ContactCenter.Actors.Calls.CallbackCommands;
using static ContactCenter.Actors.Calls.CallbackProtocol;
using static ContactCenter.Actors.Calls.CallEvents;
using static ContactCenter.Actors.Calls.CallProtocol;

namespace ContactCenter.Actors.Calls;

/// <summary>
/// Callbacks: the call keeps its place in line (or waits parked in its queue until its time) after the caller
/// hung up; when an agent takes it, the adapter dials the citizen; failed attempts are retried with back-off.
/// </summary>
public sealed partial record CallState
{
    /// <summary>Small clock differences between nodes must not refuse a callback the queue released on time.</summary>
    private static readonly TimeSpan DueTolerance = TimeSpan.FromSeconds(1);

    private static readonly Regex CallbackNumber = new(@"^\+?[0-9]{3,20}$", RegexOptions.CultureInvariant);

    /// <summary>The booked callback, if the call became one.</summary>
    public CallbackTicket? Callback { get; init; }

    /// <summary>A callback waiting for a later time: parked in its queue, not to be routed yet.</summary>
    public bool IsParkedCallback(DateTimeOffset now) => Callback?.DueAt is { } due && due > now + DueTolerance;

    private CallState ApplyCallback(ICallbackEvent e) => e switch
    {
        CallbackRequested r => this with
        {
            Callback = new CallbackTicket(r.Number, r.DueAt, r.MaxAttempts, r.RetryBackoff, r.DialTimeout, 0, r.Reason),
        },
        CallbackDialled d => this with
        {
            Status = CallStatus.CallbackDialling, AgentId = d.AgentId, Token = d.Token, Callback = Callback! with { Attempts = d.Attempt },
        },
        CallbackAttemptFailed f => this with
        {
            Status = CallStatus.Queued, AgentId = null, Token = null, Callback = Callback! with { DueAt = f.RetryAt },
        },
        CallbackGaveUp => this with { Status = CallStatus.CallbackFailed },
        _ => this,
    };

    /// <summary>The queue's rule fired: offer once, only to a caller still waiting without a callback.</summary>
    public Decision<ICallEvent> Decide(OfferCallbackChoice msg, DateTimeOffset now) =>
        Status == CallStatus.Queued && Callback is null && Details!.QueueId == msg.QueueId && !History.Any(e => e is CallbackOffered)
            ? Decision<ICallEvent>.Accept(new CallbackOffered(msg.QueueId, msg.Reason, now))
            : Decision<ICallEvent>.Nothing;

    /// <summary>Books a callback while the caller waits; validated against the queue's route (callbacks on, hours).</summary>
    public Decision<ICallEvent> Decide(RequestCallback cmd, DateTimeOffset now, Func<string, QueueRoute?> routes)
    {
        if (Status == CallStatus.None) return Reject(RejectionCode.NotFound, $"call '{CallId}' does not exist");
        var number = string.IsNullOrWhiteSpace(cmd.Number) ? Details!.From : cmd.Number.Trim();
        if (Callback is not null)
        {
            return Callback.Number == number && Callback.DueAt == cmd.At && Callback.Reason == "caller"
                ? Decision<ICallEvent>.Nothing
                : Reject(RejectionCode.IllegalTransition, $"call '{CallId}' already has a callback booked");
        }
        if (Status != CallStatus.Queued)
            return Reject(RejectionCode.IllegalTransition, $"call '{CallId}' is {Status}: a callback is booked only while the caller waits");
        var queueId = Details!.QueueId;
        if (routes(queueId) is not { } route) return Reject(RejectionCode.NotFound, $"queue '{queueId}' does not exist");
        if (route.Callbacks is not { Enabled: true } settings)
            return Reject(RejectionCode.IllegalTransition, $"queue '{queueId}' does not offer callbacks");

        var errors = new List<string>();
        if (!CallbackNumber.IsMatch(number)) errors.Add($"number: '{number}' is not a phone number (digits, optional leading +)");
        if (cmd.At is { } at)
        {
            if (at <= now) errors.Add($"at: {at:O} is not in the future");
            else if (at > now + settings.EffectiveScheduleAhead)
                errors.Add($"at: {at:O} is more than {settings.EffectiveScheduleAhead.TotalDays:0} days ahead");
            else if (route.Hours is { } hours && !hours.IsOpen(at))
                errors.Add($"at: {at:O} is outside queue '{queueId}' opening hours" +
                           (hours.NextOpening(at) is { } opens ? $" (it opens next {opens:O})" : ""));
        }
        if (errors.Count > 0) return Reject(RejectionCode.Invalid, string.Join("; ", errors));
        return Decision<ICallEvent>.Accept(Booked(settings, number, cmd.At, "caller", now));
    }

    /// <summary>The closed action "callback at next opening": booked for the caller's number, if it is one.</summary>
    private static CallbackRequested? CallbackAtNextOpening(QueueRoute route, string from, DateTimeOffset now) =>
        route.Override == QueueOverride.None && route.Hours?.NextOpening(now) is { } opens && CallbackNumber.IsMatch(from)
            ? Booked(route.Callbacks ?? CallbackSettings.Defaults, from, opens, "closed", now)
            : null;

    private static CallbackRequested Booked(CallbackSettings s, string number, DateTimeOffset? at, string reason, DateTimeOffset now) =>
        new(number, at, s.MaxAttempts, s.EffectiveRetryBackoff, s.EffectiveDialTimeout, reason, now);

    /// <summary>The agent picked up the callback: dial the citizen.</summary>
    private CallbackDialled DialCallback(AgentConnected msg, DateTimeOffset now) =>
        new(msg.AgentId, msg.Token, Callback!.Number, Callback.Attempts + 1, now);

    /// <summary>The adapter's report of a dial attempt. A repeat of the report that settled it changes nothing.</summary>
    public Decision<ICallEvent> Decide(ReportCallbackDial cmd, DateTimeOffset now)
    {
        if (Status == CallStatus.None) return Reject(RejectionCode.NotFound, $"call '{CallId}' does not exist");
        if (Callback is null) return Reject(RejectionCode.IllegalTransition, $"call '{CallId}' is not a callback");
        if (!Enum.IsDefined(cmd.Result)) return Reject(RejectionCode.Invalid, $"result: {cmd.Result} is not a dial result");
        if (Status != CallStatus.CallbackDialling)
        {
            var settled = History.Any(e => e is CallbackDialled d && d.Token == cmd.Token);
            return settled
                ? Decision<ICallEvent>.Nothing
                : Reject(RejectionCode.IllegalTransition, $"call '{CallId}' is {Status}: no callback attempt is being dialled");
        }
        if (Token != cmd.Token) return Reject(RejectionCode.StaleToken, $"token is not the current callback attempt's");
        return cmd.Result == CallbackDialResult.Answered
            ? Decision<ICallEvent>.Accept(new CallConnected(AgentId!, Token!, now))
            : AttemptFailed(cmd.Result, now);
    }

    public Decision<ICallEvent> Decide(CallbackDialTimedOut msg, DateTimeOffset now) =>
        Status == CallStatus.CallbackDialling && Token == msg.Token ? AttemptFailed(CallbackDialResult.NoAnswer, now) : Decision<ICallEvent>.Nothing;

    /// <summary>A failed attempt releases the agent; another is due after the back-off, or the callback gives up.</summary>
    private Decision<ICallEvent> AttemptFailed(CallbackDialResult result, DateTimeOffset now)
    {
        var attempt = Callback!.Attempts;
        return attempt < Callback.MaxAttempts
            ? Decision<ICallEvent>.Accept(new CallbackAttemptFailed(AgentId!, Token!, attempt, result, now + Callback.BackoffAfter(attempt), now))
            : Decision<ICallEvent>.Accept(new CallbackAttemptFailed(AgentId!, Token!, attempt, result, null, now), new CallbackGaveUp(attempt, now));
    }

    /// <summary>
    /// Hang-ups of a callback: the caller's inbound leg ending leaves the booked callback standing; while dialling,
    /// either side ending counts as a failed attempt. Otherwise the ordinary rules apply (null).
    /// </summary>
    private Decision<ICallEvent>? DecideCallbackHangUp(CallCommands.HangUp cmd, DateTimeOffset now) => Status switch
    {
        CallStatus.Queued or CallStatus.Ringing when cmd.Party == CallParty.Caller => Decision<ICallEvent>.Nothing,
        CallStatus.CallbackDialling => AttemptFailed(cmd.Party == CallParty.Caller ? CallbackDialResult.NoAnswer : CallbackDialResult.Failed, now),
        _ => null,
    };

    private Decision<ICallEvent> Reject(RejectionCode code, string reason) => Decision<ICallEvent>.Reject(CallId, code, reason);
}
