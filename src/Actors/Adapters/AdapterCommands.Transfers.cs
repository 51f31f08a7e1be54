using ContactCenter.Actors.Calls;
using ContactCenter.Actors.Transfers;
using static ContactCenter.Actors.Calls.TransferEvents;

namespace ContactCenter.Actors.Adapters;

/// <summary>The media actions of transfer legs. Detail names the target as "queue:id", "agent:id" or "external:+45...".</summary>
public sealed partial record AdapterCommand
{
    /// <summary>Cold: release the agent (AgentId) and hold the caller; an external target (Detail) is dialled now.</summary>
    public const string Transfer = "transfer";
    /// <summary>Warm: hold the caller; the agent (AgentId) stays; an external target (Detail) is dialled from the agent.</summary>
    public const string Consult = "consult";
    /// <summary>Warm completed: bridge the caller to the target (Detail), release the first agent (AgentId).</summary>
    public const string CompleteTransfer = "complete-transfer";
    /// <summary>Warm: join caller, agent and target in one conference.</summary>
    public const string Conference = "conference";
    /// <summary>Warm leg ended: drop the target leg, take the caller off hold back to the agent (AgentId).</summary>
    public const string Retrieve = "retrieve";
    /// <summary>Cold leg unanswered: drop the target leg; the caller waits in queue QueueId again (Detail: why).</summary>
    public const string Requeue = "requeue";
    /// <summary>The caller hung up during a cold transfer: drop the target leg.</summary>
    public const string CancelTransfer = "cancel-transfer";

    private static AdapterCommand? FromTransfer(long id, string callId, object @event) => @event switch
    {
        CallTransferredToQueue t => new AdapterCommand(id, Transfer, callId, t.FromAgentId, null, t.ToQueueId, $"queue:{t.ToQueueId}", t.At),
        TransferLegStarted { Leg: var leg } s => new AdapterCommand(id, leg.Mode == TransferMode.Cold ? Transfer : Consult, callId,
            leg.FromAgentId, null, null, leg.Target.ToString(), s.At),
        TransferLegRinging r => new AdapterCommand(id, RingAgent, callId, r.AgentId, r.Token, null, "transfer-leg " + r.LegId, r.At),
        TransferLegFailed { Leg.Mode: TransferMode.Warm } f => new AdapterCommand(id, Retrieve, callId, f.Leg.FromAgentId, f.Leg.FromToken, null,
            $"{f.Leg.Target}: {f.Reason}", f.At),
        TransferLegFailed { ReturnedRank: not null } f => new AdapterCommand(id, Requeue, callId, f.Leg.AgentId, f.Leg.Token, f.Leg.FromQueueId,
            $"returned: {f.Leg.Target} {f.Reason}", f.At),
        WarmTransferCompleted w => new AdapterCommand(id, CompleteTransfer, callId, w.Leg.FromAgentId, w.Leg.Token, null,
            w.Leg.Target.Kind == TransferTargetKind.External ? w.Leg.Target.ToString() : $"agent:{w.Leg.AgentId}", w.At),
        ConsultConferenced c => new AdapterCommand(id, Conference, callId, null, null, null, c.LegId, c.At),
        CallEvents.CallAbandoned { Phase: CallStatus.Transferring } a => new AdapterCommand(id, CancelTransfer, callId, null, null, null,
            "caller hung up", a.At),
        _ => null,
    };
}
