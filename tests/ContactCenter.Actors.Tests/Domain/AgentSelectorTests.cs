using ContactCenter.Actors.Routing;
using Xunit;

namespace ContactCenter.Actors.Tests.Domain;

public sealed class AgentSelectorTests
{
    private static IdleAgent Agent(string id, int level = 5, int idleMinutes = 0, int callsToday = 0, int talkMinutes = 0) =>
        new(id, level, Clock.T0.AddMinutes(-idleMinutes), callsToday, TimeSpan.FromMinutes(talkMinutes));

    private static string? Pick(
        RoutingStrategy strategy, string? lastServed, IReadOnlyList<string>? order, params IdleAgent[] candidates) =>
        AgentSelector.SelectBest(candidates, strategy, lastServed, order)?.AgentId;

    private static string? PickBy(RoutingStrategy strategy, params IdleAgent[] candidates) => Pick(strategy, null, null, candidates);

    private static IEnumerable<IReadOnlyList<T>> Permutations<T>(IReadOnlyList<T> items)
    {
        if (items.Count <= 1)
        {
            yield return items;
            yield break;
        }
        for (var i = 0; i < items.Count; i++)
        {
            var rest = items.Where((_, j) => j != i).ToList();
            foreach (var tail in Permutations(rest)) yield return new[] { items[i] }.Concat(tail).ToList();
        }
    }

    public static TheoryData<RoutingStrategy> AllStrategies()
    {
        var data = new TheoryData<RoutingStrategy>();
        foreach (var s in Enum.GetValues<RoutingStrategy>()) data.Add(s);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllStrategies))]
    public void No_idle_agent_means_no_choice(RoutingStrategy strategy)
    {
        Assert.Null(AgentSelector.SelectBest(Array.Empty<IdleAgent>(), strategy, "b", ["a", "b"]));
    }

    [Theory]
    [MemberData(nameof(AllStrategies))]
    public void A_single_idle_agent_is_chosen_whatever_the_strategy(RoutingStrategy strategy)
    {
        Assert.Equal("solo", Pick(strategy, "zzz", ["other"], Agent("solo")));
    }

    // ---- HighestLevelLongestIdle (the default) ----------------------------------------------------------

    [Fact]
    public void By_default_the_highest_skill_level_wins_even_over_an_agent_idle_longer()
    {
        Assert.Equal("expert", PickBy(RoutingStrategy.HighestLevelLongestIdle,
            Agent("novice", level: 2, idleMinutes: 60), Agent("expert", level: 8, idleMinutes: 1), Agent("mid", level: 5, idleMinutes: 30)));
    }

    [Fact]
    public void Among_agents_of_the_same_level_the_one_idle_longest_wins()
    {
        Assert.Equal("waited", PickBy(RoutingStrategy.HighestLevelLongestIdle,
            Agent("fresh", level: 5, idleMinutes: 1), Agent("waited", level: 5, idleMinutes: 20), Agent("low", level: 3, idleMinutes: 90)));
    }

    [Fact]
    public void The_default_strategy_ignores_calls_and_talk_time_today()
    {
        Assert.Equal("busy", PickBy(RoutingStrategy.HighestLevelLongestIdle,
            Agent("busy", level: 7, callsToday: 40, talkMinutes: 300), Agent("quiet", level: 6, callsToday: 0)));
    }

    [Theory]
    [MemberData(nameof(AllStrategies))]
    public void A_complete_tie_goes_to_the_smallest_agent_id_whatever_the_candidate_order(RoutingStrategy strategy)
    {
        var tied = new[] { Agent("carl"), Agent("anna"), Agent("bent"), Agent("Zoe") }; // ordinal: "Zoe" < "anna"
        foreach (var order in Permutations(tied))
        {
            Assert.Equal("Zoe", AgentSelector.SelectBest(order, strategy)!.AgentId);
        }
    }

    [Fact]
    public void The_choice_does_not_depend_on_the_order_candidates_are_listed_in()
    {
        var agents = new[]
        {
            Agent("a", level: 5, idleMinutes: 10), Agent("b", level: 7, idleMinutes: 2), Agent("c", level: 7, idleMinutes: 9),
            Agent("d", level: 7, idleMinutes: 9),
        };
        foreach (var order in Permutations(agents))
        {
            Assert.Equal("c", AgentSelector.SelectBest(order, RoutingStrategy.HighestLevelLongestIdle)!.AgentId);
        }
    }

    // ---- RoundRobin --------------------------------------------------------------------------------------

    [Fact]
    public void Round_robin_serves_the_next_agent_id_after_the_last_one_served()
    {
        Assert.Equal("c", Pick(RoutingStrategy.RoundRobin, "b", null, Agent("d"), Agent("a"), Agent("c"), Agent("b")));
    }

    [Fact]
    public void Round_robin_wraps_to_the_smallest_id_after_the_last_agent_was_served()
    {
        Assert.Equal("a", Pick(RoutingStrategy.RoundRobin, "d", null, Agent("c"), Agent("d"), Agent("a"), Agent("b")));
    }

    [Fact]
    public void Round_robin_starts_with_the_smallest_id_when_nobody_has_been_served()
    {
        Assert.Equal("a", Pick(RoutingStrategy.RoundRobin, null, null, Agent("c"), Agent("a"), Agent("b")));
    }

    [Fact]
    public void Round_robin_continues_after_a_last_served_agent_who_is_no_longer_idle()
    {
        Assert.Equal("c", Pick(RoutingStrategy.RoundRobin, "bb", null, Agent("a"), Agent("c"), Agent("d")));
    }

    [Fact]
    public void Round_robin_ignores_level_idle_time_and_workload()
    {
        Assert.Equal("b", Pick(RoutingStrategy.RoundRobin, "a", null,
            Agent("a", level: 9, idleMinutes: 99), Agent("b", level: 1, callsToday: 50), Agent("c", level: 9, idleMinutes: 60)));
    }

    [Fact]
    public void Round_robin_rotates_through_every_agent_before_repeating()
    {
        var agents = new[] { Agent("c"), Agent("a"), Agent("b") };
        string? last = null;
        var served = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            last = AgentSelector.SelectBest(agents, RoutingStrategy.RoundRobin, last)!.AgentId;
            served.Add(last);
        }
        Assert.Equal(["a", "b", "c", "a", "b", "c", "a"], served);
    }

    // ---- FewestCallsToday / LeastTalkTimeToday -----------------------------------------------------------

    [Fact]
    public void Fewest_calls_today_wins_over_a_higher_level_and_a_longer_idle_time()
    {
        Assert.Equal("rested", PickBy(RoutingStrategy.FewestCallsToday,
            Agent("expert", level: 9, idleMinutes: 60, callsToday: 12), Agent("rested", level: 1, idleMinutes: 1, callsToday: 3),
            Agent("mid", level: 5, idleMinutes: 30, callsToday: 4)));
    }

    [Fact]
    public void With_equal_calls_today_the_agent_idle_longest_wins_not_the_higher_level()
    {
        Assert.Equal("waited", PickBy(RoutingStrategy.FewestCallsToday,
            Agent("expert", level: 9, idleMinutes: 1, callsToday: 3), Agent("waited", level: 2, idleMinutes: 15, callsToday: 3)));
    }

    [Fact]
    public void Least_talk_time_today_wins_over_fewer_calls_and_a_higher_level()
    {
        Assert.Equal("short-talks", PickBy(RoutingStrategy.LeastTalkTimeToday,
            Agent("few-long-calls", level: 9, callsToday: 2, talkMinutes: 90),
            Agent("short-talks", level: 1, callsToday: 20, talkMinutes: 40)));
    }

    [Fact]
    public void With_equal_talk_time_today_the_agent_idle_longest_wins()
    {
        Assert.Equal("waited", PickBy(RoutingStrategy.LeastTalkTimeToday,
            Agent("expert", level: 9, idleMinutes: 1, talkMinutes: 30), Agent("waited", level: 2, idleMinutes: 15, talkMinutes: 30)));
    }

    // ---- Linear ------------------------------------------------------------------------------------------

    [Fact]
    public void Linear_takes_the_first_idle_agent_in_the_queues_fixed_order()
    {
        string[] order = ["carl", "anna", "bent"];
        Assert.Equal("carl", Pick(RoutingStrategy.Linear, null, order, Agent("anna", level: 9, idleMinutes: 60), Agent("bent"), Agent("carl", level: 1)));
        Assert.Equal("anna", Pick(RoutingStrategy.Linear, null, order, Agent("bent", level: 9, idleMinutes: 60), Agent("anna", level: 1)));
    }

    [Fact]
    public void Agents_outside_the_linear_order_come_after_every_listed_agent()
    {
        Assert.Equal("listed-last", Pick(RoutingStrategy.Linear, null, ["listed-first", "listed-last"],
            Agent("outsider", level: 9, idleMinutes: 120), Agent("listed-last", level: 1, idleMinutes: 0)));
    }

    [Fact]
    public void Agents_outside_the_linear_order_take_calls_when_no_listed_agent_is_idle_longest_idle_first()
    {
        Assert.Equal("waited", Pick(RoutingStrategy.Linear, null, ["away"],
            Agent("fresh", level: 5, idleMinutes: 1), Agent("waited", level: 5, idleMinutes: 20), Agent("middle", level: 5, idleMinutes: 10)));
    }

    [Fact]
    public void Linear_without_a_configured_order_still_chooses_deterministically()
    {
        var agents = new[] { Agent("b"), Agent("c"), Agent("a") };
        foreach (var order in Permutations(agents))
        {
            Assert.Equal("a", AgentSelector.SelectBest(order, RoutingStrategy.Linear, linearOrder: null)!.AgentId);
        }
    }

    [Fact]
    public void Linear_ignores_the_last_served_agent()
    {
        Assert.Equal("first", Pick(RoutingStrategy.Linear, "first", ["first", "second"], Agent("second"), Agent("first")));
    }
}
