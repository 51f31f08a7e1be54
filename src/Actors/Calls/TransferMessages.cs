using ContactCenter.Actors.Routing;
using ContactCenter.Actors.Serialization;
using ContactCenter.Actors.Transfers;

namespace ContactCenter.Actors.Calls;

/// <summary>Where a transfer leg stands.</summary>
public enum LegPhase
{
    /// <summary>Waiting in the target queue, for the target agent's reply, or dialling the external number.</summary>
    Waiting,
    /// <summary>A target agent reserved itself under the leg's token and is ringing.</summary>
    Ringing,
    /// <summary>The target picked up (a warm consult is talking; a cold leg is over).</summary>
    Answered,
}

/// <summary>
/// One transfer leg of a call: who started it (agent and token of the connection it leaves), the target, and the
/// target agent's reservation once there is one. A warm leg keeps the caller with the first agent until completed.
/// </summary>
public sealed record TransferLeg(
    string LegId,
    TransferMode Mode,
    TransferTarget Target,
    string FromAgentId,
    string FromToken,
    string FromQueueId,
    CallRank Rank,
    DateTimeOffset StartedAt,
    DateTimeOffset Deadline,
    LegPhase Phase = LegPhase.Waiting,
    string? AgentId = null,
    string? Token = null,
    bool Conference = false) : IContactCenterMessage;

/// <summary>What the adapter saw of an external transfer leg.</summary>
public enum LegOutcome
{
    Answered,
    NoAnswer,
    Busy,
    Failed,
}

/// <summary>Transfer commands from agent desktops and the adapter; all go to the call entity.</summary>
public static class TransferCommands
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The connected agent transfers the call (cold) or starts a consult (warm).</summary>
    public sealed record TransferCall(string CallId, string AgentId, TransferMode Mode, TransferTarget Target, TimeSpan? Timeout = null)
        : IWithCallId;

    /// <summary>Warm: join the caller to the consulted target; the agent goes to wrap-up.</summary>
    public sealed record CompleteTransfer(string CallId, string AgentId) : IWithCallId;

    /// <summary>Warm: end the consult; the agent is back with the caller.</summary>
    public sealed record CancelTransfer(string CallId, string AgentId) : IWithCallId;

    /// <summary>Warm: join all three (where the adapter supports conferencing); complete or cancel ends it.</summary>
    public sealed record ConferenceTransfer(string CallId, string AgentId) : IWithCallId;

    /// <summary>The adapter reports the outcome of dialling an external target.</summary>
    public sealed record ReportLeg(string CallId, LegOutcome Outcome, string? LegId = null) : IWithCallId;

    /// <summary>An agent left a message or callback request with a department about this call.</summary>
    public sealed record NoteDepartmentReferral(string CallId, string DepartmentId, string MessageId, string Kind) : IWithCallId;
}

/// <summary>The call side of the transfer protocol (from agents, timers and the transfer watch).</summary>
public static class TransferProtocol
{
    /// <summary>The target agent reserved itself for the leg under <paramref name="Token"/>.</summary>
    public sealed record DirectOfferAccepted(string CallId, string AgentId, string LegId, string Token) : IWithCallId;

    /// <summary>The target agent could not take the leg (not ready, unknown).</summary>
    public sealed record DirectOfferRefused(string CallId, string AgentId, string LegId, string Reason) : IWithCallId;

    /// <summary>Internal timer: the leg's deadline passed.</summary>
    public sealed record LegDeadlineReached(string CallId, string LegId) : IWithCallId;

    /// <summary>From the transfer watch: wake up (after a restart) and re-arm the leg's deadline.</summary>
    public sealed record ResumeTransfer(string CallId) : IWithCallId;
}

/// <summary>Events of transfer legs and department referrals, part of the call's history.</summary>
public static class TransferEvents
{
    /// <summary>A cold transfer to a queue: the agent left, the call waits in the target queue with <paramref name="Rank"/>.</summary>
    public sealed record CallTransferredToQueue(
        string FromAgentId, string FromToken, string FromQueueId, string ToQueueId, CallRank Rank, DateTimeOffset At)
        : CallEvents.ICallEvent;

    /// <summary>A leg to an agent, a queue (warm) or an external number started.</summary>
    public sealed record TransferLegStarted(TransferLeg Leg, DateTimeOffset At) : CallEvents.ICallEvent;

    /// <summary>The leg's target agent reserved itself and is ringing.</summary>
    public sealed record TransferLegRinging(string LegId, string AgentId, string Token, DateTimeOffset At) : CallEvents.ICallEvent;

    /// <summary>The target picked up. Cold: the leg is over (an external target takes the call out of the center).</summary>
    public sealed record TransferLegAnswered(TransferLeg Leg, DateTimeOffset At) : CallEvents.ICallEvent;

    /// <summary>
    /// The leg ended without the target (no answer, busy, timeout, refused, cancelled, caller gone). Cold: the call
    /// is back in its original queue with <paramref name="ReturnedRank"/>; warm: the caller is back with the agent.
    /// </summary>
    public sealed record TransferLegFailed(TransferLeg Leg, string Reason, CallRank? ReturnedRank, DateTimeOffset At)
        : CallEvents.ICallEvent;

    /// <summary>Warm: the caller was joined to the consulted target; the first agent left.</summary>
    public sealed record WarmTransferCompleted(TransferLeg Leg, DateTimeOffset At) : CallEvents.ICallEvent;

    /// <summary>Warm: caller, agent and target in one conference.</summary>
    public sealed record ConsultConferenced(string LegId, DateTimeOffset At) : CallEvents.ICallEvent;

    /// <summary>A message or callback request was left with a department: the call was not resolved at first contact.</summary>
    public sealed record CallReferredToDepartment(string DepartmentId, string MessageId, string Kind, DateTimeOffset At)
        : CallEvents.ICallEvent;
}
