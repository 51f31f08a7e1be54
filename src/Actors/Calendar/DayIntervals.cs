using System.Collections.Immutable;

namespace ContactCenter.Actors.Calendar;

/// <summary>Checks and tidies one day's list of opening intervals, and compares such lists by value.</summary>
internal static class DayIntervals
{
    /// <summary>
    /// Errors in one day's intervals, each naming its field as <paramref name="path"/>[index]. Intervals that
    /// merely touch (09:00-12:00 and 12:00-15:00) are allowed: they read as one opening.
    /// </summary>
    public static IEnumerable<string> Validate(ImmutableArray<OpeningInterval> intervals, string path)
    {
        if (intervals.IsDefaultOrEmpty) yield break;

        for (var i = 0; i < intervals.Length; i++)
        {
            var interval = intervals[i];
            var field = $"{path}[{i}]";
            if (interval is null)
            {
                yield return $"{field}: missing";
                continue;
            }
            var clock = OpeningInterval.Clock;
            if (interval.Opens < TimeSpan.Zero || interval.Opens >= OpeningInterval.EndOfDay)
                yield return $"{field}: opens {clock(interval.Opens)}, outside the day (00:00 to before 24:00)";
            if (interval.Closes <= TimeSpan.Zero || interval.Closes > OpeningInterval.EndOfDay)
                yield return $"{field}: closes {clock(interval.Closes)}, outside the day (after 00:00 up to 24:00)";
            if (interval.Opens > interval.Closes)
                yield return $"{field}: opens {clock(interval.Opens)} after it closes {clock(interval.Closes)}";
            else if (interval.Opens == interval.Closes)
                yield return $"{field}: opens and closes at {clock(interval.Opens)}, so it is never open";
        }

        var ordered = intervals
            .Select((interval, index) => (interval, index))
            .Where(x => x.interval is not null && x.interval.Opens < x.interval.Closes)
            .OrderBy(x => x.interval.Opens)
            .ThenBy(x => x.index)
            .ToList();
        for (var j = 1; j < ordered.Count; j++)
        {
            // Compare with the latest-closing earlier interval so that one long interval covering several is caught for each.
            var earlier = ordered.Take(j).MaxBy(x => x.interval.Closes);
            var (later, laterIndex) = ordered[j];
            if (earlier.interval.Closes > later.Opens)
            {
                var (first, second) = earlier.index < laterIndex ? (earlier, ordered[j]) : (ordered[j], earlier);
                yield return $"{path}[{second.index}]: {second.interval} overlaps {path}[{first.index}] {first.interval}";
            }
        }
    }

    /// <summary>
    /// The intervals as the calendar applies them: clipped to the day, empty ones dropped, sorted, and
    /// overlapping or touching ones joined. Invalid data is tolerated here so a bad calendar never crashes a call.
    /// </summary>
    public static ImmutableArray<OpeningInterval> Normalise(ImmutableArray<OpeningInterval> intervals)
    {
        if (intervals.IsDefaultOrEmpty) return [];

        var clipped = intervals
            .Where(i => i is not null)
            .Select(i => new OpeningInterval(Clip(i.Opens), Clip(i.Closes)))
            .Where(i => i.Opens < i.Closes)
            .OrderBy(i => i.Opens);
        var joined = new List<OpeningInterval>();
        foreach (var interval in clipped)
        {
            if (joined.Count > 0 && joined[^1].Closes >= interval.Opens)
            {
                var last = joined[^1];
                joined[^1] = last with { Closes = interval.Closes > last.Closes ? interval.Closes : last.Closes };
            }
            else
            {
                joined.Add(interval);
            }
        }
        return [.. joined];
    }

    private static TimeSpan Clip(TimeSpan time) =>
        time < TimeSpan.Zero ? TimeSpan.Zero : time > OpeningInterval.EndOfDay ? OpeningInterval.EndOfDay : time;

    /// <summary>Value equality for immutable arrays inside records (the struct compares array references); default equals empty.</summary>
    public static bool SameItems<T>(ImmutableArray<T> left, ImmutableArray<T> right) =>
        left.IsDefaultOrEmpty ? right.IsDefaultOrEmpty : !right.IsDefault && left.SequenceEqual(right);

    public static int HashOfItems<T>(ImmutableArray<T> items)
    {
        var hash = new HashCode();
        if (!items.IsDefault)
        {
            foreach (var item in items) hash.Add(item);
        }
        return hash.ToHashCode();
    }

    public static ImmutableArray<T> OrEmpty<T>(this ImmutableArray<T> items) => items.IsDefault ? [] : items;
}
