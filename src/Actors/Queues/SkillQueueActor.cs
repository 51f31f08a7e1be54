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

    // Calls whose CallEnqueued or CallAssigned write is in flight (the queue keeps working meanwhile).
    private readonly HashSet<string> _enqueuing = new(StringComparer.Ordinal);
    private readonly HashSet<string> _assigning = new(StringComparer.Ordinal);
    private readonly Dictionary<long, long> _proposedAt = new();
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
            ArmClosingTime();
            Dispatch();
        }));
        Command<SetOverride>(cmd => Handle(State.Decide(cmd, Now), events =>
        {
            Sender.Tell(new CommandAccepted(_queueId, State.Override switch
            {
                QueueOverride.Closed => $"queue '{_queueId}' closed; {events.Count - 1} waiting calls got its closed handling",
                QueueOverride.Draining => $"queue '{_queueId}' draining: no new calls, {State.Line.Count} waiting calls will be served",
                _ => $"queue '{_queueId}' open (following its hours)",
            }));
            HandOverClosed(events);
            if (events.Count > 0) RegisterRoute();
        }));
        Command<ClosingTimeReached>(m =>
        {
            // A far closing is re-checked daily rather than scheduled days ahead.
            if (m.ClosesAt > Now + TimeSpan.FromSeconds(1))
            {
                ArmClosingTime();
                return;
            }
            ClosingTime(m);
        });

        Command<RemoveQueue>(cmd => Handle(State.Decide(cmd, Now), _ =>
        {
            Sender.Tell(new CommandAccepted(_queueId, $"queue '{_queueId}' removed"));
            _regions.Directory.Tell(new QueueDirectoryActor.Unregister(_queueId));
        }));
        Command<EnqueueCall>(cmd =>
        {
            // Written without stopping the queue; a repeat while the first write is in flight changes nothing.
            if (!_enqueuing.Add(cmd.CallId)) return;
            var decision = State.Decide(cmd, Now);
            if (decision.Rejection is { } rejection)
            {
                _enqueuing.Remove(cmd.CallId);
                Sender.Tell(rejection);
                return;
            }
            PersistAsyncThen(decision.Events, _ =>
            {
                _enqueuing.Remove(cmd.CallId);
                Dispatch();
            });
        });
        Command<RemoveCall>(cmd => Handle(State.Decide(cmd, Now), _ => _roster.ReleaseCall(cmd.CallId)));
        Command<GetQueueState>(_ => Sender.Tell(new QueueView(
            _queueId, State.Config, State.Line.ToImmutableArray(), _roster.IdleAgents.ToImmutableArray(), _roster.OpenProposals, State.Override)));

        Command<AgentAvailable>(OnAgentAvailable);
        Command<AgentUnavailable>(m => _roster.MarkUnavailable(m.AgentId));
        Command<ProposalAccepted>(OnProposalAccepted);
        Command<ProposalDeclined>(m =>
        {
            DecisionMade(m.ProposalId, "declined");
            _roster.Close(m.AgentId, m.ProposalId);
            Dispatch();
        });
        Command<ProposalExpired>(m =>
        {
            // A proposal whose assignment is being written is not expired: the agent already took it.
            if (_roster.OpenProposalOf(m.AgentId) is { } open && open.ProposalId == m.ProposalId && _assigning.Contains(open.CallId)) return;
            DecisionMade(m.ProposalId, "expired");
            if (_roster.Close(m.AgentId, m.ProposalId)) Dispatch();
        });
    }

    private DateTimeOffset Now => _time.GetUtcNow();

    protected override QueueState ApplyEvent(QueueState state, IQueueEvent e) => state.Apply(e);

    protected override object ToSnapshot(QueueState state) =>
        new QueueSnapshot(state.Config, state.Line.ToImmutableArray(), state.LastServedAgentId, state.Override);

    protected override QueueState FromSnapshot(object snapshot)
    {
        var s = (QueueSnapshot)snapshot;
        var line = s.Waiting.ToImmutableSortedSet(QueueState.LineOrder);
        return QueueState.Empty(_queueId) with
        {
            Config = s.Config, Line = line, ById = line.ToImmutableDictionary(c => c.CallId), LastServedAgentId = s.LastServedAgentId,
            Override = s.Override,
        };
    }

    protected override void PreStart()
    {
        _regions = RoutingRegions.From(Context.System);
        base.PreStart();
    }

    protected override void OnRecovered()
    {
        if (!State.Exists) return;
        RegisterRoute();
        ArmClosingTime();
    }

    private void ClosingTime(ClosingTimeReached m) => Handle(State.Decide(m, Now), events =>
    {
        HandOverClosed(events);
        ArmClosingTime();
    });

    /// <summary>The calls taken out of line get the queue's closed handling from their call entities.</summary>
    private void HandOverClosed(IReadOnlyList<IQueueEvent> events)
    {
        foreach (var removed in events.OfType<CallRemoved>())
        {
            _roster.ReleaseCall(removed.CallId);
            _regions.Calls.Tell(new CallProtocol.ClosedWhileQueued(removed.CallId, _queueId));
        }
    }

    /// <summary>With the "apply closed handling" rule, a timer at the next closing instant (re-armed on recovery).</summary>
    private void ArmClosingTime()
    {
        Timers.Cancel("closing-time");
        if (State.Config is not { WaitingAtClosing: AtClosing.ApplyClosedHandling, Hours: { } hours }) return;
        var now = Now;
        // NextClosing is "at or after": while closed it answers now; look for the closing after the next opening.
        var from = hours.IsOpen(now) ? now : hours.NextOpening(now);
        if (from is null || hours.NextClosing(from.Value) is not { } closes) return;
        var delay = closes > now ? closes - now : TimeSpan.Zero;
        Timers.StartSingleTimer("closing-time", new ClosingTimeReached(_queueId, closes), delay < TimeSpan.FromDays(1) ? delay : TimeSpan.FromDays(1));
    }

    /// <summary>A fresh incarnation makes every idle agent with the skill announce itself here again.</summary>
    private void RegisterRoute()
    {
        var config = State.Config!;
        _regions.Directory.Tell(new QueueDirectoryActor.Register(
            new QueueRoute(_queueId, config.RequiredSkill, config.MinLevel, Guid.NewGuid().ToString("N"), config.Hours, config.WhenClosed,
                State.Override)));
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

    /// <summary>
    /// The agent reserved itself. The call stays locked to it while CallAssigned is written (the queue keeps
    /// working meanwhile), so no other agent can be offered it. A late answer to an expired proposal wins
    /// only if the call is still waiting and unlocked and the agent holds no other proposal.
    /// </summary>
    private void OnProposalAccepted(ProposalAccepted m)
    {
        DecisionMade(m.ProposalId, "accepted");
        var holdsLock = _roster.OpenProposalOf(m.AgentId)?.ProposalId == m.ProposalId;
        var decision = State.Decide(m, Now);
        var mayTake = !decision.IsRejected && !_assigning.Contains(m.CallId) &&
                      (holdsLock || (!_roster.IsLocked(m.CallId) && _roster.OpenProposalOf(m.AgentId) is null));
        if (!mayTake)
        {
            // The call left the line meanwhile (hung up, or another agent took it after this proposal
            // expired): release the agent.
            if (holdsLock) _roster.Close(m.AgentId, m.ProposalId);
            _regions.Agents.Tell(new AgentProtocol.ProposalVoid(m.AgentId, m.CallId, m.Token));
            Dispatch();
            return;
        }
        if (!holdsLock) _roster.Propose(m.CallId, m.AgentId);
        _assigning.Add(m.CallId);
        PersistAsyncThen(decision.Events, _ =>
        {
            _assigning.Remove(m.CallId);
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
        _proposedAt[p.ProposalId] = System.Diagnostics.Stopwatch.GetTimestamp();
    }

    /// <summary>Routing-decision latency for /metrics: proposal to the agent's answer (or expiry), once per proposal.</summary>
    private void DecisionMade(long proposalId, string outcome)
    {
        if (_proposedAt.Remove(proposalId, out var started))
            Statistics.NodeMetrics.RecordSince(Statistics.NodeMetrics.RoutingDecisionLatency, started, "outcome", outcome);
    }
}

/// <summary>The snapshot form of a queue: its line as a plain array (a sorted set needs its comparer back).</summary>
public sealed record QueueSnapshot(
    QueueConfig? Config, ImmutableArray<WaitingCall> Waiting, string? LastServedAgentId, QueueOverride Override = QueueOverride.None)
    : Serialization.IContactCenterMessage;
