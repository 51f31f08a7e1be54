namespace ContactCenter.Actors.Routing;

/// <summary>How a skill queue picks among its idle, eligible agents.</summary>
public enum RoutingStrategy
{
    /// <summary>Highest skill level first, then the agent idle the longest (the default).</summary>
    HighestLevelLongestIdle,
    /// <summary>Rotate through the agents in a fixed order, continuing after the last one served.</summary>
    RoundRobin,
    /// <summary>The agent who has handled the fewest calls today, then longest idle.</summary>
    FewestCallsToday,
    /// <summary>The agent with the least talk time today, then longest idle.</summary>
    LeastTalkTimeToday,
    /// <summary>A fixed order set on the queue; agents not in it come after, highest level then longest idle.</summary>
    Linear,
}
