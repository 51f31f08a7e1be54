namespace ContactCenter.Actors.Routing;

/// <summary>
/// A call's place in line: higher priority first, then the earlier original arrival. The original arrival
/// travels with the call through missed offers, transfers, overflow and callbacks (the wait-time passport).
/// </summary>
public readonly record struct CallRank(int Priority, DateTimeOffset OriginalArrival) : IComparable<CallRank>
{
    /// <summary>Negative when this call should be served before <paramref name="other"/>.</summary>
    public int CompareTo(CallRank other)
    {
        var byPriority = other.Priority.CompareTo(Priority);
        return byPriority != 0 ? byPriority : OriginalArrival.CompareTo(other.OriginalArrival);
    }

    public bool IsBetterThan(CallRank other) => CompareTo(other) < 0;
}
