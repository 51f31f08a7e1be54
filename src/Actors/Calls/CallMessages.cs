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
