using System.Collections.Immutable;
using System.Text.Json.Serialization;
using ContactCenter.Actors.Routing;
using ContactCenter.Actors.Serialization;

namespace ContactCenter.Actors.Calls;

/// <summary>Every message a call entity receives carries its call id; the shard extractor keys on it.</summary>
public interface IWithCallId : IContactCenterMessage
{
    string CallId { get; }
}

/// <summary>Which side ended a connected call.</summary>
public enum CallParty
{
    Caller,
    Agent,
    System,
}

/// <summary>Commands from the telephony adapter.</summary>
public static partial class CallCommands
{
    /// <summary>A new call for a queue. Repeating it with the same call id changes nothing.</summary>
    public sealed record OfferCall(
        string CallId,
        string From,
        string Dialled,
        string QueueId,
        string Language = "da",
        int Priority = 0,
        ImmutableDictionary<string, string>? AttachedData = null,
        ImmutableList<string?>? Choices = null) : IWithCallId;

    /// <summary>A party hung up (before or after an agent answered).</summary>
    public sealed record HangUp(string CallId, CallParty Party, string? Disposition = null) : IWithCallId;

    public sealed record GetCallState(string CallId) : IWithCallId;
}

/// <summary>The call side of the routing protocol (from queues and agents).</summary>
public static class CallProtocol
{
    /// <summary>The queue assigned the call to an agent that reserved itself under <paramref name="Token"/>.</summary>
    public sealed record RouteToAgent(string CallId, string QueueId, string AgentId, string Token) : IWithCallId;

    /// <summary>The agent answered the offer identified by <paramref name="Token"/>.</summary>
    public sealed record AgentConnected(string CallId, string AgentId, string Token) : IWithCallId;

    /// <summary>The queue was closed while the call waited in it; the call gets the queue's closed handling.</summary>
    public sealed record ClosedWhileQueued(string CallId, string QueueId) : IWithCallId;

    /// <summary>The agent let the offer go (no answer in time, forced logout); the call returns to its queue.</summary>
    public sealed record OfferWithdrawn(string CallId, string AgentId, string Token, string Reason) : IWithCallId;

    /// <summary>The queue's callback rule fired for this waiting call: the adapter offers the caller a callback.</summary>
    public sealed record OfferCallbackChoice(string CallId, string QueueId, string Reason) : IWithCallId;
}

/// <summary>Events a call persists: its whole history.</summary>
public static partial class CallEvents
{
    [JsonPolymorphic(TypeDiscriminatorPropertyName = "$event")]
    [JsonDerivedType(typeof(CallOffered), "offered")]
    [JsonDerivedType(typeof(CallOfferedToAgent), "offered-to-agent")]
    [JsonDerivedType(typeof(CallOfferWithdrawn), "offer-withdrawn")]
    [JsonDerivedType(typeof(CallConnected), "connected")]
    [JsonDerivedType(typeof(CallEnded), "ended")]
    [JsonDerivedType(typeof(CallAbandoned), "abandoned")]
    [JsonDerivedType(typeof(CallRedirected), "redirected")]
    [JsonDerivedType(typeof(CallForwarded), "forwarded")]
    [JsonDerivedType(typeof(CallClosedAnnounced), "closed-announced")]
    [JsonDerivedType(typeof(CallEntered), "entered")]
    [JsonDerivedType(typeof(CallMenuEntered), "menu-entered")]
    [JsonDerivedType(typeof(CallMenuChoice), "menu-choice")]
    [JsonDerivedType(typeof(CallPlanRouted), "plan-routed")]
    [JsonDerivedType(typeof(CallbackOffered), "callback-offered")]
    [JsonDerivedType(typeof(CallbackRequested), "callback-requested")]
    [JsonDerivedType(typeof(CallbackDialled), "callback-dialled")]
    [JsonDerivedType(typeof(CallbackAttemptFailed), "callback-attempt-failed")]
    [JsonDerivedType(typeof(CallbackGaveUp), "callback-gave-up")]
    [JsonDerivedType(typeof(TransferEvents.CallTransferredToQueue), "transferred-to-queue")]
    [JsonDerivedType(typeof(TransferEvents.TransferLegStarted), "transfer-leg-started")]
    [JsonDerivedType(typeof(TransferEvents.TransferLegRinging), "transfer-leg-ringing")]
    [JsonDerivedType(typeof(TransferEvents.TransferLegAnswered), "transfer-leg-answered")]
    [JsonDerivedType(typeof(TransferEvents.TransferLegFailed), "transfer-leg-failed")]
    [JsonDerivedType(typeof(TransferEvents.WarmTransferCompleted), "warm-transfer-completed")]
    [JsonDerivedType(typeof(TransferEvents.ConsultConferenced), "consult-conferenced")]
    [JsonDerivedType(typeof(TransferEvents.CallReferredToDepartment), "referred-to-department")]
    public interface ICallEvent : IContactCenterMessage
    {
        DateTimeOffset At { get; }
    }

    /// <summary>The call arrived and was put in line. Attached data is stored with any CPR number masked.</summary>
    public sealed record CallOffered(
        string From,
        string Dialled,
        string QueueId,
        string Language,
        CallRank Rank,
        ImmutableDictionary<string, string> AttachedData,
        DateTimeOffset At) : ICallEvent;

    public sealed record CallOfferedToAgent(string AgentId, string Token, DateTimeOffset At) : ICallEvent;

    public sealed record CallOfferWithdrawn(string AgentId, string Token, string Reason, DateTimeOffset At) : ICallEvent;

    public sealed record CallConnected(string AgentId, string Token, DateTimeOffset At) : ICallEvent;

    public sealed record CallEnded(CallParty By, string? Disposition, DateTimeOffset At) : ICallEvent;

    /// <summary>The caller hung up before talking to anyone.</summary>
    public sealed record CallAbandoned(CallStatus Phase, DateTimeOffset At) : ICallEvent;

    /// <summary>The call goes to another queue instead (the requested one was closed and overflows).</summary>
    public sealed record CallRedirected(string FromQueueId, string ToQueueId, string Reason, DateTimeOffset At) : ICallEvent;

    /// <summary>The call was forwarded to a number outside the center (e.g. a department's evening line).</summary>
    public sealed record CallForwarded(string Target, string Reason, DateTimeOffset At, string? TargetId = null) : ICallEvent;

    /// <summary>The queue was closed: the caller heard the closed announcement with the next opening time.</summary>
    public sealed record CallClosedAnnounced(string QueueId, DateTimeOffset? NextOpening, DateTimeOffset At, string? TargetId = null) : ICallEvent;

    /// <summary>The callback events; a call folds them in through its callback ticket.</summary>
    public interface ICallbackEvent : ICallEvent;

    /// <summary>The caller was offered a callback instead of waiting (the queue's rule, with why).</summary>
    public sealed record CallbackOffered(string QueueId, string Reason, DateTimeOffset At) : ICallbackEvent;

    /// <summary>
    /// A callback was booked: at the caller's place in line (<paramref name="DueAt"/> null) or at a time. The retry
    /// rule is fixed here so a later change of the queue's settings does not change a booked callback.
    /// </summary>
    public sealed record CallbackRequested(
        string Number, DateTimeOffset? DueAt, int MaxAttempts, TimeSpan RetryBackoff, TimeSpan DialTimeout, string Reason, DateTimeOffset At)
        : ICallbackEvent;

    /// <summary>The agent took the callback; the adapter dials the citizen and bridges (attempt numbered from 1).</summary>
    public sealed record CallbackDialled(string AgentId, string Token, string Number, int Attempt, DateTimeOffset At) : ICallbackEvent;

    /// <summary>An attempt failed; the agent is released; with <paramref name="RetryAt"/> the callback is tried again then.</summary>
    public sealed record CallbackAttemptFailed(
        string AgentId, string Token, int Attempt, CallbackDialResult Result, DateTimeOffset? RetryAt, DateTimeOffset At) : ICallbackEvent;

    /// <summary>Every attempt failed: the callback's final outcome.</summary>
    public sealed record CallbackGaveUp(int Attempts, DateTimeOffset At) : ICallbackEvent;
}

/// <summary>Signals for the telephony adapter, published after the event that causes them is persisted.</summary>
public static class CallSignals
{
    public interface ICallSignal
    {
        string CallId { get; }
    }

    public sealed record RingAgent(string CallId, string AgentId, string Token, string QueueId) : ICallSignal;

    public sealed record CancelRing(string CallId, string AgentId, string Token) : ICallSignal;

    public sealed record Bridge(string CallId, string AgentId) : ICallSignal;

    public sealed record CallCompleted(string CallId, CallStatus Outcome) : ICallSignal;
}
