using System.Collections.Immutable;
using ContactCenter.Actors.Queues;
using ContactCenter.Actors.Routing;
using Xunit;
using static ContactCenter.Actors.Queues.QueueCommands;
using static ContactCenter.Actors.Queues.QueueEvents;
using static ContactCenter.Actors.Queues.QueueProtocol;

namespace ContactCenter.Actors.Tests.Domain;

public sealed class QueueStateTests
{
    private const string Q = QueueGiven.QueueId;

    [Fact]
    public void A_call_cannot_join_a_queue_that_was_never_configured()
    {
        var empty = QueueState.Empty(Q);

        Decided.Rejected(empty.Decide(new EnqueueCall(Q, "c1", new CallRank(0, Clock.T0)), Clock.T0), RejectionCode.NotFound);
        Assert.False(empty.Exists);
    }

    [Fact]
    public void Enqueueing_records_the_call_with_its_rank_and_the_time_it_joined()
    {
        var queue = QueueGiven.Configured();
        var rank = new CallRank(3, Clock.At(-120));

        var e = Assert.IsType<CallEnqueued>(Decided.Single(queue.Decide(new EnqueueCall(Q, "c1", rank), Clock.At(5))));
        var after = queue.Apply(e);

        Assert.Equal(new WaitingCall("c1", rank, Clock.At(5)), Assert.Single(after.Line));
        Assert.Equal(after.Line[0], after.ById["c1"]);
    }

    [Fact]
    public void The_line_puts_higher_priority_first_then_the_longest_waiting()
    {
        var queue = QueueGiven.Configured()
            .Enqueue("normal-early", priority: 0, arrivedSecondsAfterT0: 0)
            .Enqueue("urgent-late", priority: 5, arrivedSecondsAfterT0: 50)
            .Enqueue("normal-late", priority: 0, arrivedSecondsAfterT0: 40)
            .Enqueue("urgent-early", priority: 5, arrivedSecondsAfterT0: 10)
            .Enqueue("vip", priority: 100, arrivedSecondsAfterT0: 60);

        Assert.Equal(["vip", "urgent-early", "urgent-late", "normal-early", "normal-late"], queue.LineIds());
    }

    [Fact]
    public void Caller_who_waited_longest_is_first_in_line_even_if_it_rejoined_later()
    {
        // A call that missed an offer comes back with its original arrival (the wait-time passport).
        var queue = QueueGiven.Configured().Enqueue("newcomer", arrivedSecondsAfterT0: 100);
        var back = queue.Decide(new EnqueueCall(Q, "returning", new CallRank(0, Clock.At(-300))), Clock.At(200));

        Assert.Equal(["returning", "newcomer"], queue.Then(back).LineIds());
    }

    [Fact]
    public void Calls_with_identical_rank_are_lined_up_by_call_id()
    {
        var queue = QueueGiven.Configured().Enqueue("c-b").Enqueue("c-c").Enqueue("c-a");

        Assert.Equal(["c-a", "c-b", "c-c"], queue.LineIds());
    }

    [Fact]
    public void Enqueueing_a_waiting_call_again_changes_nothing_and_it_keeps_its_place()
    {
        var queue = QueueGiven.Configured().Enqueue("first", arrivedSecondsAfterT0: 0).Enqueue("second", arrivedSecondsAfterT0: 10);

        // A retry, even one carrying a better rank, must not move the call.
        var retry = queue.Decide(new EnqueueCall(Q, "second", new CallRank(99, Clock.At(-1000))), Clock.At(20));

        Decided.Nothing(retry);
        Assert.Equal(["first", "second"], queue.LineIds());
        Assert.Equal(new CallRank(0, Clock.At(10)), queue.ById["second"].Rank);
    }

    [Fact]
    public void Replaying_a_duplicate_enqueue_event_keeps_the_first_one()
    {
        var queue = QueueGiven.Configured().Enqueue("c1", priority: 1, arrivedSecondsAfterT0: 0);

        var replayed = queue.Apply(new CallEnqueued("c1", new CallRank(50, Clock.At(-99)), Clock.At(30)));

        Assert.Equal(queue.Line, replayed.Line);
        Assert.Equal(new CallRank(1, Clock.T0), replayed.ById["c1"].Rank);
        Assert.Single(replayed.Line);
    }

    [Fact]
    public void Removing_a_waiting_call_takes_it_out_of_line_and_out_of_the_index()
    {
        var queue = QueueGiven.Configured().Enqueue("c1").Enqueue("c2");

        var removed = Assert.IsType<CallRemoved>(Decided.Single(queue.Decide(new RemoveCall(Q, "c1", "caller hung up"), Clock.At(9))));
        var after = queue.Apply(removed);

        Assert.Equal("caller hung up", removed.Reason);
        Assert.Equal(["c2"], after.LineIds());
        Assert.False(after.ById.ContainsKey("c1"));
    }

    [Fact]
    public void Removing_a_call_that_is_not_waiting_changes_nothing()
    {
        var queue = QueueGiven.Configured().Enqueue("c1");

        Decided.Nothing(queue.Decide(new RemoveCall(Q, "unknown", "caller hung up"), Clock.At(9)));
        Assert.Equal(queue, queue.Apply(new CallRemoved("unknown", "late replay", Clock.At(9))));
    }

    [Fact]
    public void An_accepted_proposal_assigns_the_call_and_remembers_the_agent_as_last_served()
    {
        var queue = QueueGiven.Configured().Enqueue("c1").Enqueue("c2");

        var e = Assert.IsType<CallAssigned>(Decided.Single(
            queue.Decide(new ProposalAccepted(Q, "anna", "c1", 7, "tok-7"), Clock.At(3))));
        var after = queue.Apply(e);

        Assert.Equal(new CallAssigned("c1", "anna", "tok-7", Clock.At(3)), e);
        Assert.Equal(["c2"], after.LineIds());
        Assert.False(after.ById.ContainsKey("c1"));
        Assert.Equal("anna", after.LastServedAgentId);
    }

    [Fact]
    public void Accepting_a_proposal_for_a_call_that_has_left_the_line_is_rejected()
    {
        var queue = QueueGiven.Configured().Enqueue("c1");
        var gone = queue.Then(queue.Decide(new RemoveCall(Q, "c1", "caller hung up"), Clock.At(1)));

        Decided.Rejected(gone.Decide(new ProposalAccepted(Q, "anna", "c1", 1, "tok"), Clock.At(2)), RejectionCode.IllegalTransition);
    }

    [Fact]
    public void A_call_is_assigned_to_one_agent_only_a_second_acceptance_is_rejected()
    {
        var queue = QueueGiven.Configured().Enqueue("c1");
        var assigned = queue.Then(queue.Decide(new ProposalAccepted(Q, "anna", "c1", 1, "tok-1"), Clock.At(1)));

        Decided.Rejected(assigned.Decide(new ProposalAccepted(Q, "bent", "c1", 2, "tok-2"), Clock.At(2)), RejectionCode.IllegalTransition);
        Assert.Equal("anna", assigned.LastServedAgentId);
    }

    [Fact]
    public void Reconfiguring_a_queue_keeps_its_waiting_calls()
    {
        var queue = QueueGiven.Configured().Enqueue("c1").Enqueue("c2", priority: 2);
        var newConfig = QueueGiven.Config(minLevel: 4, strategy: RoutingStrategy.RoundRobin);

        var after = queue.Then(queue.Decide(new ConfigureQueue(Q, newConfig), Clock.At(50)));

        Assert.Equal(newConfig, after.Config);
        Assert.Equal(["c2", "c1"], after.LineIds());
    }

    [Theory]
    [InlineData(1, 1, true)]
    [InlineData(3, 2, false)]
    [InlineData(3, 3, true)]
    [InlineData(3, 9, true)]
    public void An_agent_is_eligible_from_the_queues_minimum_level_up(int minLevel, int agentLevel, bool eligible)
    {
        var queue = QueueGiven.Configured(QueueGiven.Config(minLevel: minLevel));

        Assert.Equal(eligible, queue.IsEligible(QueueGiven.Agent("anna", level: agentLevel)));
    }

    [Fact]
    public void No_agent_is_eligible_for_a_queue_that_does_not_exist()
    {
        Assert.False(QueueState.Empty(Q).IsEligible(QueueGiven.Agent("anna", level: 9)));
    }

    // ---- Configuration validation ------------------------------------------------------------------------

    public static TheoryData<QueueConfig, string> InvalidConfigs() => new()
    {
        { new QueueConfig("", "general"), "name" },
        { new QueueConfig("  ", "general"), "name" },
        { new QueueConfig("General", ""), "requiredSkill" },
        { new QueueConfig("General", "general", MinLevel: 0), "minLevel" },
        { new QueueConfig("General", "general", MinLevel: 10), "minLevel" },
        { new QueueConfig("General", "general", Strategy: (RoutingStrategy)42), "strategy" },
        { new QueueConfig("General", "general", WrapUp: TimeSpan.FromSeconds(-1)), "wrapUp" },
        { new QueueConfig("General", "general", WrapUp: TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1)), "wrapUp" },
        { new QueueConfig("General", "general", OfferTimeout: TimeSpan.Zero), "offerTimeout" },
        { new QueueConfig("General", "general", OfferTimeout: TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1)), "offerTimeout" },
        { new QueueConfig("General", "general", ServiceLevelPercent: 0), "serviceLevelPercent" },
        { new QueueConfig("General", "general", ServiceLevelPercent: 101), "serviceLevelPercent" },
        { new QueueConfig("General", "general", ServiceLevelThreshold: TimeSpan.Zero), "serviceLevelThreshold" },
    };

    [Theory]
    [MemberData(nameof(InvalidConfigs))]
    public void An_invalid_configuration_is_rejected_naming_the_field(QueueConfig config, string field)
    {
        var queue = QueueState.Empty(Q);

        Decided.Rejected(queue.Decide(new ConfigureQueue(Q, config), Clock.T0), RejectionCode.Invalid, field);
        Assert.Contains(config.Validate(), error => error.StartsWith(field + ":", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_problem_in_a_configuration_is_reported_at_once()
    {
        var bad = new QueueConfig("", "", MinLevel: 0, OfferTimeout: TimeSpan.Zero, ServiceLevelPercent: 0);

        var rejection = Decided.Rejected(QueueState.Empty(Q).Decide(new ConfigureQueue(Q, bad), Clock.T0),
            RejectionCode.Invalid, "name", "requiredSkill", "minLevel", "offerTimeout", "serviceLevelPercent");
        Assert.Equal(5, bad.Validate().Count);
        Assert.Equal(Q, rejection.EntityId);
    }

    public static TheoryData<QueueConfig> BoundaryConfigs() => new()
    {
        new QueueConfig("General", "general", MinLevel: 1),
        new QueueConfig("General", "general", MinLevel: 9),
        new QueueConfig("General", "general", WrapUp: TimeSpan.Zero),
        new QueueConfig("General", "general", WrapUp: TimeSpan.FromHours(1)),
        new QueueConfig("General", "general", OfferTimeout: TimeSpan.FromMinutes(5)),
        new QueueConfig("General", "general", ServiceLevelPercent: 1),
        new QueueConfig("General", "general", ServiceLevelPercent: 100),
        new QueueConfig("General", "general", Strategy: RoutingStrategy.Linear, LinearOrder: ImmutableList.Create("a", "b")),
    };

    [Theory]
    [MemberData(nameof(BoundaryConfigs))]
    public void A_configuration_at_the_edge_of_every_range_is_accepted(QueueConfig config)
    {
        var queue = QueueState.Empty(Q);

        var e = Assert.IsType<QueueConfigured>(Decided.Single(queue.Decide(new ConfigureQueue(Q, config), Clock.At(7))));
        Assert.Equal(new QueueConfigured(config, Clock.At(7)), e);
        Assert.True(queue.Apply(e).Exists);
    }

    [Fact]
    public void Unset_timings_fall_back_to_the_documented_defaults()
    {
        var config = new QueueConfig("General", "general");

        Assert.Equal(TimeSpan.FromSeconds(30), config.EffectiveWrapUp);
        Assert.Equal(TimeSpan.FromSeconds(15), config.EffectiveOfferTimeout);
        Assert.Equal(TimeSpan.FromSeconds(20), config.EffectiveServiceLevelThreshold);
        Assert.Empty(config.EffectiveLinearOrder);
        Assert.Empty(config.Validate());
    }
}
