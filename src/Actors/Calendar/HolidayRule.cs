using System.Collections.Immutable;

namespace ContactCenter.Actors.Calendar;

/// <summary>What a calendar does on a public holiday.</summary>
public enum HolidayTreatment
{
    /// <summary>Closed all day (the default).</summary>
    Closed,

    /// <summary>Open during <see cref="HolidayRule.Hours"/>, the same on every holiday.</summary>
    HolidayHours,

    /// <summary>Holidays are ordinary days: the weekly schedule applies (a line that never closes for holidays).</summary>
    UsualHours,
}

/// <summary>Which days count as holidays for a calendar, and whether it closes or keeps holiday hours on them.</summary>
public sealed record HolidayRule
{
    public HolidayOptions Days { get; init; } = HolidayOptions.Statutory;

    public HolidayTreatment Treatment { get; init; } = HolidayTreatment.Closed;

    /// <summary>Copenhagen wall-clock intervals, used only with <see cref="HolidayTreatment.HolidayHours"/>.</summary>
    public ImmutableArray<OpeningInterval> Hours { get; init; } = [];

    /// <summary>Closed on the statutory holidays.</summary>
    public static HolidayRule ClosedOnStatutoryHolidays { get; } = new();

    public IEnumerable<string> Validate(string path = "holidays")
    {
        if (Days is null) yield return $"{path}.days: missing";
        if (!Enum.IsDefined(Treatment))
        {
            yield return $"{path}.treatment: {(int)Treatment} is not a holiday treatment";
            yield break;
        }
        if (Treatment == HolidayTreatment.HolidayHours && Hours.IsDefaultOrEmpty)
            yield return $"{path}.hours: holiday hours chosen but none given (use Closed to close on holidays)";
        if (Treatment != HolidayTreatment.HolidayHours && !Hours.IsDefaultOrEmpty)
            yield return $"{path}.hours: given but not used, because holidays are treated as {Treatment}";
        foreach (var error in DayIntervals.Validate(Hours, $"{path}.hours")) yield return error;
    }

    public bool Equals(HolidayRule? other) =>
        other is not null && Equals(Days, other.Days) && Treatment == other.Treatment && DayIntervals.SameItems(Hours, other.Hours);

    public override int GetHashCode() => HashCode.Combine(Days, Treatment, DayIntervals.HashOfItems(Hours));
}
