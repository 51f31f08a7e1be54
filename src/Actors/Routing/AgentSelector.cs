namespace ContactCenter.Actors.Routing;

/// <summary>
/// Picks the best idle agent for a queue's next call. A single linear scan: no sorting and no allocation,
/// so a decision among a thousand candidates stays in the microseconds.
/// </summary>
public static class AgentSelector
{
    /// <param name="candidates">Idle, eligible agents (those with a pending proposal already excluded).</param>
    /// <param name="strategy">The queue's strategy.</param>
    /// <param name="lastServedAgentId">For round robin: the agent who got the previous call.</param>
    /// <param name="linearOrder">For linear: the queue's fixed order of agent ids.</param>
    public static IdleAgent? SelectBest(
        IReadOnlyList<IdleAgent> candidates,
        RoutingStrategy strategy,
        string? lastServedAgentId = null,
        IReadOnlyList<string>? linearOrder = null)
    {
        if (candidates.Count == 0) return null;
        return strategy switch
        {
            RoutingStrategy.RoundRobin => SelectRoundRobin(candidates, lastServedAgentId),
            RoutingStrategy.Linear => SelectLinear(candidates, linearOrder ?? Array.Empty<string>()),
            _ => SelectByComparison(candidates, strategy),
        };
    }

    private static IdleAgent SelectByComparison(IReadOnlyList<IdleAgent> candidates, RoutingStrategy strategy)
    {
        var best = candidates[0];
        for (var i = 1; i < candidates.Count; i++)
        {
            if (IsBetter(candidates[i], best, strategy)) best = candidates[i];
        }
        return best;
    }

    /// <summary>True when <paramref name="a"/> should get the call before <paramref name="b"/>.</summary>
    internal static bool IsBetter(IdleAgent a, IdleAgent b, RoutingStrategy strategy)
    {
        var primary = strategy switch
        {
            RoutingStrategy.FewestCallsToday => b.CallsToday.CompareTo(a.CallsToday),
            RoutingStrategy.LeastTalkTimeToday => b.TalkTimeToday.CompareTo(a.TalkTimeToday),
            _ => a.Level.CompareTo(b.Level),
        };
        if (primary != 0) return primary > 0;
        var longerIdle = b.IdleSince.CompareTo(a.IdleSince);
        if (longerIdle != 0) return longerIdle > 0;
        // Deterministic tie-break so replays and tests agree.
        return string.CompareOrdinal(a.AgentId, b.AgentId) < 0;
    }

    private static IdleAgent SelectRoundRobin(IReadOnlyList<IdleAgent> candidates, string? lastServed)
    {
        // The next agent id after the last one served, wrapping to the smallest id.
        IdleAgent? next = null, smallest = null;
        foreach (var c in candidates)
        {
            if (smallest is null || string.CompareOrdinal(c.AgentId, smallest.AgentId) < 0) smallest = c;
            if (lastServed is not null && string.CompareOrdinal(c.AgentId, lastServed) > 0 &&
                (next is null || string.CompareOrdinal(c.AgentId, next.AgentId) < 0))
            {
                next = c;
            }
        }
        return next ?? smallest!;
    }

    private static IdleAgent SelectLinear(IReadOnlyList<IdleAgent> candidates, IReadOnlyList<string> order)
    {
        IdleAgent? best = null;
        var bestPosition = int.MaxValue;
        foreach (var c in candidates)
        {
            var position = IndexOf(order, c.AgentId);
            if (position < 0) position = int.MaxValue - 1;
            if (best is null || position < bestPosition ||
                (position == bestPosition && IsBetter(c, best, RoutingStrategy.HighestLevelLongestIdle)))
            {
                best = c;
                bestPosition = position;
            }
        }
        return best!;
    }

    private static int IndexOf(IReadOnlyList<string> order, string agentId)
    {
        for (var i = 0; i < order.Count; i++)
        {
            if (string.Equals(order[i], agentId, StringComparison.Ordinal)) return i;
        }
        return -1;
    }
}
