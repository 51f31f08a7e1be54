using System.Collections.Immutable;

namespace ContactCenter.Actors.Statistics;

/// <summary>
/// Keeps the projection's state from growing by a hundred intervals per queue, agent and menu every day: the
/// quarter hours of days more than <c>keepDays</c> before the newest day with figures are summed into one
/// whole-day interval per subject (as contact-center reporting keeps interval data for weeks and daily data
/// for years). Day figures stay exact; quarter-hour and half-hour reports of those days show one row of a day.
/// A late event for a rolled-up day lands in a quarter hour again and is summed in at the next roll-up.
/// Measured from the figures' newest day, not the clock, so a rebuild or a replayed test day rolls up alike.
/// </summary>
public static class StatisticsRollup
{
    public static CenterStatistics Apply(CenterStatistics s, int keepDays)
    {
        var newest = Newest(s.QueueIntervals.Keys, Newest(s.AgentIntervals.Keys, Newest(s.MenuIntervals.Keys, DateOnly.MinValue)));
        if (newest == DateOnly.MinValue) return s;
        var before = newest.AddDays(-keepDays);
        return s with
        {
            QueueIntervals = RollUp(s.QueueIntervals, before, (a, b) => a.Plus(b)),
            AgentIntervals = RollUp(s.AgentIntervals, before, (a, b) => a.Plus(b)),
            MenuIntervals = RollUp(s.MenuIntervals, before, (a, b) => a.Plus(b)),
        };
    }

    private static DateOnly Newest(IEnumerable<string> keys, DateOnly seed) =>
        keys.Select(k => SlotKey.Parse(k).Day).Aggregate(seed, (a, b) => a > b ? a : b);

    private static ImmutableDictionary<string, T> RollUp<T>(ImmutableDictionary<string, T> intervals, DateOnly before, Func<T, T, T> plus)
    {
        var old = intervals.Select(kv => (Key: SlotKey.Parse(kv.Key), kv.Value))
            .Where(i => i.Key.Day < before && !i.Key.IsWholeDay)
            .ToList();
        if (old.Count == 0) return intervals;
        var rolled = intervals.ToBuilder();
        foreach (var (key, value) in old)
        {
            rolled.Remove(key.ToString());
            var day = (key with { Slot = SlotKey.WholeDay }).ToString();
            rolled[day] = rolled.TryGetValue(day, out var sum) ? plus(sum, value) : value;
        }
        return rolled.ToImmutable();
    }
}
