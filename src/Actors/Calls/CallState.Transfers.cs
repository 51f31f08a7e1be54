using ContactCenter.Actors.Entries;
using ContactCenter.Actors.Routing;
using ContactCenter.Actors.Transfers;
using static ContactCenter.Actors.Calls.CallEvents;
using static ContactCenter.Actors.Calls.CallProtocol;
using static ContactCenter.Actors.Calls.TransferCommands;
using static ContactCenter.Actors.Calls.TransferEvents;
using static ContactCenter.Actors.Calls.TransferProtocol;

namespace ContactCenter.Actors.Calls;

/// <summary>
/// Cold and warm transfers. A leg is fenced like an offer: by its leg id, and once an agent reserved itself, by
/// that agent's token. While a warm leg runs, the call stays with the first agent (AgentId/Token); the leg holds
/// the target's reservation, so a call is never connected to two agents.
/// </summary>
public sealed partial record CallState
{
    /// <summary>The transfer leg in progress, if any.</summary>
    public TransferLeg? Leg { get; init; }

    /// <summary>A cold transfer to this call went unanswered and it came back to its queue.</summary>
    public bool Returned { get; init; }

    /// <summary>The wait-time passport: the call's original arrival and priority as it stands now.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public CallRank? Passport => Details?.Rank;

    private CallState ApplyTransfer(ICallEvent e) => e switch
    {
        CallTransferredToQueue t => this with
        {
            Status = CallStatus.Queued, AgentId = null, Token = null, Details = Details! with { QueueId = t.ToQueueId, Rank = t.Rank },
        },
        TransferLegStarted s when s.Leg.Mode == TransferMode.Cold => this with
        {
            Status = CallStatus.Transferring, AgentId = null, Token = null, Leg = s.Leg,
        },
        TransferLegStarted s => this with { Status = CallStatus.Consulting, Leg = s.Leg },
        TransferLegRinging r when Leg!.Mode == TransferMode.Cold => this with
        {
            Status = CallStatus.Ringing, AgentId = r.AgentId, Token = r.Token,
            Leg = Leg with { Phase = LegPhase.Ringing, AgentId = r.AgentId, Token = r.Token },
        },
        TransferLegRinging r => this with { Leg = Leg! with { Phase = LegPhase.Ringing, AgentId = r.AgentId, Token = r.Token } },
        TransferLegAnswered a when a.Leg.Mode == TransferMode.Warm => this with { Leg = a.Leg with { Phase = LegPhase.Answered } },
        TransferLegAnswered a when a.Leg.Target.Kind == TransferTargetKind.External => this with
        {
            Status = CallStatus.TransferredOut, Leg = null,
        },
        TransferLegAnswered => this with { Leg = null }, // the CallConnected that follows connects the target agent
        TransferLegFailed f when f.Leg.Mode == TransferMode.Cold => this with
        {
            Status = f.ReturnedRank is null ? Status : CallStatus.Queued, AgentId = null, Token = null, Leg = null,
            Returned = f.ReturnedRank is not null || Returned,
            Details = f.ReturnedRank is { } rank ? Details! with { QueueId = f.Leg.FromQueueId, Rank = rank } : Details,
        },
        TransferLegFailed => this with { Status = Status == CallStatus.Consulting ? CallStatus.Connected : Status, Leg = null },
        WarmTransferCompleted w when w.Leg.Target.Kind == TransferTargetKind.External => this with
        {
            Status = CallStatus.TransferredOut, Leg = null,
        },
        WarmTransferCompleted w => this with
        {
            Status = CallStatus.Connected, AgentId = w.Leg.AgentId, Token = w.Leg.Token, Leg = null,
            Details = w.Leg.Target.Kind == TransferTargetKind.Queue ? Details! with { QueueId = w.Leg.Target.Id } : Details,
        },
        ConsultConferenced => this with { Leg = Leg! with { Conference = true } },
        _ => this, // CallReferredToDepartment: history only
    };

    private Decision<ICallEvent> NotFound() => Decision<ICallEvent>.Reject(CallId, RejectionCode.NotFound, $"call '{CallId}' does not exist");

    private Decision<ICallEvent> Illegal(string reason) => Decision<ICallEvent>.Reject(CallId, RejectionCode.IllegalTransition, reason);

    /// <summary>
    /// Only the agent connected to the call may transfer it, and only one leg at a time. A directory target is
    /// resolved through the entry plan (<paramref name="plan"/>, the lookup closed handling uses) to an external leg
    /// on its number, and refused while the target is closed.
    /// </summary>
    public Decision<ICallEvent> Decide(TransferCall cmd, DateTimeOffset now, Func<string, QueueRoute?> routes, EntryPlan? plan = null)
    {
        if (Status == CallStatus.None) return NotFound();
        var errors = cmd.Target.Validate().ToList();
        var timeout = cmd.Timeout ?? TransferCommands.DefaultTimeout;
        if (timeout < TimeSpan.FromSeconds(5) || timeout > TimeSpan.FromMinutes(5))
            errors.Add($"timeoutSeconds: {timeout.TotalSeconds} is outside 5-300");
        if (!Enum.IsDefined(cmd.Mode)) errors.Add($"mode: {cmd.Mode} is not Cold or Warm");
        if (cmd.Target.Kind == TransferTargetKind.Agent && cmd.Target.Id == cmd.AgentId) errors.Add("target: an agent cannot transfer to itself");
        if (errors.Count > 0) return Decision<ICallEvent>.Reject(CallId, RejectionCode.Invalid, string.Join("; ", errors));
        if (Status != CallStatus.Connected || AgentId != cmd.AgentId)
        {
            return Illegal(Status == CallStatus.Consulting
                ? $"call '{CallId}' already has a transfer leg to {Leg!.Target}; complete or cancel it first"
                : $"call '{CallId}' is {Status}{(AgentId is null ? "" : $" with agent '{AgentId}'")}: only its connected agent can transfer it");
        }
        if (cmd.Target.Kind == TransferTargetKind.Directory)
        {
            var (external, code, problem) = DirectoryTransfer.Resolve(plan ?? EntryPlan.Empty, cmd.Target.Id, now);
            return external is null
                ? Decision<ICallEvent>.Reject(CallId, code, problem!)
                : Decide(cmd with { Target = external }, now, routes, plan);
        }
        QueueRoute? target = null;
        if (cmd.Target.Kind == TransferTargetKind.Queue && (target = routes(cmd.Target.Id)) is null)
            return Decision<ICallEvent>.Reject(CallId, RejectionCode.NotFound, $"queue '{cmd.Target.Id}' does not exist");

        var rank = target is null ? Details!.Rank : WaitTimePassport.Enter(Details!.Rank, target.Transfers, now);
        if (cmd.Mode == TransferMode.Cold && target is not null)
            return Decision<ICallEvent>.Accept(new CallTransferredToQueue(AgentId!, Token!, Details.QueueId, target.QueueId, rank, now));

        var legNumber = History.Count(h => h is TransferLegStarted) + 1;
        var leg = new TransferLeg($"{CallId}-leg-{legNumber}", cmd.Mode, cmd.Target, AgentId!, Token!, Details.QueueId, rank, now, now + timeout);
        return Decision<ICallEvent>.Accept(new TransferLegStarted(leg, now));
    }

    public Decision<ICallEvent> Decide(CompleteTransfer cmd, DateTimeOffset now)
    {
        if (RequireConsultBy(cmd.AgentId) is { } rejected) return rejected;
        return Leg!.Phase == LegPhase.Answered
            ? Decision<ICallEvent>.Accept(new WarmTransferCompleted(Leg, now))
            : Illegal($"the consulted target {Leg.Target} has not answered yet; cancel, or wait for it to answer");
    }

    public Decision<ICallEvent> Decide(CancelTransfer cmd, DateTimeOffset now) =>
        RequireConsultBy(cmd.AgentId) ?? Decision<ICallEvent>.Accept(new TransferLegFailed(Leg!, "cancelled by agent", null, now));

    public Decision<ICallEvent> Decide(ConferenceTransfer cmd, DateTimeOffset now)
    {
        if (RequireConsultBy(cmd.AgentId) is { } rejected) return rejected;
        if (Leg!.Conference) return Decision<ICallEvent>.Nothing;
        return Leg.Phase == LegPhase.Answered
            ? Decision<ICallEvent>.Accept(new ConsultConferenced(Leg.LegId, now))
            : Illegal($"the consulted target {Leg.Target} has not answered yet");
    }

    private Decision<ICallEvent>? RequireConsultBy(string agentId)
    {
        if (Status == CallStatus.None) return NotFound();
        if (Status != CallStatus.Consulting || AgentId != agentId)
            return Illegal($"call '{CallId}' is {Status}: agent '{agentId}' has no warm transfer in progress on it");
        return null;
    }

    /// <summary>The adapter's report on an external leg. A report for a leg that already ended is refused.</summary>
    public Decision<ICallEvent> Decide(ReportLeg cmd, DateTimeOffset now, Func<string, QueueRoute?> routes)
    {
        if (Status == CallStatus.None) return NotFound();
        if (Leg is not { Target.Kind: TransferTargetKind.External } leg || (cmd.LegId is not null && cmd.LegId != leg.LegId))
        {
            return Illegal(cmd.LegId is null
                ? $"call '{CallId}' is {Status} with no external transfer leg in progress: drop the target leg"
                : $"transfer leg '{cmd.LegId}' of call '{CallId}' is no longer in progress (the call is {Status}): drop the target leg");
        }
        if (leg.Phase == LegPhase.Answered) return cmd.Outcome == LegOutcome.Answered ? Decision<ICallEvent>.Nothing : Illegal("the leg was answered");
        return cmd.Outcome == LegOutcome.Answered
            ? Decision<ICallEvent>.Accept(new TransferLegAnswered(leg, now))
            : Decision<ICallEvent>.Accept(LegFailed(leg, cmd.Outcome switch
            {
                LegOutcome.NoAnswer => "no answer",
                LegOutcome.Busy => "busy",
                _ => "failed",
            }, now, routes));
    }

    public Decision<ICallEvent> Decide(LegDeadlineReached msg, DateTimeOffset now, Func<string, QueueRoute?> routes) =>
        Leg is { } leg && leg.LegId == msg.LegId && leg.Phase != LegPhase.Answered
            ? Decision<ICallEvent>.Accept(LegFailed(leg, "timeout", now, routes))
            : Decision<ICallEvent>.Nothing;

    public Decision<ICallEvent> Decide(DirectOfferAccepted msg, DateTimeOffset now) =>
        Leg is { Phase: LegPhase.Waiting, Target.Kind: TransferTargetKind.Agent } leg && leg.LegId == msg.LegId && leg.Target.Id == msg.AgentId
            ? Decision<ICallEvent>.Accept(new TransferLegRinging(leg.LegId, msg.AgentId, msg.Token, now))
            : Decision<ICallEvent>.Nothing;

    public Decision<ICallEvent> Decide(DirectOfferRefused msg, DateTimeOffset now, Func<string, QueueRoute?> routes) =>
        Leg is { Phase: LegPhase.Waiting } leg && leg.LegId == msg.LegId
            ? Decision<ICallEvent>.Accept(LegFailed(leg, msg.Reason, now, routes))
            : Decision<ICallEvent>.Nothing;

    public Decision<ICallEvent> Decide(NoteDepartmentReferral cmd, DateTimeOffset now)
    {
        if (Status == CallStatus.None) return NotFound();
        var repeated = History.OfType<CallReferredToDepartment>().Any(r => r.MessageId == cmd.MessageId);
        return repeated ? Decision<ICallEvent>.Nothing : Decision<ICallEvent>.Accept(new CallReferredToDepartment(cmd.DepartmentId, cmd.MessageId, cmd.Kind, now));
    }

    /// <summary>A warm consult into a queue: the target queue routed the leg to an agent.</summary>
    private Decision<ICallEvent>? DecideLeg(RouteToAgent msg, DateTimeOffset now) =>
        Leg is { Mode: TransferMode.Warm, Phase: LegPhase.Waiting, Target.Kind: TransferTargetKind.Queue } leg && leg.Target.Id == msg.QueueId
            ? Decision<ICallEvent>.Accept(new TransferLegRinging(leg.LegId, msg.AgentId, msg.Token, now))
            : null;

    /// <summary>The leg's target agent answered: a warm consult is talking; a cold leg connects the call to it.</summary>
    private Decision<ICallEvent>? DecideLeg(AgentConnected msg, DateTimeOffset now)
    {
        if (Leg is not { Phase: LegPhase.Ringing } leg || leg.Token != msg.Token) return null;
        return leg.Mode == TransferMode.Warm
            ? Decision<ICallEvent>.Accept(new TransferLegAnswered(leg, now))
            : Decision<ICallEvent>.Accept(new TransferLegAnswered(leg, now), new CallConnected(msg.AgentId, msg.Token, now));
    }

    /// <summary>The leg's target agent let the offer go (no answer in time): the leg failed.</summary>
    private Decision<ICallEvent>? DecideLeg(OfferWithdrawn msg, DateTimeOffset now, Func<string, QueueRoute?> routes) =>
        Leg is { Phase: LegPhase.Ringing } leg && leg.Token == msg.Token
            ? Decision<ICallEvent>.Accept(LegFailed(leg, msg.Reason, now, routes))
            : null;

    /// <summary>
    /// A hang-up while a leg runs. Cold (nobody with the caller): only the caller can hang up, and the call is
    /// abandoned. Warm: the consult ends, then the call ends (an agent hanging up mid-consult ends the call too).
    /// </summary>
    private Decision<ICallEvent>? DecideLeg(CallCommands.HangUp cmd, DateTimeOffset now)
    {
        if (Status == CallStatus.Consulting)
        {
            var reason = cmd.Party == CallParty.Caller ? "caller hung up" : $"{cmd.Party.ToString().ToLowerInvariant()} hung up";
            return Decision<ICallEvent>.Accept(new TransferLegFailed(Leg!, reason, null, now), new CallEnded(cmd.Party, cmd.Disposition, now));
        }
        if (Leg is not { Mode: TransferMode.Cold } leg) return null;
        return cmd.Party == CallParty.Caller
            ? Decision<ICallEvent>.Accept(new TransferLegFailed(leg, "caller hung up", null, now), new CallAbandoned(CallStatus.Transferring, now))
            : Illegal($"call '{CallId}' is being transferred: only the caller can hang up before the target answers");
    }

    /// <summary>A failed cold leg returns the call to its original queue; a failed warm leg returns it to the agent.</summary>
    private TransferLegFailed LegFailed(TransferLeg leg, string reason, DateTimeOffset now, Func<string, QueueRoute?> routes) =>
        new(leg, reason, leg.Mode == TransferMode.Cold ? WaitTimePassport.Return(Details!.Rank, routes(leg.FromQueueId)?.Transfers, now) : null, now);
}
