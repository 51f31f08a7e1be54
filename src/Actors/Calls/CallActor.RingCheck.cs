using Akka.Actor;
using ContactCenter.Actors.Agents;

namespace ContactCenter.Actors.Calls;

/// <summary>
/// A ringing call confirms its offer with the agent every few seconds: the mirror of the agent's call check.
/// The agent's <c>OfferWithdrawn</c> (no answer, logged out) is told at most once; when it is lost with a node,
/// the agent is Ready again and the call would ring nobody forever. The agent's state settles it: if the agent
/// no longer holds this offer (or this call), the call withdraws the offer itself and goes back to its place.
/// </summary>
public sealed partial class CallActor
{
    public static readonly TimeSpan RingCheckInterval = TimeSpan.FromSeconds(10);

    private const string RingCheckTimer = "ring-check";

    private sealed class CheckRing
    {
        public static readonly CheckRing Instance = new();
    }

    private void ReceiveRingCheck()
    {
        Command<CheckRing>(_ =>
        {
            if (State is { Status: CallStatus.Ringing, AgentId: { } agentId }) _regions.Agents.Tell(new AgentCommands.GetAgentState(agentId));
            else Timers.Cancel(RingCheckTimer);
        });
        Command<AgentState>(OnAgentState);
    }

    private void WatchRing() => KeepPeriodic(RingCheckTimer, CheckRing.Instance, RingCheckInterval, State.Status == CallStatus.Ringing);

    private void OnAgentState(AgentState agent)
    {
        if (State is not { Status: CallStatus.Ringing, AgentId: { } agentId, Token: { } token } || agent.AgentId != agentId) return;
        var holds = agent is { Status: AgentStatus.Offered, Offer: { } offer } && offer.CallId == _callId && offer.Token == token
                    || agent is { Status: AgentStatus.OnCall, Call: { } call } && call.CallId == _callId && call.Token == token;
        if (holds) return; // still ringing there, or answered and the agent's own check resends the connect
        var withdrawn = new CallProtocol.OfferWithdrawn(_callId, agentId, token, $"agent is {agent.Status} without this offer");
        PersistThen(State.Decide(withdrawn, Now).Events, ReactToAll);
    }
}
