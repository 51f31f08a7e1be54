using System.Collections.Immutable;
using ContactCenter.Actors.Agents;
using ContactCenter.Actors.Queues;
using ContactCenter.Actors.Routing;
using Xunit;
using static ContactCenter.Actors.Queues.QueueEvents;

namespace ContactCenter.Actors.Tests.Domain;

/// <summary>Escalation steps, hypercare and parked callbacks, pure.</summary>
public sealed class OverflowRulesTests
{
    private static readonly HypercareSettings Hypercare = new(Clock.T0.AddDays(-7), 8, "BUF", "pladsanvisning-fag",
        OldestWaitAbove: TimeSpan.FromSeconds(60), ServiceLevelBelowPercent: 70, EstimatedWaitAbove: TimeSpan.FromSeconds(120));

    private static QueueState WithHypercare(HypercareSettings? hypercare = null) =>
        QueueState.Empty("q").Apply(new QueueConfigured(new QueueConfig("q", "q", Hypercare: hypercare ?? Hypercare), Clock.T0));

    private static QueueMeasures Calm => new(TimeSpan.FromSeconds(5), 95, TimeSpan.FromSeconds(10));

    [Fact]
    public void Hypercare_switches_on_with_every_trigger_that_fired_as_its_reason()
    {
        var state = WithHypercare();

        var on = Assert.IsType<HypercareOverflowChanged>(Decided.Single(
            state.DecideHypercare(new QueueMeasures(TimeSpan.FromSeconds(61), 65, TimeSpan.FromSeconds(30)), Clock.At(10))));

        Assert.True(on.On);
        Assert.Contains("oldest wait 61 s > 60 s", on.Reason);
        Assert.Contains("service level 65% < 70%", on.Reason);
        Assert.DoesNotContain("estimated", on.Reason);
        Decided.Nothing(state.DecideHypercare(Calm, Clock.At(10)));
    }

    [Fact]
    public void Hypercare_does_not_flap_it_stays_on_between_the_on_and_off_levels_and_for_its_minimum_time()
    {
        var on = WithHypercare().Apply(new HypercareOverflowChanged(true, "test", Clock.At(0)));

        // Calm already, but the minimum time (30 s) has not passed.
        Decided.Nothing(on.DecideHypercare(Calm, Clock.At(10)));
        // Past the minimum, the oldest wait (40 s) is below the on level but above the off level (30 s): stays on.
        Decided.Nothing(on.DecideHypercare(new QueueMeasures(TimeSpan.FromSeconds(40), 95, TimeSpan.FromSeconds(10)), Clock.At(60)));
        // Service level 72%: above the on level (70) but below the off level (75): stays on.
        Decided.Nothing(on.DecideHypercare(new QueueMeasures(TimeSpan.FromSeconds(5), 72, TimeSpan.FromSeconds(10)), Clock.At(60)));

        var off = Assert.IsType<HypercareOverflowChanged>(Decided.Single(on.DecideHypercare(Calm, Clock.At(60))));
        Assert.False(off.On);
        Assert.StartsWith("back under the off levels", off.Reason);
    }

    [Fact]
    public void Hypercare_ends_by_itself_at_the_end_of_its_period_even_while_overloaded()
    {
        var ends = Hypercare.Ends;
        var on = WithHypercare().Apply(new HypercareOverflowChanged(true, "test", ends.AddMinutes(-5)));
        var overloaded = new QueueMeasures(TimeSpan.FromMinutes(5), 10, TimeSpan.FromMinutes(5));

        Decided.Nothing(on.DecideHypercare(overloaded, ends.AddSeconds(-1)));
        var off = Assert.IsType<HypercareOverflowChanged>(Decided.Single(on.DecideHypercare(overloaded, ends)));
        Assert.False(off.On);
        Assert.StartsWith("hypercare period ended", off.Reason);
        Decided.Nothing(WithHypercare().DecideHypercare(overloaded, ends)); // and it does not start again
        Decided.Nothing(WithHypercare().DecideHypercare(overloaded, Hypercare.GoLive.AddSeconds(-1))); // nor before go-live
    }

    [Fact]
    public void Removing_hypercare_from_the_settings_switches_the_overflow_off()
    {
        var on = WithHypercare().Apply(new HypercareOverflowChanged(true, "test", Clock.At(0)));
        var removed = on.Apply(new QueueConfigured(new QueueConfig("q", "q"), Clock.At(5)));

        Assert.False(Assert.IsType<HypercareOverflowChanged>(Decided.Single(removed.DecideHypercare(Calm, Clock.At(6)))).On);
    }

    [Fact]
    public void A_parked_callback_leaves_the_line_and_comes_back_with_its_rank_when_due()
    {
        var rank = new CallRank(0, Clock.T0);
        var state = QueueState.Empty("q").Apply(new QueueConfigured(new QueueConfig("q", "q"), Clock.T0))
            .Apply(new CallEnqueued("c1", rank, Clock.T0));

        var parked = state.Then(state.Decide(new QueueCommands.ParkCallback("q", "c1", rank, Clock.At(120)), Clock.At(10)));
        Assert.Empty(parked.Line);
        Assert.Equal(Clock.At(120), parked.Parked["c1"].DueAt);
        Decided.Nothing(parked.Decide(new QueueCommands.ParkCallback("q", "c1", rank, Clock.At(120)), Clock.At(11)));
        Decided.Nothing(parked.Decide(new QueueProtocol.CallbackDue("q", "c1"), Clock.At(119)));

        var due = parked.Then(parked.Decide(new QueueProtocol.CallbackDue("q", "c1"), Clock.At(120)));
        Assert.Equal(rank, Assert.Single(due.Line).Rank);
        Assert.Empty(due.Parked);
    }

    [Theory]
    [InlineData(0, 3, "escalation[0].after")]
    [InlineData(30, 5, "escalation[0].minLevel: 5 does not widen")]
    [InlineData(30, 12, "escalation[0].minLevel: 12 is outside 1-9")]
    public void Escalation_steps_are_validated_and_errors_name_the_field(int afterSeconds, int minLevel, string expected)
    {
        var config = new QueueConfig("q", "q", MinLevel: 5, Escalation: [new EscalationStep(TimeSpan.FromSeconds(afterSeconds), MinLevel: minLevel)]);

        Assert.Contains(config.Validate(), e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Escalation_steps_must_come_in_increasing_time_and_name_an_audience()
    {
        var config = new QueueConfig("q", "q", Escalation: [new EscalationStep(TimeSpan.FromSeconds(60), Team: "A"), new EscalationStep(TimeSpan.FromSeconds(30))]);

        var errors = config.Validate();
        Assert.Contains("escalation[1].after: steps must come in increasing order of time", errors);
        Assert.Contains("escalation[1]: names no audience (minLevel, skill, queueId or team)", errors);
    }

    [Fact]
    public void Callback_and_hypercare_settings_are_validated_and_errors_name_the_field()
    {
        var config = new QueueConfig("q", "q",
            Callbacks: new CallbackSettings(MaxAttempts: 0, RetryBackoff: TimeSpan.Zero),
            Hypercare: new HypercareSettings(Clock.T0, 0, " ", ServiceLevelBelowPercent: 80, ServiceLevelOffAtPercent: 70));

        var errors = config.Validate();
        Assert.Contains("callbacks.maxAttempts: 0 is outside 1-10", errors);
        Assert.Contains(errors, e => e.StartsWith("callbacks.retryBackoff:", StringComparison.Ordinal));
        Assert.Contains("hypercare.weeks: 0 is outside 1-104", errors);
        Assert.Contains("hypercare.department: must not be empty", errors);
        Assert.Contains("hypercare.serviceLevelOffAtPercent: must not be below serviceLevelBelowPercent", errors);
    }

    [Fact]
    public void The_directory_reaches_an_agent_through_its_own_skill_first_then_the_lowest_open_ring_it_matches()
    {
        var directory = new QueueDirectory();
        directory.Replace(ImmutableDictionary<string, QueueRoute>.Empty
            .Add("main", new QueueRoute("main", "general", 5, "i1", Extra:
            [
                new QueueAudience(1, "general", 2),
                new QueueAudience(2, ViaQueueId: "library"),
                new QueueAudience(QueueAudience.HypercareRing, "buf", 1, Department: "BUF"),
            ]))
            .Add("library", new QueueRoute("library", "library", 1, "i2")));

        (string Queue, int Ring)[] Reach(string department, params (string, int)[] skills) =>
            directory.Reach(new AgentProfile("x", "t", department, AgentKind.CitizenService, skills.ToImmutableDictionary(s => s.Item1, s => s.Item2)))
                .Select(r => (r.Route.QueueId, r.Ring)).OrderBy(r => r.QueueId).ToArray();

        Assert.Equal([("main", 0)], Reach("KBS", ("general", 6)));
        Assert.Equal([("main", 1)], Reach("KBS", ("general", 3)));
        Assert.Equal([("library", 0), ("main", 2)], Reach("KBS", ("library", 4)));
        Assert.Equal([("main", QueueAudience.HypercareRing)], Reach("BUF", ("buf", 7)));
        Assert.Empty(Reach("SOF", ("buf", 7)));
    }

    [Fact]
    public void The_roster_offers_outer_ring_agents_only_calls_they_are_admitted_to_and_prefers_the_inner_ring()
    {
        var state = QueueState.Empty("q").Apply(new QueueConfigured(new QueueConfig("q", "q"), Clock.T0))
            .Apply(new CallEnqueued("old", new CallRank(0, Clock.T0), Clock.T0))
            .Apply(new CallEnqueued("young", new CallRank(0, Clock.At(50)), Clock.At(50)));
        var roster = new QueueRoster();
        roster.MarkIdle(new IdleAgent("outer", 9, Clock.T0, 0, TimeSpan.Zero, Ring: 1));
        roster.MarkIdle(new IdleAgent("inner", 1, Clock.At(40), 0, TimeSpan.Zero));

        // Ring 1 is admitted to calls that waited 30 s or more: at 60 s only "old" qualifies.
        var proposals = roster.Dispatch(state, (call, agent) => agent.Ring == 0 || Clock.At(60) - call.Rank.OriginalArrival >= TimeSpan.FromSeconds(30));

        // "old" goes to the inner ring even though the outer agent has the higher level; "young" is not for "outer".
        var only = Assert.Single(proposals);
        Assert.Equal(("old", "inner", 0), (only.CallId, only.AgentId, only.Ring));
    }
}
