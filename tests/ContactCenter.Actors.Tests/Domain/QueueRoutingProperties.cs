using ContactCenter.Actors.Queues;
using ContactCenter.Actors.Routing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;
using static ContactCenter.Actors.Queues.QueueCommands;
using static ContactCenter.Actors.Queues.QueueEvents;
using static ContactCenter.Actors.Queues.QueueProtocol;

namespace ContactCenter.Actors.Tests.Domain;

/// <summary>What can happen to a skill queue: calls come and go, agents announce themselves and answer proposals.</summary>
public enum QueueStep
{
    Enqueue, Remove, AgentAvailable, AgentUnavailable, Accept, AcceptAnyProposal, Decline, DeclineAnyProposal,
    Expire, Dispatch, Reconfigure,
}

/// <summary>One step; the numbers pick a call, an agent, an earlier proposal, a priority, a level, a strategy.</summary>
public sealed record QueueOp(QueueStep Step, int Call, int Agent, int Pick, int Priority, int Level, int SecondsLater)
{
    public override string ToString() =>
        $"+{SecondsLater}s {Step} call=c{Call} agent=a{Agent} pick={Pick} priority={Priority} level={Level}";
}

public sealed class QueueRoutingProperties
{
    private const string Q = QueueGiven.QueueId;
    private const int Calls = 6;
    private const int Agents = 4;

    private static Arbitrary<QueueOp[]> Scripts()
    {
        var step = Gen.Frequency(Enum.GetValues<QueueStep>().Select(s => (Weight(s), Gen.Constant(s))));
        var op = from st in step
                 from call in Gen.Choose(0, Calls - 1)
                 from agent in Gen.Choose(0, Agents - 1)
                 from pick in Gen.Choose(0, 1000)
                 from priority in Gen.Choose(0, 2)
                 from level in Gen.Choose(1, 5)
                 from seconds in Gen.Choose(0, 30)
                 select new QueueOp(st, call, agent, pick, priority, level, seconds);
        return Arb.From(Gen.ArrayOf(op), Shrink);
    }

    private static int Weight(QueueStep step) => step switch
    {
        QueueStep.Enqueue or QueueStep.AgentAvailable or QueueStep.Accept => 5,
        QueueStep.Reconfigure => 1,
        _ => 2,
    };

    private static IEnumerable<QueueOp[]> Shrink(QueueOp[] ops)
    {
        if (ops.Length > 1)
        {
            yield return ops[..(ops.Length / 2)];
            yield return ops[(ops.Length / 2)..];
        }
        for (var i = 0; i < ops.Length; i++) yield return ops.Where((_, j) => j != i).ToArray();
    }

    /// <summary>
    /// A queue's persisted state and soft roster, driven the way the skill-queue actor drives them (every handler
    /// below mirrors one of its message handlers), with the routing invariants checked around every step.
    /// </summary>
    private sealed class Run
    {
        private readonly List<Proposal> _issued = [];
        private readonly Dictionary<string, int> _levels = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _assignmentsSinceEnqueue = new(StringComparer.Ordinal);

        public QueueState State { get; private set; } = QueueState.Empty(Q);
        public QueueRoster Roster { get; } = new();
        public DateTimeOffset Now { get; private set; } = Clock.T0;
        public List<IQueueEvent> Journal { get; } = [];

        public Run() => Persist(State.Decide(new ConfigureQueue(Q, QueueGiven.Config(minLevel: 2)), Now));

        private bool Persist(Decision<IQueueEvent> decision)
        {
            if (decision.IsRejected) return false;
            foreach (var e in decision.Events)
            {
                State = State.Apply(e);
                Journal.Add(e);
                switch (e)
                {
                    case CallEnqueued q:
                        _assignmentsSinceEnqueue[q.CallId] = 0;
                        break;
                    case CallAssigned a:
                        _assignmentsSinceEnqueue[a.CallId] = _assignmentsSinceEnqueue.GetValueOrDefault(a.CallId) + 1;
                        Assert.True(_assignmentsSinceEnqueue[a.CallId] == 1, $"call {a.CallId} assigned twice");
                        break;
                }
            }
            return true;
        }

        public void Do(QueueOp op)
        {
            Now += TimeSpan.FromSeconds(op.SecondsLater);
            var callId = $"c{op.Call}";
            var agentId = $"a{op.Agent}";
            switch (op.Step)
            {
                case QueueStep.Enqueue:
                    // A call may come back (missed offer) with an original arrival earlier than now.
                    var rank = new CallRank(op.Priority, Now - TimeSpan.FromSeconds(op.Pick % 120));
                    if (Persist(State.Decide(new EnqueueCall(Q, callId, rank), Now))) Dispatch();
                    break;
                case QueueStep.Remove:
                    if (Persist(State.Decide(new RemoveCall(Q, callId, "caller hung up"), Now))) Roster.ReleaseCall(callId);
                    break;
                case QueueStep.AgentAvailable:
                    AgentAvailable(new IdleAgent(agentId, op.Level, Now - TimeSpan.FromSeconds(op.Pick % 300), op.Pick % 7,
                        TimeSpan.FromSeconds(op.Pick)));
                    break;
                case QueueStep.AgentUnavailable:
                    Roster.MarkUnavailable(agentId);
                    break;
                case QueueStep.Accept:
                    if (Roster.OpenProposalOf(agentId) is { } open) Accepted(open);
                    break;
                case QueueStep.AcceptAnyProposal:
                    // A late or repeated answer to any proposal ever made, open or long closed.
                    if (_issued.Count > 0) Accepted(_issued[op.Pick % _issued.Count]);
                    break;
                case QueueStep.Decline:
                    if (Roster.OpenProposalOf(agentId) is { } declined) Declined(declined);
                    break;
                case QueueStep.DeclineAnyProposal:
                    if (_issued.Count > 0) Declined(_issued[op.Pick % _issued.Count]);
                    break;
                case QueueStep.Expire:
                    if (_issued.Count > 0)
                    {
                        var p = _issued[op.Pick % _issued.Count];
                        if (Roster.Close(p.AgentId, p.ProposalId)) Dispatch();
                    }
                    break;
                case QueueStep.Dispatch:
                    Dispatch();
                    break;
                case QueueStep.Reconfigure:
                    var strategy = Enum.GetValues<RoutingStrategy>()[op.Pick % Enum.GetValues<RoutingStrategy>().Length];
                    var config = QueueGiven.Config(minLevel: 1 + op.Level % 3, strategy, "a3", "a1");
                    if (Persist(State.Decide(new ConfigureQueue(Q, config), Now))) Dispatch();
                    break;
            }
        }

        /// <summary>As the actor's AgentAvailable handler.</summary>
        private void AgentAvailable(IdleAgent agent)
        {
            Roster.MarkUnavailable(agent.AgentId);
            _levels[agent.AgentId] = agent.Level;
            if (!State.IsEligible(agent) || Roster.OpenProposalOf(agent.AgentId) is not null) return;
            if (Roster.FirstUnlocked(State) is { } call)
            {
                Proposed(Roster.Propose(call.CallId, agent.AgentId));
                return;
            }
            Roster.MarkIdle(agent);
        }

        /// <summary>As the actor's ProposalAccepted handler.</summary>
        private void Accepted(Proposal p)
        {
            Roster.Close(p.AgentId, p.ProposalId);
            var decision = State.Decide(new ProposalAccepted(Q, p.AgentId, p.CallId, p.ProposalId, $"token-{p.ProposalId}"), Now);
            if (decision.IsRejected)
            {
                Assert.Equal(RejectionCode.IllegalTransition, decision.Rejection!.Code);
                Assert.False(State.ById.ContainsKey(p.CallId), "an acceptance for a waiting call was rejected");
                Dispatch();
                return;
            }
            Persist(decision);
            Roster.ReleaseCall(p.CallId);
            Dispatch();
        }

        /// <summary>As the actor's ProposalDeclined handler.</summary>
        private void Declined(Proposal p)
        {
            Roster.Close(p.AgentId, p.ProposalId);
            Dispatch();
        }

        private void Dispatch()
        {
            var openBefore = OpenProposals().ToDictionary(p => p.AgentId, StringComparer.Ordinal);
            var proposals = Roster.Dispatch(State);
            Assert.Equal(proposals.Count, proposals.Select(p => p.AgentId).Distinct().Count());
            Assert.Equal(proposals.Count, proposals.Select(p => p.CallId).Distinct().Count());
            foreach (var p in proposals)
            {
                Assert.False(openBefore.ContainsKey(p.AgentId), $"agent {p.AgentId} was proposed a second call");
                Proposed(p);
            }
        }

        private void Proposed(Proposal p)
        {
            Assert.True(State.ById.ContainsKey(p.CallId), $"proposed call {p.CallId} is not waiting");
            Assert.True(_levels[p.AgentId] >= State.Config!.MinLevel, $"agent {p.AgentId} below the minimum level was proposed");
            _issued.Add(p);
        }

        public IEnumerable<Proposal> OpenProposals() =>
            Enumerable.Range(0, Agents).Select(i => Roster.OpenProposalOf($"a{i}")).OfType<Proposal>();

        public void AssertInvariants()
        {
            var open = OpenProposals().ToList();

            // Exclusive: one call is locked to at most one agent, one agent holds at most one proposal, and an agent
            // with an open proposal does not count as idle (so it cannot be proposed another call).
            Assert.Equal(open.Count, open.Select(p => p.CallId).Distinct().Count());
            Assert.Equal(open.Count, Roster.OpenProposals);
            foreach (var p in open)
            {
                Assert.True(Roster.IsLocked(p.CallId), $"open proposal {p} does not lock its call");
                Assert.True(State.ById.ContainsKey(p.CallId), $"open proposal {p} is for a call no longer waiting");
                Assert.DoesNotContain(Roster.IdleAgents, a => a.AgentId == p.AgentId);
            }
            foreach (var call in State.Line)
            {
                Assert.Equal(Roster.IsLocked(call.CallId), open.Any(p => p.CallId == call.CallId));
            }

            // Ordered: the line is sorted and is exactly the index.
            Assert.Equal(State.ById.Count, State.Line.Count);
            foreach (var call in State.Line) Assert.Same(State.ById[call.CallId], call);
            var line = State.Line.ToList();
            for (var i = 1; i < line.Count; i++)
            {
                Assert.True(QueueState.LineOrder.Compare(line[i - 1], line[i]) < 0, $"line out of order at {i}");
                Assert.False(line[i].Rank.IsBetterThan(line[i - 1].Rank), $"{line[i].CallId} ranks above {line[i - 1].CallId}");
            }

            // Work-conserving: no unlocked call waits while an eligible agent is idle here.
            Assert.False(Roster.FirstUnlocked(State) is not null && Roster.IdleAgents.Any(State.IsEligible),
                "an unlocked call waits while an eligible agent is idle");
        }
    }

    [Property]
    public Property Routing_invariants_hold_after_every_step() =>
        Prop.ForAll(Scripts(), ops =>
        {
            var run = new Run();
            foreach (var op in ops)
            {
                run.Do(op);
                run.AssertInvariants();
            }
        });

    [Property]
    public Property Replaying_the_queue_journal_rebuilds_the_same_line() =>
        Prop.ForAll(Scripts(), ops =>
        {
            var run = new Run();
            foreach (var op in ops) run.Do(op);

            var replayed = run.Journal.Aggregate(QueueState.Empty(Q), (s, e) => s.Apply(e));

            Assert.Equal(run.State.Line, replayed.Line);
            Assert.Equal(run.State.ById.OrderBy(kv => kv.Key), replayed.ById.OrderBy(kv => kv.Key));
            Assert.Equal(run.State.LastServedAgentId, replayed.LastServedAgentId);
            Assert.Equal(run.State.Config, replayed.Config);
        });

    [Property]
    public Property No_call_is_lost_each_enqueued_call_is_waiting_assigned_or_removed() =>
        Prop.ForAll(Scripts(), ops =>
        {
            var run = new Run();
            foreach (var op in ops) run.Do(op);

            var enqueued = run.Journal.OfType<CallEnqueued>().Count();
            var left = run.Journal.Count(e => e is CallAssigned or CallRemoved);
            Assert.Equal(enqueued, left + run.State.Line.Count);
        });
}
