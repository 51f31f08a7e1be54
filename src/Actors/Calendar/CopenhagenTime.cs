namespace ContactCenter.Actors.Calendar;

/// <summary>The contact center's civil time zone; "today" for daily counters means a Copenhagen day.</summary>
public static class CopenhagenTime
{
    public static readonly TimeZoneInfo Zone = FindZone();

    public static DateOnly DayOf(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");
        }
        catch (TimeZoneNotFoundException)
        {
            // Machines without tzdata: CET/CEST rules are what Copenhagen observes.
            return TimeZoneInfo.CreateCustomTimeZone("Europe/Copenhagen", TimeSpan.FromHours(1), "Copenhagen", "CET");
        }
    }
}
