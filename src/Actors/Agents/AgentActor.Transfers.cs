using Akka.Actor;
using ContactCenter.Actors.Calls;
using static ContactCenter.Actors.Agents.AgentProtocol;

namespace ContactCenter.Actors.Agents;

/// <summary>Transfer legs offered to an agent by name: the same reservation as a queue's proposal.</summary>
public sealed partial class AgentActor
{
    private void ReceiveTransfers() => Command<DirectOffer>(OnDirectOffer);

    private void OnDirectOffer(DirectOffer m)
    {
        if (State.RequireExists() is not null || State.Status != AgentStatus.Ready)
        {
            var why = State.Exists ? $"agent '{_agentId}' is {State.Status}" : $"agent '{_agentId}' does not exist";
            _regions.Calls.Tell(new TransferProtocol.DirectOfferRefused(m.CallId, _agentId, m.LegId, why));
            return;
        }
        var token = Guid.NewGuid().ToString("N");
        var asProposal = new CallProposal(_agentId, m.QueueId, m.CallId, m.Rank, 0, 0, m.OfferTimeout, m.WrapUp);
        PersistThen(State.Reserve(asProposal, token, Now).Events, events =>
        {
            if (events.Count == 0)
            {
                _regions.Calls.Tell(new TransferProtocol.DirectOfferRefused(m.CallId, _agentId, m.LegId, $"agent '{_agentId}' is {State.Status}"));
                return;
            }
            _regions.Calls.Tell(new TransferProtocol.DirectOfferAccepted(m.CallId, _agentId, m.LegId, token));
            LeaveQueues(exceptQueueId: null);
            ArmTimers();
        });
    }
}
