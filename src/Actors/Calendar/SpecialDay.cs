using System.Collections.Immutable;

namespace ContactCenter.Actors.Calendar;

/// <summary>A date with its own hours that override the weekly schedule and any holiday; no hours means closed all day.</summary>
public sealed record SpecialDay
{
    public required DateOnly Date { get; init; }

    /// <summary>Copenhagen wall-clock intervals for this date; empty means closed.</summary>
    public ImmutableArray<OpeningInterval> Hours { get; init; } = [];

    /// <summary>Why the day is special, e.g. "Staff day" or "Storm: open for crisis calls".</summary>
    public string Note { get; init; } = "";

    public static SpecialDay Closed(DateOnly date, string note) => new() { Date = date, Note = note };

    public static SpecialDay Open(DateOnly date, string note, params string[] intervals) =>
        new() { Date = date, Note = note, Hours = OpeningInterval.Hours(intervals) };

    public bool Equals(SpecialDay? other) =>
        other is not null && Date == other.Date && Note == other.Note && DayIntervals.SameItems(Hours, other.Hours);

    public override int GetHashCode() => HashCode.Combine(Date, Note, DayIntervals.HashOfItems(Hours));
}
