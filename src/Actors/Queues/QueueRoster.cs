using ContactCenter.Actors.Routing;

namespace ContactCenter.Actors.Queues;

/// <summary>A call proposed to one agent, locked to it until the agent answers or the proposal expires.</summary>
public sealed record Proposal(long ProposalId, string CallId, string AgentId, int Ring = 0);

/// <summary>
/// The queue's soft routing state: which agents are idle and which calls are locked in an open proposal.
/// Not persisted: agents announce themselves again when a queue restarts (its directory incarnation changes).
/// </summary>
public sealed class QueueRoster
{
    private readonly Dictionary<string, IdleAgent> _idle = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Proposal> _byAgent = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Proposal> _byCall = new(StringComparer.Ordinal);
    private long _nextProposalId;

    public IReadOnlyCollection<IdleAgent> IdleAgents => _idle.Values;
    public int OpenProposals => _byAgent.Count;

    /// <summary>An agent with an open proposal is not idle: it answers that proposal first.</summary>
    public void MarkIdle(IdleAgent agent)
    {
        if (!_byAgent.ContainsKey(agent.AgentId)) _idle[agent.AgentId] = agent;
    }

    public void MarkUnavailable(string agentId) => _idle.Remove(agentId);

    public bool IsLocked(string callId) => _byCall.ContainsKey(callId);

    public Proposal? OpenProposalOf(string agentId) => _byAgent.GetValueOrDefault(agentId);

    /// <summary>Locks the call to the agent; the agent stops counting as idle here until it is announced again.</summary>
    public Proposal Propose(string callId, string agentId, int ring = 0)
    {
        var proposal = new Proposal(++_nextProposalId, callId, agentId, ring);
        _idle.Remove(agentId);
        _byAgent[agentId] = proposal;
        _byCall[callId] = proposal;
        return proposal;
    }

    /// <summary>Closes the agent's open proposal if it is the one named; true when it was.</summary>
    public bool Close(string agentId, long proposalId)
    {
        if (!_byAgent.TryGetValue(agentId, out var open) || open.ProposalId != proposalId) return false;
        _byAgent.Remove(agentId);
        if (_byCall.TryGetValue(open.CallId, out var locked) && locked.ProposalId == proposalId) _byCall.Remove(open.CallId);
        return true;
    }

    /// <summary>Frees whatever proposal holds the call (it was assigned or left the line).</summary>
    public void ReleaseCall(string callId)
    {
        if (!_byCall.Remove(callId, out var proposal)) return;
        if (_byAgent.TryGetValue(proposal.AgentId, out var open) && open.ProposalId == proposal.ProposalId)
            _byAgent.Remove(proposal.AgentId);
    }

    /// <summary>
    /// Work conservation: pairs every unlocked waiting call, best first, with the best free eligible agent
    /// until one side runs out. Returns the proposals to send.
    /// </summary>
    public List<Proposal> Dispatch(QueueState state) => Dispatch(state, (_, agent) => agent.Ring == 0 && state.IsEligible(agent));

    /// <summary>
    /// Like <see cref="Dispatch(QueueState)"/> with a per-call eligibility (escalation steps and hypercare admit
    /// agents of outer rings only to calls that waited long enough); the innermost eligible ring is served first.
    /// </summary>
    public List<Proposal> Dispatch(QueueState state, Func<WaitingCall, IdleAgent, bool> eligible)
    {
        var proposals = new List<Proposal>();
        if (state.Config is null || _idle.Count == 0 || state.Line.Count == 0) return proposals;

        var free = new List<IdleAgent>(_idle.Values);
        var lastServed = state.LastServedAgentId;
        var candidates = new List<IdleAgent>(free.Count);
        foreach (var call in state.Line)
        {
            if (free.Count == 0) break;
            if (IsLocked(call.CallId)) continue;
            candidates.Clear();
            var innermost = int.MaxValue;
            foreach (var agent in free)
            {
                if (!eligible(call, agent) || agent.Ring > innermost) continue;
                if (agent.Ring < innermost)
                {
                    innermost = agent.Ring;
                    candidates.Clear();
                }
                candidates.Add(agent);
            }
            if (candidates.Count == 0) continue;
            var best = AgentSelector.SelectBest(candidates, state.Config.Strategy, lastServed, state.Config.EffectiveLinearOrder)!;
            free.Remove(best);
            lastServed = best.AgentId;
            proposals.Add(Propose(call.CallId, best.AgentId, best.Ring));
        }
        return proposals;
    }

    /// <summary>The best call an agent that just announced itself could take now, if any.</summary>
    public WaitingCall? FirstUnlocked(QueueState state) => FirstUnlocked(state, _ => true);

    /// <summary>The best unlocked call that passes <paramref name="admits"/>.</summary>
    public WaitingCall? FirstUnlocked(QueueState state, Func<WaitingCall, bool> admits)
    {
        foreach (var call in state.Line)
        {
            if (!IsLocked(call.CallId) && admits(call)) return call;
        }
        return null;
    }
}
