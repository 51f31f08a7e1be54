using ContactCenter.Actors.Queues;
using ContactCenter.Actors.Routing;
using Xunit;
using static ContactCenter.Actors.Tests.Domain.QueueGiven;

namespace ContactCenter.Actors.Tests.Domain;

public sealed class QueueRosterTests
{
    private static QueueRoster Roster(params IdleAgent[] idle)
    {
        var roster = new QueueRoster();
        foreach (var a in idle) roster.MarkIdle(a);
        return roster;
    }

    /// <summary>The routing invariant: no unlocked call waits while a free eligible agent is idle here.</summary>
    private static void AssertWorkConserving(QueueRoster roster, QueueState state)
    {
        var unlockedWaiting = roster.FirstUnlocked(state) is not null;
        var freeEligible = roster.IdleAgents.Any(state.IsEligible);
        Assert.False(unlockedWaiting && freeEligible, "an unlocked call waits while an eligible agent is idle");
    }

    [Fact]
    public void Dispatch_pairs_the_best_call_with_the_best_agent()
    {
        var state = Configured().Enqueue("normal", priority: 0).Enqueue("urgent", priority: 5, arrivedSecondsAfterT0: 30);
        var roster = Roster(Agent("junior", level: 3, idleSinceSecondsAfterT0: -600), Agent("senior", level: 7));

        var proposals = roster.Dispatch(state);

        Assert.Equal([("urgent", "senior"), ("normal", "junior")], proposals.Select(p => (p.CallId, p.AgentId)));
        Assert.Empty(roster.IdleAgents);
        Assert.Equal(2, roster.OpenProposals);
    }

    [Fact]
    public void Caller_who_waited_longest_gets_the_only_idle_agent()
    {
        var state = Configured().Enqueue("later", arrivedSecondsAfterT0: 20).Enqueue("earliest", arrivedSecondsAfterT0: 5);
        var roster = Roster(Agent("anna"));

        var p = Assert.Single(roster.Dispatch(state));

        Assert.Equal("earliest", p.CallId);
        Assert.False(roster.IsLocked("later"));
        Assert.Equal("later", roster.FirstUnlocked(state)!.CallId);
        AssertWorkConserving(roster, state);
    }

    [Fact]
    public void With_more_calls_than_agents_every_agent_gets_a_call_and_the_rest_wait_unlocked()
    {
        var state = Configured().Enqueue("c1").Enqueue("c2", arrivedSecondsAfterT0: 1).Enqueue("c3", arrivedSecondsAfterT0: 2);
        var roster = Roster(Agent("anna"), Agent("bent", level: 6));

        var proposals = roster.Dispatch(state);

        Assert.Equal(["c1", "c2"], proposals.Select(p => p.CallId));
        Assert.Equal("bent", proposals[0].AgentId);
        Assert.False(roster.IsLocked("c3"));
        Assert.Empty(roster.IdleAgents);
        AssertWorkConserving(roster, state);
    }

    [Fact]
    public void With_more_agents_than_calls_the_best_agents_are_proposed_and_the_others_stay_idle()
    {
        var state = Configured().Enqueue("c1");
        var roster = Roster(Agent("anna", level: 4), Agent("bent", level: 8), Agent("carl", level: 6));

        var p = Assert.Single(roster.Dispatch(state));

        Assert.Equal(("c1", "bent"), (p.CallId, p.AgentId));
        Assert.Equal(["anna", "carl"], roster.IdleAgents.Select(a => a.AgentId).Order());
        AssertWorkConserving(roster, state);
    }

    [Fact]
    public void Agents_below_the_minimum_level_are_never_proposed_a_call()
    {
        var state = Configured(Config(minLevel: 5)).Enqueue("c1").Enqueue("c2");
        var roster = Roster(Agent("trainee", level: 4, idleSinceSecondsAfterT0: -3600), Agent("qualified", level: 5));

        var proposals = roster.Dispatch(state);

        Assert.Equal([("c1", "qualified")], proposals.Select(p => (p.CallId, p.AgentId)));
        Assert.Empty(roster.Dispatch(state));
        Assert.Equal("trainee", Assert.Single(roster.IdleAgents).AgentId);
        Assert.False(roster.IsLocked("c2"));
        AssertWorkConserving(roster, state);
    }

    [Fact]
    public void A_locked_call_is_not_proposed_twice()
    {
        var state = Configured().Enqueue("c1");
        var roster = Roster(Agent("anna"));
        var first = Assert.Single(roster.Dispatch(state));

        roster.MarkIdle(Agent("bent", level: 9));
        var second = roster.Dispatch(state);

        Assert.Empty(second);
        Assert.Null(roster.FirstUnlocked(state));
        Assert.Equal(first, roster.OpenProposalOf("anna"));
        Assert.Null(roster.OpenProposalOf("bent"));
        AssertWorkConserving(roster, state);
    }

    [Fact]
    public void A_new_idle_agent_gets_the_next_unlocked_call_not_the_locked_one()
    {
        var state = Configured().Enqueue("c1").Enqueue("c2", arrivedSecondsAfterT0: 1);
        var roster = Roster(Agent("anna"));
        roster.Dispatch(state);

        roster.MarkIdle(Agent("bent"));
        var p = Assert.Single(roster.Dispatch(state));

        Assert.Equal(("c2", "bent"), (p.CallId, p.AgentId));
    }

    [Fact]
    public void Each_proposal_gets_a_new_id()
    {
        var state = Configured().Enqueue("c1").Enqueue("c2");
        var roster = Roster(Agent("anna"), Agent("bent"));

        var ids = roster.Dispatch(state).Select(p => p.ProposalId).ToList();
        ids.Add(roster.Propose("c3", "carl").ProposalId);

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(ids.Order(), ids);
    }

    [Fact]
    public void Proposing_takes_the_agent_out_of_the_idle_set_and_locks_the_call()
    {
        var roster = Roster(Agent("anna"));

        var p = roster.Propose("c1", "anna");

        Assert.Empty(roster.IdleAgents);
        Assert.True(roster.IsLocked("c1"));
        Assert.Equal(p, roster.OpenProposalOf("anna"));
        Assert.Equal(new Proposal(p.ProposalId, "c1", "anna"), p);
    }

    [Fact]
    public void Closing_the_open_proposal_frees_the_call_for_another_agent()
    {
        var state = Configured().Enqueue("c1");
        var roster = Roster(Agent("anna"));
        var p = Assert.Single(roster.Dispatch(state));

        Assert.True(roster.Close("anna", p.ProposalId));

        Assert.False(roster.IsLocked("c1"));
        Assert.Null(roster.OpenProposalOf("anna"));
        Assert.Equal(0, roster.OpenProposals);
        roster.MarkIdle(Agent("bent"));
        Assert.Equal(("c1", "bent"), roster.Dispatch(state).Select(x => (x.CallId, x.AgentId)).Single());
    }

    [Fact]
    public void Closing_with_a_stale_proposal_id_or_for_another_agent_changes_nothing()
    {
        var roster = new QueueRoster();
        var p = roster.Propose("c1", "anna");

        Assert.False(roster.Close("anna", p.ProposalId + 1));
        Assert.False(roster.Close("bent", p.ProposalId));

        Assert.True(roster.IsLocked("c1"));
        Assert.Equal(p, roster.OpenProposalOf("anna"));
    }

    [Fact]
    public void Closing_twice_only_works_the_first_time()
    {
        var roster = new QueueRoster();
        var p = roster.Propose("c1", "anna");

        Assert.True(roster.Close("anna", p.ProposalId));
        Assert.False(roster.Close("anna", p.ProposalId));
    }

    [Fact]
    public void Releasing_a_call_closes_the_proposal_that_held_it()
    {
        var roster = new QueueRoster();
        var p = roster.Propose("c1", "anna");
        var other = roster.Propose("c2", "bent");

        roster.ReleaseCall("c1");

        Assert.False(roster.IsLocked("c1"));
        Assert.Null(roster.OpenProposalOf("anna"));
        Assert.False(roster.Close("anna", p.ProposalId));
        Assert.Equal(other, roster.OpenProposalOf("bent"));
        Assert.Equal(1, roster.OpenProposals);
    }

    [Fact]
    public void Releasing_a_call_that_is_not_locked_changes_nothing()
    {
        var roster = new QueueRoster();
        var p = roster.Propose("c1", "anna");

        roster.ReleaseCall("c9");

        Assert.True(roster.IsLocked("c1"));
        Assert.Equal(p, roster.OpenProposalOf("anna"));
    }

    [Fact]
    public void An_agent_marked_unavailable_is_no_longer_offered_calls()
    {
        var state = Configured().Enqueue("c1");
        var roster = Roster(Agent("anna", level: 9), Agent("bent", level: 1));

        roster.MarkUnavailable("anna");

        Assert.Equal("bent", Assert.Single(roster.Dispatch(state)).AgentId);
    }

    [Fact]
    public void Announcing_an_idle_agent_again_replaces_what_the_queue_knew_about_it()
    {
        var roster = Roster(Agent("anna", level: 2));

        roster.MarkIdle(Agent("anna", level: 7, idleSinceSecondsAfterT0: 60));

        Assert.Equal(Agent("anna", level: 7, idleSinceSecondsAfterT0: 60), Assert.Single(roster.IdleAgents));
    }

    [Fact]
    public void An_unconfigured_queue_or_an_empty_line_dispatches_nothing()
    {
        var roster = Roster(Agent("anna"));

        Assert.Empty(roster.Dispatch(QueueState.Empty(QueueId)));
        Assert.Empty(roster.Dispatch(Configured()));
        Assert.Single(roster.IdleAgents);
    }

    [Fact]
    public void Round_robin_dispatch_continues_after_the_last_served_agent_within_one_pass()
    {
        var queue = Configured(Config(strategy: RoutingStrategy.RoundRobin)).Enqueue("c0");
        var state = queue.Then(queue.Decide(new QueueProtocol.ProposalAccepted(QueueId, "b", "c0", 1, "t"), Clock.At(1)))
            .Enqueue("c1", arrivedSecondsAfterT0: 2).Enqueue("c2", arrivedSecondsAfterT0: 3);
        var roster = Roster(Agent("a"), Agent("b"), Agent("c"));

        var proposals = roster.Dispatch(state);

        Assert.Equal("b", state.LastServedAgentId);
        Assert.Equal([("c1", "c"), ("c2", "a")], proposals.Select(p => (p.CallId, p.AgentId)));
    }

    [Fact]
    public void Linear_dispatch_follows_the_queues_fixed_order()
    {
        var state = Configured(Config(strategy: RoutingStrategy.Linear, linearOrder: ["carl", "anna"]))
            .Enqueue("c1").Enqueue("c2", arrivedSecondsAfterT0: 1).Enqueue("c3", arrivedSecondsAfterT0: 2);
        var roster = Roster(Agent("anna"), Agent("outsider", level: 9), Agent("carl", level: 1));

        var proposals = roster.Dispatch(state);

        Assert.Equal([("c1", "carl"), ("c2", "anna"), ("c3", "outsider")], proposals.Select(p => (p.CallId, p.AgentId)));
    }

    [Fact]
    public void The_first_unlocked_call_is_the_best_one_not_yet_proposed()
    {
        var state = Configured().Enqueue("low").Enqueue("high", priority: 3).Enqueue("mid", priority: 1);
        var roster = new QueueRoster();

        Assert.Equal("high", roster.FirstUnlocked(state)!.CallId);
        roster.Propose("high", "anna");
        Assert.Equal("mid", roster.FirstUnlocked(state)!.CallId);
    }
}
