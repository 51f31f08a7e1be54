using Akka.Actor;
using ContactCenter.Actors.Calls;

namespace ContactCenter.Actors.Agents;

/// <summary>
/// An agent on a call confirms its call every few seconds. Messages between entities are at most once: when a
/// node dies, the call's <c>ConnectedCallEnded</c> or <c>OfferCancelled</c>, or the agent's own
/// <c>AgentConnected</c>, can be lost, and the agent would stay on a call that has ended (or that never
/// connected). The call's state settles it: connect again, finish, or release.
/// </summary>
public sealed partial class AgentActor
{
    public static readonly TimeSpan CallCheckInterval = TimeSpan.FromSeconds(10);

    private const string CallCheckTimer = "call-check";

    private sealed class CheckCall
    {
        public static readonly CheckCall Instance = new();
    }

    private void ReceiveCallCheck()
    {
        Command<CheckCall>(_ =>
        {
            if (State is { Status: AgentStatus.OnCall, Call: { } call })
                _regions.Calls.Tell(new CallCommands.GetCallState(call.CallId));
        });
        Command<CallState>(OnCallState);
    }

    private void WatchCall() => KeepPeriodic(CallCheckTimer, CheckCall.Instance, CallCheckInterval, State.Status == AgentStatus.OnCall);

    private void OnCallState(CallState call)
    {
        if (State is not { Status: AgentStatus.OnCall, Call: { } mine } || call.CallId != mine.CallId) return;
        // This agent holds the call itself, or the target leg of a transfer (a warm consult's target agent).
        var ours = (call.Token == mine.Token && call.AgentId == _agentId)
                   || (call.Leg is { } leg && leg.AgentId == _agentId && leg.Token == mine.Token);
        switch (call.Status)
        {
            case CallStatus.Connected when ours:
                return;
            case CallStatus.Ringing when ours:
                _regions.Calls.Tell(new CallProtocol.AgentConnected(mine.CallId, _agentId, mine.Token)); // it was lost
                return;
            case CallStatus.Ended when ours:
                PersistThen(State.Decide(new AgentProtocol.ConnectedCallEnded(_agentId, mine.CallId, mine.Token), Now).Events, AfterTransition);
                return;
            case CallStatus.Queued or CallStatus.Ringing or CallStatus.Connected:
                if (ours) return;
                break; // the call went on without this agent
        }
        if (!call.IsFinal && ours) return;
        PersistThen(State.Revoke(mine.CallId, mine.Token, $"call is {call.Status} without this agent", Now).Events, AfterTransition);
    }
}
