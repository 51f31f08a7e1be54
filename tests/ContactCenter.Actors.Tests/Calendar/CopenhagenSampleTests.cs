using System.Text.Json;
using ContactCenter.Actors.Calendar;
using Xunit;

namespace ContactCenter.Actors.Tests.Calendar;

public sealed class CopenhagenSampleTests
{
    // Monday 9 March 2026 to Sunday 15 March 2026: no holidays.
    private static string Week(BusinessCalendar calendar) =>
        string.Join(" | ", Enumerable.Range(0, 7)
            .Select(i => calendar.HoursOn(new DateOnly(2026, 3, 9).AddDays(i)))
            .Select(day => $"{day.Date.DayOfWeek.ToString()[..3]} {(day.Hours.IsEmpty ? "closed" : string.Join(",", day.Hours))}"));

    public static TheoryData<string, string> FirstRollHours() => new()
    {
        { "Pladsanvisning", "Mon 09:00-13:00 | Tue 09:00-13:00 | Wed closed | Thu 13:00-18:00 | Fri 09:00-13:00 | Sat closed | Sun closed" },
        { "Din Sociale Indgang", "Mon 09:00-15:00 | Tue 09:00-15:00 | Wed 09:00-15:00 | Thu 12:00-17:00 | Fri 09:00-13:00 | Sat closed | Sun closed" },
        { "Hjemmepleje (SUF)", "Mon 07:00-15:30 | Tue 07:00-15:30 | Wed 07:00-15:30 | Thu 07:00-15:30 | Fri 07:00-15:30 | Sat closed | Sun closed" },
        { "Hjemmepleje (SOF)", "Mon 07:30-15:30 | Tue 07:30-15:30 | Wed 07:30-15:30 | Thu 07:30-15:30 | Fri 07:30-15:30 | Sat closed | Sun closed" },
        { "Biblioteket Online", "Mon 08:00-16:00 | Tue 08:00-16:00 | Wed 08:00-16:00 | Thu 08:00-17:00 | Fri 08:00-15:00 | Sat closed | Sun closed" },
    };

    [Theory]
    [MemberData(nameof(FirstRollHours))]
    public void First_roll_areas_keep_the_weekday_hours_of_the_domain_table(string name, string week)
    {
        var calendar = Assert.Single(CopenhagenSample.FirstRoll, c => c.Name == name);
        Assert.Equal(week, Week(calendar));
    }

    [Fact]
    public void Every_sample_calendar_is_valid_and_closed_on_statutory_holidays()
    {
        foreach (var calendar in CopenhagenSample.FirstRoll)
        {
            Assert.Empty(calendar.Validate());
            Assert.Equal(HolidayRule.ClosedOnStatutoryHolidays, calendar.Holidays);
            Assert.False(calendar.IsOpen(CopenhagenTime.ToInstant(new DateOnly(2026, 5, 14), TimeSpan.FromHours(10)))); // Ascension Day, a Thursday
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_calendar_survives_a_json_round_trip_unchanged(bool webNaming)
    {
        var calendar = CopenhagenSample.DinSocialeIndgang with
        {
            Holidays = new HolidayRule
            {
                Days = new HolidayOptions(ConstitutionDay: true),
                Treatment = HolidayTreatment.HolidayHours,
                Hours = OpeningInterval.Hours("10-12", "22-24"),
            },
            SpecialDays =
            [
                SpecialDay.Closed(new DateOnly(2026, 12, 31), "New Year's Eve"),
                SpecialDay.Open(new DateOnly(2026, 12, 25), "Crisis line", "9-12"),
            ],
        };
        var options = webNaming ? new JsonSerializerOptions(JsonSerializerDefaults.Web) : new JsonSerializerOptions();

        var json = JsonSerializer.Serialize(calendar, options);
        var back = JsonSerializer.Deserialize<BusinessCalendar>(json, options);

        Assert.Equal(calendar, back);
        Assert.Equal(calendar.GetHashCode(), back!.GetHashCode());
        Assert.Equal(json, JsonSerializer.Serialize(back, options));
    }

    [Fact]
    public void A_calendar_read_from_minimal_json_gets_the_defaults()
    {
        var calendar = JsonSerializer.Deserialize<BusinessCalendar>("""{"Name":"Minimal","Hours":{"Monday":[{"Opens":"09:00:00","Closes":"1.00:00:00"}]}}""")!;
        Assert.Empty(calendar.Validate());
        Assert.Equal(HolidayRule.ClosedOnStatutoryHolidays, calendar.Holidays);
        Assert.True(calendar.IsOpen(CopenhagenTime.ToInstant(new DateOnly(2026, 3, 9), new TimeSpan(23, 59, 59))));
        Assert.False(calendar.IsOpen(CopenhagenTime.ToInstant(new DateOnly(2026, 3, 10), TimeSpan.FromHours(10))));
    }

    [Fact]
    public void Calendars_compare_by_value()
    {
        var one = CopenhagenSample.HjemmeplejeSuf with { SpecialDays = [SpecialDay.Closed(new DateOnly(2026, 3, 10), "Staff day")] };
        var other = CopenhagenSample.HjemmeplejeSuf with { SpecialDays = [SpecialDay.Closed(new DateOnly(2026, 3, 10), "Staff day")] };
        Assert.Equal(one, other);
        Assert.Equal(one.GetHashCode(), other.GetHashCode());
        Assert.NotEqual(one, other with { SpecialDays = [] });
        Assert.Equal(new BusinessCalendar { Name = "A", Hours = WeeklySchedule.Weekdays("9-12") }, new BusinessCalendar { Name = "A", Hours = WeeklySchedule.Weekdays("09:00-12:00") });
        Assert.NotEqual(WeeklySchedule.Weekdays("9-12"), WeeklySchedule.Weekdays("9-13"));
    }
}
