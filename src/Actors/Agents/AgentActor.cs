using Akka.Actor;
using Akka.Cluster.Sharding;
using ContactCenter.Actors.Calls;
using ContactCenter.Actors.Queues;
using ContactCenter.Actors.Routing;
using static ContactCenter.Actors.Agents.AgentCommands;
using static ContactCenter.Actors.Agents.AgentEvents;
using static ContactCenter.Actors.Agents.AgentProtocol;

namespace ContactCenter.Actors.Agents;

/// <summary>
/// The single writer of an agent's availability. When the agent becomes ready it announces itself to every
/// queue it serves and collects their best waiting calls; it reserves itself for the best one across them
/// (priority, then original arrival). Proposals pushed by queues while it is ready are settled the same way.
/// The reservation is persisted before the queue is told, so an agent never holds two calls.
/// </summary>
public sealed partial class AgentActor : EventSourcedEntity<AgentState, IAgentEvent>
{
    /// <summary>How long an agent waits for all its queues to answer an announcement before choosing.</summary>
    public static readonly TimeSpan CollectionWindow = TimeSpan.FromMilliseconds(200);

    private readonly string _agentId;
    private readonly TimeProvider _time;
    private readonly QueueDirectory _directory;
    private RoutingRegions _regions = null!;

    // Soft state of the current idle period: which queues still owe an answer, and what they proposed.
    private long _epoch;
    private readonly HashSet<string> _pending = new(StringComparer.Ordinal);
    private readonly List<CallProposal> _candidates = [];
    private readonly HashSet<string> _announcedTo = new(StringComparer.Ordinal);

    public AgentActor(string agentId, TimeProvider time, QueueDirectory directory)
        : base("agent-" + agentId, "agent", AgentState.Empty(agentId))
    {
        _agentId = agentId;
        _time = time;
        _directory = directory;

        Command<ConfigureAgent>(cmd => Handle(State.Decide(cmd, Now), _ =>
        {
            Reply($"agent '{_agentId}' configured");
            if (State.Status == AgentStatus.Ready)
            {
                // New skills take effect at once: leave every queue and announce again to the right ones.
                LeaveQueues(exceptQueueId: null);
                EnterReady();
            }
        }));
        Command<SetSkills>(cmd => IfExists(() => Handle(State.Decide(cmd, Now), _ =>
        {
            Reply($"agent '{_agentId}' skills set");
            if (State.Status == AgentStatus.Ready)
            {
                LeaveQueues(exceptQueueId: null);
                EnterReady();
            }
        })));
        Command<GetAgentState>(_ => Sender.Tell(State));
        Command<RemoveAgent>(cmd => IfExists(() => Handle(State.Decide(cmd, Now), _ =>
        {
            Reply($"agent '{_agentId}' removed");
            Context.Parent.Tell(new Passivate(PoisonPill.Instance));
        })));
        Command<LogIn>(cmd => IfExists(() => Handle(State.Decide(cmd, Now), _ => Reply("logged in"))));
        Command<MakeReady>(cmd => IfExists(() => Handle(State.Decide(cmd, Now), events => { Reply("ready"); AfterTransition(events); })));
        Command<Pause>(cmd => IfExists(() => Handle(State.Decide(cmd, Now), events => { Reply($"paused: {cmd.Reason}"); AfterTransition(events); })));
        Command<EndWrapUp>(cmd => IfExists(() => Handle(State.Decide(cmd, Now), events => { Reply("wrap-up ended"); AfterTransition(events); })));
        Command<ExtendWrapUp>(cmd => IfExists(() => Handle(State.Decide(cmd, Now), events => { Reply($"wrap-up until {State.WrapUpUntil:O}"); AfterTransition(events); })));
        Command<LogOut>(cmd => IfExists(() => Handle(State.Decide(cmd, Now), events => { Reply("logged out"); AfterTransition(events); })));
        Command<AnswerOffer>(cmd => IfExists(() => Handle(State.Decide(cmd, Now), events =>
        {
            Reply($"connected to call '{cmd.CallId}'");
            AfterTransition(events);
        })));

        Command<CallProposal>(OnProposal);
        ReceiveCallCheck();
        Command<NoCallWaiting>(OnNoCallWaiting);
        Command<CollectionWindowClosed>(m =>
        {
            if (m.Epoch != _epoch) return;
            _pending.Clear();
            ChooseAndReserve();
        });
        Command<ProposalVoid>(m => PersistThen(State.Revoke(m.CallId, m.Token, "call left the queue", Now).Events, AfterTransition));
        Command<OfferCancelled>(m => PersistThen(State.Revoke(m.CallId, m.Token, m.Reason, Now).Events, AfterTransition));
        Command<AgentProtocol.ConnectedCallEnded>(m => PersistThen(State.Decide(m, Now).Events, AfterTransition));
        Command<OfferDeadlineReached>(m => PersistThen(State.Decide(m, Now).Events, AfterTransition));
        Command<WrapUpDeadlineReached>(m => PersistThen(State.Decide(m, Now).Events, AfterTransition));
        Command<PauseDeadlineReached>(m => PersistThen(State.Decide(m, Now).Events, AfterTransition));
        Command<QueueDirectoryChanged>(OnDirectoryChanged);
        ReceiveTransfers();
    }

    private DateTimeOffset Now => _time.GetUtcNow();

    protected override AgentState ApplyEvent(AgentState state, IAgentEvent e) => state.Apply(e);

    protected override void PreStart()
    {
        _regions = RoutingRegions.From(Context.System);
        Context.System.EventStream.Subscribe(Self, typeof(QueueDirectoryChanged));
        base.PreStart();
    }

    protected override void PostStop()
    {
        Context.System.EventStream.Unsubscribe(Self);
        base.PostStop();
    }

    protected override void OnRecovered()
    {
        ArmTimers();
        if (State.Status == AgentStatus.Ready) EnterReady();
    }

    private void Reply(string detail) => Sender.Tell(new Routing.CommandAccepted(_agentId, detail));

    private void IfExists(Action handle)
    {
        if (State.RequireExists() is { } rejection)
        {
            Sender.Tell(rejection);
            Context.Parent.Tell(new Passivate(PoisonPill.Instance));
            return;
        }
        handle();
    }

    /// <summary>The side effects of persisted events: tell the call, re-arm timers, announce or withdraw.</summary>
    private void AfterTransition(IReadOnlyList<IAgentEvent> events)
    {
        foreach (var e in events)
        {
            switch (e)
            {
                case OfferMissed m:
                    _regions.Calls.Tell(new CallProtocol.OfferWithdrawn(m.CallId, _agentId, m.Token, "no answer"));
                    break;
                case OfferRevoked r when r.Reason == "agent logged out":
                    _regions.Calls.Tell(new CallProtocol.OfferWithdrawn(r.CallId, _agentId, r.Token, r.Reason));
                    break;
                case CallAnswered a:
                    _regions.Calls.Tell(new CallProtocol.AgentConnected(a.CallId, _agentId, a.Token));
                    break;
            }
        }
        if (events.Count == 0) return;
        ArmTimers();
        if (State.Status == AgentStatus.Ready)
        {
            EnterReady();
        }
        else
        {
            LeaveQueues(exceptQueueId: null);
            if (State.Status == AgentStatus.LoggedOut) Context.Parent.Tell(new Passivate(PoisonPill.Instance));
        }
    }

    /// <summary>Deadlines live in state; timers are derived from it, so recovery re-arms exactly what is due.</summary>
    private void ArmTimers()
    {
        Timers.CancelAll();
        var now = Now;
        switch (State)
        {
            case { Status: AgentStatus.Offered, Offer: { } offer }:
                Timers.StartSingleTimer("offer", new OfferDeadlineReached(_agentId, offer.Token), Delay(offer.Deadline, now));
                break;
            case { Status: AgentStatus.WrapUp, WrapUpUntil: { } until }:
                Timers.StartSingleTimer("wrap-up", new WrapUpDeadlineReached(_agentId, until), Delay(until, now));
                break;
            case { Status: AgentStatus.Paused, PauseUntil: { } pauseUntil }:
                Timers.StartSingleTimer("pause", new PauseDeadlineReached(_agentId, pauseUntil), Delay(pauseUntil, now));
                break;
            case { Status: AgentStatus.OnCall }:
                WatchCall();
                break;
        }
    }

    private static TimeSpan Delay(DateTimeOffset deadline, DateTimeOffset now) =>
        deadline > now ? deadline - now : TimeSpan.Zero;

    /// <summary>Starts a new idle period: announce to every queue served and collect their answers.</summary>
    private void EnterReady()
    {
        _epoch++;
        _pending.Clear();
        _candidates.Clear();
        if (State.Profile is null) return;
        var now = Now;
        foreach (var (route, level, ring) in _directory.Reach(State.Profile))
        {
            _pending.Add(route.QueueId);
            _announcedTo.Add(route.QueueId);
            _regions.Queues.Tell(new QueueProtocol.AgentAvailable(route.QueueId, State.AsIdle(level, now) with { Ring = ring }, _epoch));
        }
        if (_pending.Count > 0)
            Timers.StartSingleTimer("collect", new CollectionWindowClosed(_agentId, _epoch), CollectionWindow);
    }

    /// <summary>Tells the queues this agent announced itself to that it is no longer idle.</summary>
    private void LeaveQueues(string? exceptQueueId)
    {
        _epoch++;
        _pending.Clear();
        _candidates.Clear();
        Timers.Cancel("collect");
        foreach (var queueId in _announcedTo)
        {
            if (queueId != exceptQueueId) _regions.Queues.Tell(new QueueProtocol.AgentUnavailable(queueId, _agentId));
        }
        _announcedTo.Clear();
    }

    private void OnProposal(CallProposal p)
    {
        if (State.Status != AgentStatus.Ready)
        {
            Decline(p, $"agent is {State.Status}");
            return;
        }
        if (p.Epoch == _epoch) _pending.Remove(p.QueueId);
        _candidates.Add(p);
        // A push while no announcement is outstanding is decided at once; otherwise wait for the others.
        if (_pending.Count == 0) ChooseAndReserve();
    }

    private void OnNoCallWaiting(NoCallWaiting m)
    {
        if (m.Epoch != _epoch || !_pending.Remove(m.QueueId)) return;
        if (_pending.Count == 0) ChooseAndReserve();
    }

    /// <summary>Takes the best call across the collected proposals; the others go back to their queues.</summary>
    private void ChooseAndReserve()
    {
        if (_candidates.Count == 0) return;
        // Own queues first (ring 0), so escalation and hypercare never pull an agent away from its own callers;
        // within a ring, the best call by priority, then original arrival.
        var best = _candidates[0];
        foreach (var c in _candidates)
        {
            if (c.Ring < best.Ring || (c.Ring == best.Ring && c.Rank.IsBetterThan(best.Rank))) best = c;
        }
        var others = _candidates.Where(c => !ReferenceEquals(c, best)).ToList();
        _candidates.Clear();
        _pending.Clear();
        Timers.Cancel("collect");

        var token = Guid.NewGuid().ToString("N");
        var decision = State.Reserve(best, token, Now);
        PersistThen(decision.Events, events =>
        {
            if (events.Count == 0)
            {
                Decline(best, "agent is no longer ready");
            }
            else
            {
                _regions.Queues.Tell(new QueueProtocol.ProposalAccepted(best.QueueId, _agentId, best.CallId, best.ProposalId, token));
                LeaveQueues(exceptQueueId: best.QueueId);
                ArmTimers();
            }
            foreach (var other in others) Decline(other, "took another call");
        });
    }

    private void Decline(CallProposal p, string reason) =>
        _regions.Queues.Tell(new QueueProtocol.ProposalDeclined(p.QueueId, _agentId, p.CallId, p.ProposalId, reason));

    /// <summary>A queue was created, changed or restarted: announce to it (or leave it) if idle.</summary>
    private void OnDirectoryChanged(QueueDirectoryChanged changed)
    {
        if (State.Status != AgentStatus.Ready || State.Profile is null) return;
        var serving = _directory.Reach(State.Profile).ToDictionary(q => q.Route.QueueId, q => (q.Level, q.Ring));
        var now = Now;
        foreach (var queueId in changed.QueueIds)
        {
            if (serving.TryGetValue(queueId, out var reach))
            {
                _announcedTo.Add(queueId);
                _regions.Queues.Tell(new QueueProtocol.AgentAvailable(queueId, State.AsIdle(reach.Level, now) with { Ring = reach.Ring }, _epoch));
            }
            else if (_announcedTo.Remove(queueId))
            {
                _regions.Queues.Tell(new QueueProtocol.AgentUnavailable(queueId, _agentId));
            }
        }
    }
}
