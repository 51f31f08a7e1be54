using System.Collections.Immutable;

namespace ContactCenter.Actors.Calendar;

/// <summary>Ordinary opening hours per weekday in Copenhagen wall-clock time; a day without intervals is closed.</summary>
public sealed record WeeklySchedule
{
    public ImmutableArray<OpeningInterval> Monday { get; init; } = [];
    public ImmutableArray<OpeningInterval> Tuesday { get; init; } = [];
    public ImmutableArray<OpeningInterval> Wednesday { get; init; } = [];
    public ImmutableArray<OpeningInterval> Thursday { get; init; } = [];
    public ImmutableArray<OpeningInterval> Friday { get; init; } = [];
    public ImmutableArray<OpeningInterval> Saturday { get; init; } = [];
    public ImmutableArray<OpeningInterval> Sunday { get; init; } = [];

    /// <summary>Closed every day.</summary>
    public static WeeklySchedule Closed { get; } = new();

    /// <summary>Monday to Friday with the same hours, closed at weekends, e.g. <c>Weekdays("7:00-15:30")</c>.</summary>
    public static WeeklySchedule Weekdays(params string[] intervals)
    {
        var hours = OpeningInterval.Hours(intervals);
        return new WeeklySchedule { Monday = hours, Tuesday = hours, Wednesday = hours, Thursday = hours, Friday = hours };
    }

    /// <summary>The intervals as given for <paramref name="day"/>.</summary>
    public ImmutableArray<OpeningInterval> On(DayOfWeek day) => (day switch
    {
        DayOfWeek.Monday => Monday,
        DayOfWeek.Tuesday => Tuesday,
        DayOfWeek.Wednesday => Wednesday,
        DayOfWeek.Thursday => Thursday,
        DayOfWeek.Friday => Friday,
        DayOfWeek.Saturday => Saturday,
        DayOfWeek.Sunday => Sunday,
        _ => throw new ArgumentOutOfRangeException(nameof(day), day, "Not a day of the week."),
    }).OrEmpty();

    /// <summary>This schedule with <paramref name="day"/>'s hours replaced, e.g. <c>With(DayOfWeek.Thursday, "13-18")</c>; none given closes the day.</summary>
    public WeeklySchedule With(DayOfWeek day, params string[] intervals)
    {
        var hours = OpeningInterval.Hours(intervals);
        return day switch
        {
            DayOfWeek.Monday => this with { Monday = hours },
            DayOfWeek.Tuesday => this with { Tuesday = hours },
            DayOfWeek.Wednesday => this with { Wednesday = hours },
            DayOfWeek.Thursday => this with { Thursday = hours },
            DayOfWeek.Friday => this with { Friday = hours },
            DayOfWeek.Saturday => this with { Saturday = hours },
            DayOfWeek.Sunday => this with { Sunday = hours },
            _ => throw new ArgumentOutOfRangeException(nameof(day), day, "Not a day of the week."),
        };
    }

    /// <summary>Errors naming the field, e.g. "hours.Monday[1]: opens 13:00 after it closes 12:00".</summary>
    public IEnumerable<string> Validate(string path = "hours") =>
        WeekOrder.SelectMany(day => DayIntervals.Validate(On(day), $"{path}.{day}"));

    // Monday first, as Danes read a week.
    private static readonly DayOfWeek[] WeekOrder =
    [
        DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday,
        DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday,
    ];

    public bool Equals(WeeklySchedule? other) =>
        other is not null
        && WeekOrder.All(day => DayIntervals.SameItems(On(day), other.On(day)));

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var day in WeekOrder) hash.Add(DayIntervals.HashOfItems(On(day)));
        return hash.ToHashCode();
    }
}
