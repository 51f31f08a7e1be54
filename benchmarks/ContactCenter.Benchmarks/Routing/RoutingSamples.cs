using ContactCenter.Actors.Routing;

namespace ContactCenter.Benchmarks.Routing;

/// <summary>Deterministic, shuffled inputs so that the best candidate is not simply the first or the last.</summary>
internal static class RoutingSamples
{
    public static readonly DateTimeOffset Origin = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Idle agents with levels 1-9, idle times spread over an hour, ids in random order.</summary>
    public static List<IdleAgent> IdleAgents(int count, int seed = 42)
    {
        var random = new Random(seed);
        var agents = new List<IdleAgent>(count);
        for (var i = 0; i < count; i++)
        {
            agents.Add(new IdleAgent(
                $"agent-{i:D5}",
                Level: 1 + random.Next(9),
                IdleSince: Origin.AddSeconds(random.Next(3600)),
                CallsToday: random.Next(60),
                TalkTimeToday: TimeSpan.FromSeconds(random.Next(20_000))));
        }
        Shuffle(agents, random);
        return agents;
    }

    /// <summary>Call ranks with a few priority levels and arrivals spread over an hour.</summary>
    public static List<CallRank> Ranks(int count, int seed = 7)
    {
        var random = new Random(seed);
        var ranks = new List<CallRank>(count);
        for (var i = 0; i < count; i++) ranks.Add(new CallRank(random.Next(4), Origin.AddMilliseconds(random.Next(3_600_000))));
        return ranks;
    }

    private static void Shuffle<T>(List<T> items, Random random)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
