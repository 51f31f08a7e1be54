using ContactCenter.Actors.Calendar;

namespace ContactCenter.Actors.Statistics;

/// <summary>
/// An interval of one subject (queue or agent): its Copenhagen day and quarter-hour slot (0-95), or
/// <see cref="WholeDay"/> for a day whose quarter hours were rolled up into one (<see cref="StatisticsRollup"/>).
/// </summary>
public readonly record struct SlotKey(string Subject, DateOnly Day, int Slot)
{
    public const int WholeDay = 96;

    public bool IsWholeDay => Slot == WholeDay;

    public override string ToString() => $"{Subject}|{Day:yyyy-MM-dd}|{Slot}";

    public static SlotKey Parse(string key)
    {
        var last = key.LastIndexOf('|');
        var middle = key.LastIndexOf('|', last - 1);
        return new SlotKey(key[..middle], DateOnly.ParseExact(key[(middle + 1)..last], "yyyy-MM-dd"), int.Parse(key[(last + 1)..]));
    }

    /// <summary>The first instant of the slot (Copenhagen local time of day = Slot × 15 min).</summary>
    public DateTimeOffset Start => CopenhagenTime.Local(CopenhagenTime.ToInstant(Day, TimeSpan.FromMinutes(15 * Slot)));
}

/// <summary>
/// Quarter hours of Copenhagen time. Copenhagen's offset from UTC is a whole number of hours, so local quarter
/// hours start on UTC quarter hours and a span can be cut in UTC. In the October night that repeats 02:00-03:00
/// both passes land in the same local slots.
/// </summary>
public static class Slots
{
    public static readonly TimeSpan Length = TimeSpan.FromMinutes(15);

    public static SlotKey Of(string subject, DateTimeOffset at)
    {
        var local = CopenhagenTime.Local(at);
        return new SlotKey(subject, DateOnly.FromDateTime(local.DateTime), (local.Hour * 60 + local.Minute) / 15);
    }

    /// <summary>The span [from, to) cut at quarter-hour boundaries.</summary>
    public static IEnumerable<(SlotKey Key, TimeSpan Length)> Split(string subject, DateTimeOffset from, DateTimeOffset to)
    {
        var start = from;
        while (start < to)
        {
            var utc = start.UtcDateTime;
            var boundary = new DateTimeOffset(utc.Date, TimeSpan.Zero).AddMinutes((utc.Hour * 60 + utc.Minute) / 15 * 15 + 15);
            var end = boundary < to ? boundary : to;
            yield return (Of(subject, start), end - start);
            start = end;
        }
    }
}
