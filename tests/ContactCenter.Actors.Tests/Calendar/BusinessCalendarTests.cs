using ContactCenter.Actors.Calendar;
using Xunit;

namespace ContactCenter.Actors.Tests.Calendar;

public sealed class BusinessCalendarTests
{
    private static DateTimeOffset Cph(int year, int month, int day, int hour, int minute = 0, int second = 0) =>
        CopenhagenTime.ToInstant(new DateOnly(year, month, day), new TimeSpan(hour, minute, second));

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0, int second = 0) =>
        new(2026, month, day, hour, minute, second, TimeSpan.Zero);

    private static readonly BusinessCalendar HomeCare = CopenhagenSample.HjemmeplejeSuf; // Mon-Fri 07:00-15:30

    private static BusinessCalendar OnSundays(params string[] hours) => new()
    {
        Name = "Night line",
        Hours = WeeklySchedule.Closed.With(DayOfWeek.Sunday, hours).With(DayOfWeek.Monday, "9-10"),
    };

    // ---- open or closed at an instant -------------------------------------------------------------------

    [Fact]
    public void A_call_one_second_before_closing_finds_it_open_and_a_call_at_closing_finds_it_closed()
    {
        Assert.True(HomeCare.IsOpen(Cph(2026, 3, 10, 15, 29, 59)));
        Assert.False(HomeCare.IsOpen(Cph(2026, 3, 10, 15, 30)));
    }

    [Fact]
    public void A_call_at_the_opening_second_finds_it_open_and_one_second_earlier_closed()
    {
        Assert.True(HomeCare.IsOpen(Cph(2026, 3, 10, 7)));
        Assert.False(HomeCare.IsOpen(Cph(2026, 3, 10, 6, 59, 59)));
    }

    [Fact]
    public void The_instant_is_read_in_Copenhagen_time_whatever_offset_it_carries()
    {
        // 06:30 UTC is 07:30 in Copenhagen in winter and 08:30 in summer.
        Assert.True(HomeCare.IsOpen(new DateTimeOffset(2026, 3, 10, 6, 30, 0, TimeSpan.Zero)));
        Assert.False(HomeCare.IsOpen(new DateTimeOffset(2026, 3, 10, 5, 30, 0, TimeSpan.Zero)));
        Assert.True(HomeCare.IsOpen(new DateTimeOffset(2026, 6, 10, 5, 30, 0, TimeSpan.Zero)));
        Assert.True(HomeCare.IsOpen(new DateTimeOffset(2026, 3, 10, 2, 30, 0, TimeSpan.FromHours(-5))));
    }

    [Fact]
    public void Weekends_are_closed_when_the_schedule_has_no_hours_for_them()
    {
        Assert.False(HomeCare.IsOpen(Cph(2026, 3, 7, 10)));
        Assert.False(HomeCare.IsOpen(Cph(2026, 3, 8, 10)));
    }

    [Fact]
    public void Open_intervals_on_a_day_are_the_real_instants_in_Copenhagen_offset()
    {
        var thursday = CopenhagenSample.Pladsanvisning.OpenIntervalsOn(new DateOnly(2026, 3, 12));
        var period = Assert.Single(thursday);
        Assert.Equal(new DateTimeOffset(2026, 3, 12, 13, 0, 0, TimeSpan.FromHours(1)), period.Opens);
        Assert.Equal(TimeSpan.FromHours(1), period.Opens.Offset);
        Assert.Equal(Utc(3, 12, 17), period.Closes);

        var summer = Assert.Single(CopenhagenSample.Pladsanvisning.OpenIntervalsOn(new DateOnly(2026, 6, 11)));
        Assert.Equal(new DateTimeOffset(2026, 6, 11, 13, 0, 0, TimeSpan.FromHours(2)), summer.Opens);
        Assert.Empty(CopenhagenSample.Pladsanvisning.OpenIntervalsOn(new DateOnly(2026, 3, 11)));
    }

    [Fact]
    public void Several_intervals_a_day_leave_a_closed_lunch_gap()
    {
        var calendar = new BusinessCalendar { Name = "Split", Hours = WeeklySchedule.Weekdays("12-15", "8-11:30") };
        Assert.Equal(2, calendar.OpenIntervalsOn(new DateOnly(2026, 3, 10)).Length);
        Assert.True(calendar.IsOpen(Cph(2026, 3, 10, 11, 29)));
        Assert.False(calendar.IsOpen(Cph(2026, 3, 10, 11, 45)));
        Assert.True(calendar.IsOpen(Cph(2026, 3, 10, 12)));
        Assert.Equal(Cph(2026, 3, 10, 12), calendar.NextOpening(Cph(2026, 3, 10, 11, 45)));
        Assert.Equal(Cph(2026, 3, 10, 11, 30), calendar.NextClosing(Cph(2026, 3, 10, 9)));
    }

    [Fact]
    public void Touching_intervals_count_as_one_opening()
    {
        var calendar = new BusinessCalendar { Name = "Shifts", Hours = WeeklySchedule.Weekdays("9-12", "12-15") };
        var period = Assert.Single(calendar.OpenIntervalsOn(new DateOnly(2026, 3, 10)));
        Assert.Equal(Cph(2026, 3, 10, 9), period.Opens);
        Assert.Equal(Cph(2026, 3, 10, 15), period.Closes);
        Assert.Equal(Cph(2026, 3, 10, 15), calendar.NextClosing(Cph(2026, 3, 10, 10)));
    }

    // ---- next opening and closing --------------------------------------------------------------------------

    [Fact]
    public void Next_opening_after_Friday_closing_is_Monday_morning()
    {
        Assert.Equal(Cph(2026, 3, 9, 7), HomeCare.NextOpening(Cph(2026, 3, 6, 15, 30)));
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 7, 0, 0, TimeSpan.FromHours(1)), HomeCare.NextOpening(Cph(2026, 3, 7, 12)));
    }

    [Fact]
    public void Next_opening_over_the_spring_forward_weekend_is_in_summer_time()
    {
        var monday = HomeCare.NextOpening(Cph(2026, 3, 27, 16));
        Assert.Equal(Utc(3, 30, 5), monday);
        Assert.Equal(TimeSpan.FromHours(2), monday!.Value.Offset);
    }

    [Fact]
    public void Next_opening_skips_the_Easter_holidays()
    {
        // Easter 2026: Maundy Thursday 2 April to Easter Monday 6 April.
        Assert.Equal(Cph(2026, 4, 7, 7), HomeCare.NextOpening(Cph(2026, 4, 1, 15, 30)));
        // Pladsanvisning is also closed on Wednesdays.
        Assert.Equal(Cph(2026, 4, 7, 9), CopenhagenSample.Pladsanvisning.NextOpening(Cph(2026, 3, 31, 13)));
    }

    [Fact]
    public void Next_opening_while_open_is_now()
    {
        var now = Cph(2026, 3, 10, 10, 15, 3);
        Assert.Equal(now, HomeCare.NextOpening(now));
    }

    [Fact]
    public void Next_closing_while_open_is_the_end_of_the_interval_and_while_closed_is_now()
    {
        Assert.Equal(Cph(2026, 3, 10, 15, 30), HomeCare.NextClosing(Cph(2026, 3, 10, 8)));
        var evening = Cph(2026, 3, 10, 20);
        Assert.Equal(evening, HomeCare.NextClosing(evening));
    }

    [Fact]
    public void Openings_that_meet_at_midnight_close_only_when_the_last_one_ends()
    {
        var weekendLine = new BusinessCalendar
        {
            Name = "Weekend line",
            Hours = WeeklySchedule.Closed
                .With(DayOfWeek.Friday, "18-24")
                .With(DayOfWeek.Saturday, "0-24")
                .With(DayOfWeek.Sunday, "0-12"),
        };
        Assert.True(weekendLine.IsOpen(Cph(2026, 3, 7, 0)));
        Assert.Equal(Cph(2026, 3, 8, 12), weekendLine.NextClosing(Cph(2026, 3, 6, 20)));
    }

    [Fact]
    public void A_line_that_never_closes_has_no_next_closing()
    {
        var allHours = new BusinessCalendar
        {
            Name = "1813-style line",
            Hours = WeeklySchedule.Weekdays("0-24").With(DayOfWeek.Saturday, "0-24").With(DayOfWeek.Sunday, "0-24"),
            Holidays = new HolidayRule { Treatment = HolidayTreatment.UsualHours },
        };
        var now = Cph(2026, 12, 24, 23, 59, 59);
        Assert.True(allHours.IsOpen(now));
        Assert.Null(allHours.NextClosing(now));
        Assert.Equal(now, allHours.NextOpening(now));
        // Across both daylight-saving nights the line stays open too.
        Assert.Null(allHours.NextClosing(Cph(2026, 3, 28, 12), withinDays: 220));
    }

    [Fact]
    public void A_closing_is_found_only_when_the_closed_day_lies_within_the_horizon()
    {
        var untilSunday = new BusinessCalendar
        {
            Name = "Mon-Sat around the clock",
            Hours = WeeklySchedule.Weekdays("0-24").With(DayOfWeek.Saturday, "0-24"),
            Holidays = new HolidayRule { Treatment = HolidayTreatment.UsualHours },
        };
        // From Monday 9 March: six more days reach the closed Sunday; five end at Saturday midnight, still open.
        Assert.Equal(Cph(2026, 3, 15, 0), untilSunday.NextClosing(Cph(2026, 3, 9, 10), withinDays: 6));
        Assert.Null(untilSunday.NextClosing(Cph(2026, 3, 9, 10), withinDays: 5));
    }

    [Fact]
    public void A_calendar_that_never_opens_within_the_horizon_has_no_next_opening()
    {
        var now = Cph(2026, 1, 5, 9);
        var closed = new BusinessCalendar { Name = "Closed" };
        Assert.Null(closed.NextOpening(now));
        Assert.Equal(now, closed.NextClosing(now));

        var soon = closed with { SpecialDays = [SpecialDay.Open(new DateOnly(2026, 12, 1), "Pop-up", "10-12")] };
        Assert.Equal(Cph(2026, 12, 1, 10), soon.NextOpening(now));

        var tooFar = closed with { SpecialDays = [SpecialDay.Open(new DateOnly(2027, 6, 1), "Pop-up", "10-12")] };
        Assert.Null(tooFar.NextOpening(now));
        Assert.Equal(Cph(2027, 6, 1, 10), tooFar.NextOpening(now, withinDays: 600));
    }

    // ---- daylight-saving nights (2026) ---------------------------------------------------------------------

    [Fact]
    public void On_the_spring_night_an_interval_across_the_gap_is_an_hour_shorter()
    {
        // 29 March 2026: 02:00 CET jumps to 03:00 CEST at 01:00 UTC.
        var period = Assert.Single(OnSundays("0-4").OpenIntervalsOn(new DateOnly(2026, 3, 29)));
        Assert.Equal(Utc(3, 28, 23), period.Opens);
        Assert.Equal(Utc(3, 29, 2), period.Closes);
        Assert.Equal(TimeSpan.FromHours(3), period.Closes - period.Opens);
    }

    [Fact]
    public void On_the_spring_night_a_boundary_in_the_gap_is_the_jump()
    {
        var closesInGap = OnSundays("1-2:30");
        var period = Assert.Single(closesInGap.OpenIntervalsOn(new DateOnly(2026, 3, 29)));
        Assert.Equal(Utc(3, 29, 0), period.Opens);
        Assert.Equal(Utc(3, 29, 1), period.Closes);
        Assert.True(closesInGap.IsOpen(Utc(3, 29, 0, 59, 59)));
        Assert.False(closesInGap.IsOpen(Utc(3, 29, 1)));

        var opensInGap = OnSundays("2:30-5");
        Assert.Equal(Utc(3, 29, 1), opensInGap.NextOpening(Utc(3, 28, 20)));
        Assert.Equal(Utc(3, 29, 3), opensInGap.NextClosing(Utc(3, 29, 1)));
    }

    [Fact]
    public void On_the_spring_night_intervals_either_side_of_the_gap_join_and_one_inside_it_vanishes()
    {
        var split = OnSundays("1-2:15", "2:45-4");
        var joined = Assert.Single(split.OpenIntervalsOn(new DateOnly(2026, 3, 29)));
        Assert.Equal(Utc(3, 29, 0), joined.Opens);
        Assert.Equal(Utc(3, 29, 2), joined.Closes);

        var onlyInGap = OnSundays("2-3");
        Assert.Empty(onlyInGap.OpenIntervalsOn(new DateOnly(2026, 3, 29)));
        Assert.Equal(Cph(2026, 3, 30, 9), onlyInGap.NextOpening(Utc(3, 28, 20)));
        // Two weeks later the same hours are an ordinary hour (a week later is Easter Sunday).
        Assert.Single(onlyInGap.OpenIntervalsOn(new DateOnly(2026, 4, 12)));
    }

    [Fact]
    public void On_the_autumn_night_an_interval_across_the_repeated_hour_is_an_hour_longer()
    {
        // 25 October 2026: 03:00 CEST falls back to 02:00 CET at 01:00 UTC.
        var period = Assert.Single(OnSundays("0-4").OpenIntervalsOn(new DateOnly(2026, 10, 25)));
        Assert.Equal(Utc(10, 24, 22), period.Opens);
        Assert.Equal(Utc(10, 25, 3), period.Closes);
        Assert.Equal(TimeSpan.FromHours(5), period.Closes - period.Opens);

        var repeatedHour = Assert.Single(OnSundays("2-3").OpenIntervalsOn(new DateOnly(2026, 10, 25)));
        Assert.Equal(TimeSpan.FromHours(2), repeatedHour.Closes - repeatedHour.Opens);
    }

    [Fact]
    public void On_the_autumn_night_a_boundary_in_the_repeated_hour_is_its_first_occurrence()
    {
        var closesAtHalfPastTwo = OnSundays("1-2:30");
        Assert.True(closesAtHalfPastTwo.IsOpen(Utc(10, 25, 0, 29, 59)));   // first 02:29:59, summer time
        Assert.False(closesAtHalfPastTwo.IsOpen(Utc(10, 25, 0, 30)));      // first 02:30
        Assert.False(closesAtHalfPastTwo.IsOpen(Utc(10, 25, 1, 15)));      // second 02:15, winter time
        Assert.Equal(Utc(10, 25, 0, 30), closesAtHalfPastTwo.NextClosing(Utc(10, 24, 23, 30)));

        var opensAtHalfPastTwo = OnSundays("2:30-4");
        Assert.Equal(Utc(10, 25, 0, 30), opensAtHalfPastTwo.NextOpening(Utc(10, 24, 12)));
        Assert.True(opensAtHalfPastTwo.IsOpen(Utc(10, 25, 1, 15)));
        Assert.Equal(Utc(10, 25, 3), opensAtHalfPastTwo.NextClosing(Utc(10, 25, 1)));
    }

    // ---- holidays and special days -------------------------------------------------------------------------

    [Fact]
    public void Holidays_are_closed_by_default_and_say_which_holiday()
    {
        var easterMonday = new DateOnly(2026, 4, 6);
        Assert.False(HomeCare.IsOpen(Cph(2026, 4, 6, 10)));
        var hours = HomeCare.HoursOn(easterMonday);
        Assert.Equal(DayHoursSource.PublicHoliday, hours.Source);
        Assert.Empty(hours.Hours);
        Assert.Equal("2. påskedag", hours.Holiday!.DanishName);
        Assert.Equal("Easter Monday", hours.Holiday.EnglishName);
    }

    [Fact]
    public void Holiday_hours_apply_on_every_holiday_even_a_Sunday()
    {
        var calendar = HomeCare with
        {
            Holidays = new HolidayRule { Treatment = HolidayTreatment.HolidayHours, Hours = OpeningInterval.Hours("10-14") },
        };
        Assert.False(calendar.IsOpen(Cph(2026, 4, 6, 9)));
        Assert.True(calendar.IsOpen(Cph(2026, 4, 6, 10)));
        Assert.True(calendar.IsOpen(Cph(2026, 4, 5, 13, 59, 59)));   // Easter Sunday
        Assert.False(calendar.IsOpen(Cph(2026, 4, 4, 11)));          // Easter Saturday is no holiday
        Assert.Equal(Cph(2026, 4, 2, 10), calendar.NextOpening(Cph(2026, 4, 1, 15, 30)));
    }

    [Fact]
    public void A_calendar_may_keep_its_usual_hours_on_holidays()
    {
        var calendar = HomeCare with { Holidays = new HolidayRule { Treatment = HolidayTreatment.UsualHours } };
        Assert.True(calendar.IsOpen(Cph(2026, 4, 6, 10)));
        var hours = calendar.HoursOn(new DateOnly(2026, 4, 6));
        Assert.Equal(DayHoursSource.WeeklySchedule, hours.Source);
        Assert.Equal(DanishHoliday.EasterMonday, hours.Holiday!.Holiday);
    }

    [Fact]
    public void Constitution_Day_and_Christmas_Eve_close_only_when_the_calendar_chooses_them()
    {
        var pladsanvisning = CopenhagenSample.Pladsanvisning;
        var constitutionDay = Cph(2026, 6, 5, 10);  // a Friday
        var christmasEve = Cph(2026, 12, 24, 10);   // a Thursday
        Assert.True(pladsanvisning.IsOpen(constitutionDay));
        Assert.True(HomeCare.IsOpen(christmasEve));

        var closesBoth = new HolidayRule { Days = HolidayOptions.WithConstitutionDayAndChristmasEve };
        Assert.False((pladsanvisning with { Holidays = closesBoth }).IsOpen(constitutionDay));
        Assert.False((HomeCare with { Holidays = closesBoth }).IsOpen(christmasEve));

        var onlyChristmasEve = new HolidayRule { Days = new HolidayOptions(ChristmasEve: true) };
        Assert.True((pladsanvisning with { Holidays = onlyChristmasEve }).IsOpen(constitutionDay));
        Assert.False((HomeCare with { Holidays = onlyChristmasEve }).IsOpen(christmasEve));
    }

    [Fact]
    public void A_special_day_can_close_an_ordinary_weekday()
    {
        var calendar = HomeCare with { SpecialDays = [SpecialDay.Closed(new DateOnly(2026, 3, 10), "Staff day")] };
        Assert.False(calendar.IsOpen(Cph(2026, 3, 10, 10)));
        Assert.True(calendar.IsOpen(Cph(2026, 3, 11, 10)));
        Assert.Equal(Cph(2026, 3, 11, 7), calendar.NextOpening(Cph(2026, 3, 9, 16)));
        var hours = calendar.HoursOn(new DateOnly(2026, 3, 10));
        Assert.Equal(DayHoursSource.SpecialDay, hours.Source);
        Assert.Equal("Staff day", hours.SpecialDay!.Note);
    }

    [Fact]
    public void A_special_day_can_give_a_weekday_other_hours()
    {
        // Pladsanvisning is normally closed on Wednesdays.
        var calendar = CopenhagenSample.Pladsanvisning with
        {
            SpecialDays = [SpecialDay.Open(new DateOnly(2026, 3, 11), "Extra hours before the intake deadline", "10-12")],
        };
        Assert.True(calendar.IsOpen(Cph(2026, 3, 11, 11)));
        Assert.False(calendar.IsOpen(Cph(2026, 3, 11, 12)));
        Assert.Equal(Cph(2026, 3, 11, 10), calendar.NextOpening(Cph(2026, 3, 10, 13)));
    }

    [Fact]
    public void A_special_day_overrides_a_holiday()
    {
        var christmasDay = new DateOnly(2026, 12, 25);
        var calendar = HomeCare with { SpecialDays = [SpecialDay.Open(christmasDay, "Crisis line", "10-12")] };
        Assert.False(HomeCare.IsOpen(Cph(2026, 12, 25, 11)));
        Assert.True(calendar.IsOpen(Cph(2026, 12, 25, 11)));
        var hours = calendar.HoursOn(christmasDay);
        Assert.Equal(DayHoursSource.SpecialDay, hours.Source);
        Assert.Equal(DanishHoliday.ChristmasDay, hours.Holiday!.Holiday);

        var stillClosed = (HomeCare with { Holidays = new HolidayRule { Treatment = HolidayTreatment.UsualHours } })
            with { SpecialDays = [SpecialDay.Closed(christmasDay, "Closed for Christmas")] };
        Assert.False(stillClosed.IsOpen(Cph(2026, 12, 25, 11)));
    }

    [Fact]
    public void A_calendar_with_overlapping_intervals_still_answers_with_their_union()
    {
        var sloppy = new BusinessCalendar { Name = "Sloppy", Hours = WeeklySchedule.Weekdays("9-12", "11-14", "13-13", "15-14") };
        Assert.NotEmpty(sloppy.Validate());
        var period = Assert.Single(sloppy.OpenIntervalsOn(new DateOnly(2026, 3, 10)));
        Assert.Equal(Cph(2026, 3, 10, 9), period.Opens);
        Assert.Equal(Cph(2026, 3, 10, 14), period.Closes);
    }
}
