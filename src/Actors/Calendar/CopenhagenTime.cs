namespace ContactCenter.Actors.Calendar;

/// <summary>The contact center's civil time zone; "today" for daily counters means a Copenhagen day.</summary>
public static class CopenhagenTime
{
    public static readonly TimeZoneInfo Zone = FindZone();

    public static DateOnly DayOf(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>The same instant as Copenhagen wall-clock time (offset +01:00 or +02:00).</summary>
    public static DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>
    /// The instant at which Copenhagen clocks show <paramref name="timeOfDay"/> on <paramref name="day"/>;
    /// 24:00 is the next midnight. A time skipped by the spring-forward jump (02:00-03:00 on the last
    /// Sunday of March) gives the jump itself, the first instant after it. A time that occurs twice on
    /// the autumn night (02:00-03:00 on the last Sunday of October) gives its first occurrence, still
    /// in summer time.
    /// </summary>
    public static DateTimeOffset ToInstant(DateOnly day, TimeSpan timeOfDay) => ToInstant(day, timeOfDay, Zone);

    internal static DateTimeOffset ToInstant(DateOnly day, TimeSpan timeOfDay, TimeZoneInfo zone)
    {
        var wallClock = day.ToDateTime(TimeOnly.MinValue).Add(timeOfDay);
        if (zone.IsAmbiguousTime(wallClock))
        {
            // The larger offset is the summer-time reading, which comes first.
            var earliest = zone.GetAmbiguousTimeOffsets(wallClock).Max();
            return new DateTimeOffset(wallClock, earliest);
        }
        if (zone.IsInvalidTime(wallClock)) return JumpOver(wallClock, zone);
        return new DateTimeOffset(wallClock, zone.GetUtcOffset(wallClock));
    }

    /// <summary>
    /// The instant the clocks jump over <paramref name="skipped"/>. With offset b before the jump and a after it,
    /// the jump lies in (skipped - a, skipped - b]; the offset changes there exactly once, so a bisection finds it.
    /// </summary>
    private static DateTimeOffset JumpOver(DateTime skipped, TimeZoneInfo zone)
    {
        var before = zone.GetUtcOffset(skipped.AddDays(-1));
        var after = zone.GetUtcOffset(skipped.AddDays(1));
        if (after <= before) return new DateTimeOffset(skipped, before); // no forward jump found: zone data is odd, keep the old offset

        long low = (skipped - after).Ticks;  // still before the jump
        long high = (skipped - before).Ticks; // already after it
        while (high - low > 1)
        {
            var middle = low + (high - low) / 2;
            var offset = zone.GetUtcOffset(new DateTime(middle, DateTimeKind.Utc));
            if (offset == before) low = middle; else high = middle;
        }
        return TimeZoneInfo.ConvertTime(new DateTimeOffset(high, TimeSpan.Zero), zone);
    }

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");
        }
        catch (TimeZoneNotFoundException)
        {
            // Machines without tzdata: CET/CEST with the EU summer-time rules Copenhagen observes (since 1996).
            return EuropeanCentralTime();
        }
    }

    /// <summary>CET/CEST: summer time from 02:00 on the last Sunday of March to 03:00 on the last Sunday of October.</summary>
    internal static TimeZoneInfo EuropeanCentralTime()
    {
        var summerTime = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
            DateTime.MinValue.Date,
            DateTime.MaxValue.Date,
            TimeSpan.FromHours(1),
            TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 5, DayOfWeek.Sunday),
            TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 3, 0, 0), 10, 5, DayOfWeek.Sunday));
        return TimeZoneInfo.CreateCustomTimeZone(
            "Europe/Copenhagen", TimeSpan.FromHours(1), "Copenhagen", "CET", "CEST", [summerTime]);
    }
}
