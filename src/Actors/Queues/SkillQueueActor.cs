using System.Collections.Immutable;
using Akka.Actor;
using ContactCenter.Actors.Agents;
using ContactCenter.Actors.Calls;
using ContactCenter.Actors.Routing;
using static ContactCenter.Actors.Queues.QueueCommands;
using static ContactCenter.Actors.Queues.QueueEvents;
using static ContactCenter.Actors.Queues.QueueProtocol;

namespace ContactCenter.Actors.Queues;

/// <summary>
/// The single writer of a queue's line. It proposes its best waiting call to its best idle agent (one open
/// proposal per agent, one per call); the agent settles the race by reserving itself, and only then does the
/// queue persist the assignment and route the call. Idle agents are soft state, announced again after a restart.
/// </summary>
public sealed class SkillQueueActor : EventSourcedEntity<QueueState, IQueueEvent>
{
    /// <summary>A proposal that gets no answer in this time frees its call for other agents.</summary>
    public static readonly TimeSpan ProposalTimeout = TimeSpan.FromSeconds(5);

    private readonly string _queueId;
    private readonly TimeProvider _time;
    private readonly QueueRoster _roster = new();
    private RoutingRegions _regions = null!;

    public SkillQueueActor(string queueId, TimeProvider time)
        : base("queue-" + queueId, "queue", QueueState.Empty(queueId))
    {
        _queueId = queueId;
        _time = time;

        Command<ConfigureQueue>(cmd => Handle(State.Decide(cmd, Now), _ =>
        {
            Sender.Tell(new CommandAccepted(_queueId, $"queue '{_queueId}' configured"));
            RegisterRoute();
            Dispatch();
        }));
        Command<RemoveQueue>(cmd => Handle(State.Decide(cmd, Now), _ =>
        {
            Sender.Tell(new CommandAccepted(_queueId, $"queue '{_queueId}' removed"));
            _regions.Directory.Tell(new QueueDirectoryActor.Unregister(_queueId));
        }));
        Command<EnqueueCall>(cmd => Handle(State.Decide(cmd, Now), _ => Dispatch()));
        Command<RemoveCall>(cmd => Handle(State.Decide(cmd, Now), _ => _roster.ReleaseCall(cmd.CallId)));
        Command<GetQueueState>(_ => Sender.Tell(new QueueView(
            _queueId, State.Config, State.Line.ToImmutableArray(), _roster.IdleAgents.ToImmutableArray(), _roster.OpenProposals)));

        Command<AgentAvailable>(OnAgentAvailable);
        Command<AgentUnavailable>(m => _roster.MarkUnavailable(m.AgentId));
        Command<ProposalAccepted>(OnProposalAccepted);
        Command<ProposalDeclined>(m =>
        {
            _roster.Close(m.AgentId, m.ProposalId);
            Dispatch();
        });
        Command<ProposalExpired>(m =>
        {
            if (_roster.Close(m.AgentId, m.ProposalId)) Dispatch();
        });
    }

    private DateTimeOffset Now => _time.GetUtcNow();

    protected override QueueState ApplyEvent(QueueState state, IQueueEvent e) => state.Apply(e);

    protected override object ToSnapshot(QueueState state) =>
        new QueueSnapshot(state.Config, state.Line.ToImmutableArray(), state.LastServedAgentId);

    protected override QueueState FromSnapshot(object snapshot)
    {
        var s = (QueueSnapshot)snapshot;
        var line = s.Waiting.ToImmutableSortedSet(QueueState.LineOrder);
        return QueueState.Empty(_queueId) with
        {
            Config = s.Config, Line = line, ById = line.ToImmutableDictionary(c => c.CallId), LastServedAgentId = s.LastServedAgentId,
        };
    }

    protected override void PreStart()
    {
        _regions = RoutingRegions.From(Context.System);
        base.PreStart();
    }

    protected override void OnRecovered()
    {
        if (State.Exists) RegisterRoute();
    }

    /// <summary>A fresh incarnation makes every idle agent with the skill announce itself here again.</summary>
    private void RegisterRoute()
    {
        var config = State.Config!;
        _regions.Directory.Tell(new QueueDirectoryActor.Register(
            new QueueRoute(_queueId, config.RequiredSkill, config.MinLevel, Guid.NewGuid().ToString("N"), config.Hours, config.WhenClosed)));
    }

    private void OnAgentAvailable(AgentAvailable m)
    {
        var agent = m.Agent;
        _roster.MarkUnavailable(agent.AgentId);
        // An agent with an open proposal answers that proposal; it is not idle here meanwhile.
        if (!State.IsEligible(agent) || _roster.OpenProposalOf(agent.AgentId) is not null)
        {
            Sender.Tell(new AgentProtocol.NoCallWaiting(agent.AgentId, _queueId, m.Epoch));
            return;
        }
        // Work conservation: any unlocked waiting call goes to this agent now. (Another idle agent cannot
        // exist here while calls wait unlocked, so "best agent" holds.)
        if (_roster.FirstUnlocked(State) is { } call)
        {
            Propose(_roster.Propose(call.CallId, agent.AgentId), m.Epoch);
            return;
        }
        _roster.MarkIdle(agent);
        Sender.Tell(new AgentProtocol.NoCallWaiting(agent.AgentId, _queueId, m.Epoch));
    }

    private void OnProposalAccepted(ProposalAccepted m)
    {
        _roster.Close(m.AgentId, m.ProposalId);
        var decision = State.Decide(m, Now);
        if (decision.IsRejected)
        {
            // The call left the line meanwhile (hung up, or a late answer after the proposal expired and
            // another agent took it): release the agent.
            _regions.Agents.Tell(new AgentProtocol.ProposalVoid(m.AgentId, m.CallId, m.Token));
            Dispatch();
            return;
        }
        PersistThen(decision.Events, _ =>
        {
            _roster.ReleaseCall(m.CallId);
            _regions.Calls.Tell(new CallProtocol.RouteToAgent(m.CallId, _queueId, m.AgentId, m.Token));
            Dispatch();
        });
    }

    private void Dispatch()
    {
        foreach (var proposal in _roster.Dispatch(State)) Propose(proposal, epoch: 0);
    }

    private void Propose(Proposal p, long epoch)
    {
        var call = State.ById[p.CallId];
        var config = State.Config!;
        _regions.Agents.Tell(new AgentProtocol.CallProposal(
            p.AgentId, _queueId, p.CallId, call.Rank, p.ProposalId, epoch, config.EffectiveOfferTimeout, config.EffectiveWrapUp));
        Timers.StartSingleTimer($"proposal-{p.ProposalId}", new ProposalExpired(_queueId, p.AgentId, p.ProposalId), ProposalTimeout);
    }
}

/// <summary>The snapshot form of a queue: its line as a plain array (a sorted set needs its comparer back).</summary>
public sealed record QueueSnapshot(QueueConfig? Config, ImmutableArray<WaitingCall> Waiting, string? LastServedAgentId)
    : Serialization.IContactCenterMessage;
