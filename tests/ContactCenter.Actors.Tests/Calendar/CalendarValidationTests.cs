using ContactCenter.Actors.Calendar;
using Xunit;

namespace ContactCenter.Actors.Tests.Calendar;

public sealed class CalendarValidationTests
{
    private static string[] ErrorsOf(WeeklySchedule hours) => ErrorsOf(new BusinessCalendar { Name = "Test", Hours = hours });

    // ImmutableArray's own Equals compares array references, so compare as plain arrays.
    private static string[] ErrorsOf(BusinessCalendar calendar) => [.. calendar.Validate()];

    [Fact]
    public void An_interval_that_opens_after_it_closes_is_named_by_day_and_index()
    {
        var errors = ErrorsOf(WeeklySchedule.Closed.With(DayOfWeek.Monday, "9-11", "13-12"));
        Assert.Equal(["hours.Monday[1]: opens 13:00 after it closes 12:00"], errors);
    }

    [Fact]
    public void Overlapping_intervals_are_reported_with_both_positions()
    {
        var errors = ErrorsOf(WeeklySchedule.Closed.With(DayOfWeek.Monday, "9-12", "11-14"));
        Assert.Equal(["hours.Monday[1]: 11:00-14:00 overlaps hours.Monday[0] 09:00-12:00"], errors);
    }

    [Fact]
    public void An_interval_listed_first_but_starting_later_is_still_caught_overlapping()
    {
        var errors = ErrorsOf(WeeklySchedule.Closed.With(DayOfWeek.Friday, "10-11", "8-16"));
        Assert.Equal(["hours.Friday[1]: 08:00-16:00 overlaps hours.Friday[0] 10:00-11:00"], errors);
    }

    [Fact]
    public void An_empty_interval_is_an_error()
    {
        Assert.Equal(["hours.Sunday[0]: opens and closes at 09:00, so it is never open"],
            ErrorsOf(WeeklySchedule.Closed.With(DayOfWeek.Sunday, "9-9")));
    }

    [Fact]
    public void Times_outside_the_day_are_errors()
    {
        var errors = ErrorsOf(WeeklySchedule.Closed.With(DayOfWeek.Tuesday, "22-25").With(DayOfWeek.Wednesday, "24-24"));
        Assert.Contains("hours.Tuesday[0]: closes 25:00, outside the day (after 00:00 up to 24:00)", errors);
        Assert.Contains("hours.Wednesday[0]: opens 24:00, outside the day (00:00 to before 24:00)", errors);
    }

    [Fact]
    public void Closing_at_24_00_and_touching_intervals_are_valid()
    {
        Assert.Empty(ErrorsOf(WeeklySchedule.Weekdays("0-9", "9-12", "22:00-24:00")));
    }

    [Fact]
    public void Holiday_hours_must_be_given_exactly_when_they_are_used()
    {
        var noHours = new BusinessCalendar { Name = "X", Holidays = new HolidayRule { Treatment = HolidayTreatment.HolidayHours } };
        Assert.Equal(["holidays.hours: holiday hours chosen but none given (use Closed to close on holidays)"], ErrorsOf(noHours));

        var unused = new BusinessCalendar { Name = "X", Holidays = new HolidayRule { Hours = OpeningInterval.Hours("10-12") } };
        Assert.Equal(["holidays.hours: given but not used, because holidays are treated as Closed"], ErrorsOf(unused));

        var wrong = new BusinessCalendar
        {
            Name = "X",
            Holidays = new HolidayRule { Treatment = HolidayTreatment.HolidayHours, Hours = OpeningInterval.Hours("14-10") },
        };
        Assert.Equal(["holidays.hours[0]: opens 14:00 after it closes 10:00"], ErrorsOf(wrong));

        var unknown = new BusinessCalendar { Name = "X", Holidays = new HolidayRule { Treatment = (HolidayTreatment)7 } };
        Assert.Equal(["holidays.treatment: 7 is not a holiday treatment"], ErrorsOf(unknown));
    }

    [Fact]
    public void Special_days_are_checked_for_duplicates_and_bad_hours()
    {
        var date = new DateOnly(2026, 12, 24);
        var calendar = new BusinessCalendar
        {
            Name = "X",
            SpecialDays = [SpecialDay.Closed(date, "Christmas"), SpecialDay.Open(date, "Christmas after all", "12-10")],
        };
        Assert.Equal(
        [
            "specialDays[1]: 2026-12-24 is already given as specialDays[0]",
            "specialDays[1].hours[0]: opens 12:00 after it closes 10:00",
        ], ErrorsOf(calendar));
    }

    [Fact]
    public void A_calendar_needs_a_name()
    {
        Assert.Equal(["name: empty"], ErrorsOf(new BusinessCalendar { Name = " " }));
    }

    [Fact]
    public void Several_errors_are_all_reported_in_field_order()
    {
        var calendar = new BusinessCalendar
        {
            Name = "",
            Hours = WeeklySchedule.Closed.With(DayOfWeek.Thursday, "13-12").With(DayOfWeek.Monday, "9-12", "10-11"),
        };
        Assert.Equal(
        [
            "name: empty",
            "hours.Monday[1]: 10:00-11:00 overlaps hours.Monday[0] 09:00-12:00",
            "hours.Thursday[0]: opens 13:00 after it closes 12:00",
        ], ErrorsOf(calendar));
    }

    [Theory]
    [InlineData("9-13", 9, 0, 13, 0)]
    [InlineData("07:30-15:30", 7, 30, 15, 30)]
    [InlineData(" 22:00 - 24:00 ", 22, 0, 24, 0)]
    public void Intervals_are_read_from_text(string text, int openHour, int openMinute, int closeHour, int closeMinute)
    {
        var interval = OpeningInterval.Parse(text);
        Assert.Equal(new TimeSpan(openHour, openMinute, 0), interval.Opens);
        Assert.Equal(new TimeSpan(closeHour, closeMinute, 0), interval.Closes);
    }

    [Theory]
    [InlineData("9")]
    [InlineData("9-13-15")]
    [InlineData("9:5-13")]
    [InlineData("nine-13")]
    [InlineData("-9-13")]
    public void Text_that_is_not_an_interval_is_refused(string text)
    {
        Assert.Throws<FormatException>(() => OpeningInterval.Parse(text));
    }

    [Fact]
    public void An_interval_prints_as_people_write_it()
    {
        Assert.Equal("07:30-24:00", OpeningInterval.Parse("7:30-24").ToString());
    }
}
