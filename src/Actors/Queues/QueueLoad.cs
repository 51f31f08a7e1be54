namespace ContactCenter.Actors.Queues;

/// <summary>
/// A queue's recent outcomes, for the live service level and the estimated wait that drive callback offers and
/// hypercare. Soft state: rebuilt from new outcomes after a restart (an estimate, not a statistic).
/// </summary>
public sealed class QueueLoad
{
    private const int Window = 50;
    private const int WaitSamples = 20;
    private readonly Queue<(TimeSpan Wait, bool Answered)> _outcomes = new();
    private readonly Queue<TimeSpan> _answeredWaits = new();

    public void Answered(TimeSpan wait)
    {
        Add((wait, true));
        _answeredWaits.Enqueue(wait);
        if (_answeredWaits.Count > WaitSamples) _answeredWaits.Dequeue();
    }

    public void Abandoned(TimeSpan wait) => Add((wait, false));

    private void Add((TimeSpan, bool) outcome)
    {
        _outcomes.Enqueue(outcome);
        if (_outcomes.Count > Window) _outcomes.Dequeue();
    }

    /// <summary>Share of the recent outcomes answered within <paramref name="threshold"/>; null with no outcomes yet.</summary>
    public int? ServiceLevelPercent(TimeSpan threshold)
    {
        if (_outcomes.Count == 0) return null;
        var within = _outcomes.Count(o => o.Answered && o.Wait <= threshold);
        return (int)Math.Round(100.0 * within / _outcomes.Count);
    }

    /// <summary>The mean wait of recently answered calls, or the oldest caller's wait while nothing was answered yet.</summary>
    public TimeSpan EstimatedWait(TimeSpan oldestWait) =>
        _answeredWaits.Count == 0 ? oldestWait : TimeSpan.FromTicks((long)_answeredWaits.Average(w => w.Ticks));
}

/// <summary>What the hypercare decision looks at.</summary>
public readonly record struct QueueMeasures(TimeSpan OldestWait, int? ServiceLevelPercent, TimeSpan EstimatedWait);
