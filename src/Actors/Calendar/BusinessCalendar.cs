using System.Collections.Immutable;

namespace ContactCenter.Actors.Calendar;

/// <summary>
/// When a queue, entry or directory target is open: a weekly schedule, a holiday rule and special days, all in
/// Copenhagen time. For a date, a special day wins over a holiday, and a holiday wins over the weekly schedule.
/// </summary>
public sealed record BusinessCalendar
{
    /// <summary>How far ahead <see cref="NextOpening"/> and <see cref="NextClosing"/> look before giving up.</summary>
    public const int SearchHorizonDays = 400;

    /// <summary>A name people recognise, e.g. "Pladsanvisning".</summary>
    public required string Name { get; init; }

    public WeeklySchedule Hours { get; init; } = WeeklySchedule.Closed;

    public HolidayRule Holidays { get; init; } = HolidayRule.ClosedOnStatutoryHolidays;

    public ImmutableArray<SpecialDay> SpecialDays { get; init; } = [];

    /// <summary>Everything wrong with the calendar, each error naming its field; empty when valid.</summary>
    public ImmutableArray<string> Validate()
    {
        var errors = ImmutableArray.CreateBuilder<string>();
        if (string.IsNullOrWhiteSpace(Name)) errors.Add("name: empty");
        if (Hours is null) errors.Add("hours: missing");
        else errors.AddRange(Hours.Validate("hours"));
        if (Holidays is null) errors.Add("holidays: missing");
        else errors.AddRange(Holidays.Validate("holidays"));

        var firstIndexOfDate = new Dictionary<DateOnly, int>();
        var specialDays = SpecialDays.OrEmpty();
        for (var i = 0; i < specialDays.Length; i++)
        {
            var special = specialDays[i];
            var field = $"specialDays[{i}]";
            if (special is null)
            {
                errors.Add($"{field}: missing");
                continue;
            }
            if (firstIndexOfDate.TryGetValue(special.Date, out var first))
                errors.Add($"{field}: {special.Date:yyyy-MM-dd} is already given as specialDays[{first}]");
            else
                firstIndexOfDate[special.Date] = i;
            errors.AddRange(DayIntervals.Validate(special.Hours, $"{field}.hours"));
        }
        return errors.ToImmutable();
    }

    /// <summary>The wall-clock hours that apply on <paramref name="date"/> and why (weekly schedule, holiday or special day).</summary>
    public DayHours HoursOn(DateOnly date)
    {
        var rule = Holidays ?? HolidayRule.ClosedOnStatutoryHolidays;
        DanishHolidays.IsHoliday(date, rule.Days ?? HolidayOptions.Statutory, out var holiday);
        var special = SpecialDays.OrEmpty().FirstOrDefault(s => s is not null && s.Date == date);

        if (special is not null)
            return new DayHours(date, DayIntervals.Normalise(special.Hours), DayHoursSource.SpecialDay, holiday, special);
        if (holiday is not null && rule.Treatment != HolidayTreatment.UsualHours)
        {
            var hours = rule.Treatment == HolidayTreatment.HolidayHours ? DayIntervals.Normalise(rule.Hours) : [];
            return new DayHours(date, hours, DayHoursSource.PublicHoliday, holiday, null);
        }
        var weekly = (Hours ?? WeeklySchedule.Closed).On(date.DayOfWeek);
        return new DayHours(date, DayIntervals.Normalise(weekly), DayHoursSource.WeeklySchedule, holiday, null);
    }

    /// <summary>
    /// The real periods open on <paramref name="date"/>, in date order, as Copenhagen-offset instants. Intervals that
    /// touch are joined; an interval lying wholly in the spring-forward gap disappears (see <see cref="CopenhagenTime.ToInstant(DateOnly, TimeSpan)"/>).
    /// </summary>
    public ImmutableArray<OpenPeriod> OpenIntervalsOn(DateOnly date)
    {
        var periods = new List<OpenPeriod>();
        foreach (var interval in HoursOn(date).Hours)
        {
            var opens = CopenhagenTime.ToInstant(date, interval.Opens);
            var closes = CopenhagenTime.ToInstant(date, interval.Closes);
            if (opens >= closes) continue;
            // Two wall-clock intervals either side of the spring gap can meet at the jump.
            if (periods.Count > 0 && periods[^1].Closes >= opens)
                periods[^1] = periods[^1] with { Closes = closes };
            else
                periods.Add(new OpenPeriod(opens, closes));
        }
        return [.. periods];
    }

    /// <summary>Whether a call at <paramref name="instant"/> finds the calendar open; an interval includes its opening second and excludes its closing one.</summary>
    public bool IsOpen(DateTimeOffset instant) =>
        OpenIntervalsOn(CopenhagenTime.DayOf(instant)).Any(p => p.Contains(instant));

    /// <summary>
    /// The first instant at or after <paramref name="from"/> when the calendar is open (so <paramref name="from"/>
    /// itself when open now), or null if it stays closed for <paramref name="withinDays"/> days.
    /// </summary>
    public DateTimeOffset? NextOpening(DateTimeOffset from, int withinDays = SearchHorizonDays)
    {
        foreach (var period in PeriodsFrom(from, withinDays))
        {
            if (period.Closes > from) return period.Opens > from ? period.Opens : CopenhagenTime.Local(from);
        }
        return null;
    }

    /// <summary>
    /// The first instant at or after <paramref name="from"/> when the calendar is closed (so <paramref name="from"/>
    /// itself when closed now), or null if it stays open for <paramref name="withinDays"/> days. Openings that meet,
    /// also across midnight (a 24:00 close and a 00:00 open), count as one.
    /// </summary>
    public DateTimeOffset? NextClosing(DateTimeOffset from, int withinDays = SearchHorizonDays)
    {
        var closedAt = CopenhagenTime.Local(from);
        foreach (var period in PeriodsFrom(from, withinDays))
        {
            if (period.Closes <= closedAt) continue;
            if (period.Opens > closedAt) return closedAt;
            closedAt = period.Closes;
        }
        // Open to the very end of the searched days: the closing, if any, lies beyond the horizon.
        var horizonEnd = CopenhagenTime.ToInstant(CopenhagenTime.DayOf(from).AddDays(withinDays), OpeningInterval.EndOfDay);
        return closedAt < horizonEnd ? closedAt : null;
    }

    private IEnumerable<OpenPeriod> PeriodsFrom(DateTimeOffset from, int withinDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(withinDays);
        var first = CopenhagenTime.DayOf(from);
        for (var offset = 0; offset <= withinDays; offset++)
        {
            foreach (var period in OpenIntervalsOn(first.AddDays(offset))) yield return period;
        }
    }

    public bool Equals(BusinessCalendar? other) =>
        other is not null
        && Name == other.Name
        && Equals(Hours, other.Hours)
        && Equals(Holidays, other.Holidays)
        && DayIntervals.SameItems(SpecialDays, other.SpecialDays);

    public override int GetHashCode() => HashCode.Combine(Name, Hours, Holidays, DayIntervals.HashOfItems(SpecialDays));
}

/// <summary>Why a date has the hours it has.</summary>
public enum DayHoursSource
{
    WeeklySchedule,
    PublicHoliday,
    SpecialDay,
}

/// <summary>
/// The hours that apply on one date (tidied: sorted, touching intervals joined), where they come from, and the
/// holiday or special day behind them; <see cref="Holiday"/> is set whenever the date is a holiday, even if a special day wins.
/// </summary>
public sealed record DayHours(
    DateOnly Date,
    ImmutableArray<OpeningInterval> Hours,
    DayHoursSource Source,
    PublicHoliday? Holiday,
    SpecialDay? SpecialDay);

/// <summary>A real period of opening, from <see cref="Opens"/> up to (not including) <see cref="Closes"/>.</summary>
public sealed record OpenPeriod(DateTimeOffset Opens, DateTimeOffset Closes)
{
    public bool Contains(DateTimeOffset instant) => Opens <= instant && instant < Closes;
}
