using ContactCenter.Actors.Calendar;
using Xunit;

namespace ContactCenter.Actors.Tests.Calendar;

public sealed class DanishHolidaysTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static DateOnly DateOf(int year, DanishHoliday holiday, HolidayOptions? options = null) =>
        DanishHolidays.HolidaysIn(year, options ?? HolidayOptions.WithConstitutionDayAndChristmasEve).Single(h => h.Holiday == holiday).Date;

    [Theory]
    [InlineData(1818, "1818-03-22")] // earliest possible date
    [InlineData(1943, "1943-04-25")] // latest possible date
    [InlineData(2000, "2000-04-23")]
    [InlineData(2008, "2008-03-23")]
    [InlineData(2011, "2011-04-24")]
    [InlineData(2019, "2019-04-21")]
    [InlineData(2023, "2023-04-09")]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2030, "2030-04-21")]
    [InlineData(2038, "2038-04-25")]
    [InlineData(2285, "2285-03-22")]
    public void Easter_Sunday_matches_the_published_date(int year, string expected)
    {
        Assert.Equal(D(expected), DanishHolidays.EasterSunday(year));
        Assert.Equal(D(expected), DateOf(year, DanishHoliday.EasterSunday));
    }

    [Fact]
    public void Easter_is_always_a_Sunday_between_22_March_and_25_April()
    {
        for (var year = 1583; year <= 9999; year++)
        {
            var easter = DanishHolidays.EasterSunday(year);
            Assert.Equal(DayOfWeek.Sunday, easter.DayOfWeek);
            Assert.InRange(easter, new DateOnly(year, 3, 22), new DateOnly(year, 4, 25));
        }
    }

    [Theory]
    // Published Danish holiday calendars.
    [InlineData(2024, DanishHoliday.MaundyThursday, "2024-03-28")]
    [InlineData(2024, DanishHoliday.GoodFriday, "2024-03-29")]
    [InlineData(2024, DanishHoliday.EasterMonday, "2024-04-01")]
    [InlineData(2024, DanishHoliday.AscensionDay, "2024-05-09")]
    [InlineData(2024, DanishHoliday.WhitSunday, "2024-05-19")]
    [InlineData(2024, DanishHoliday.WhitMonday, "2024-05-20")]
    [InlineData(2025, DanishHoliday.MaundyThursday, "2025-04-17")]
    [InlineData(2025, DanishHoliday.GoodFriday, "2025-04-18")]
    [InlineData(2025, DanishHoliday.EasterMonday, "2025-04-21")]
    [InlineData(2025, DanishHoliday.AscensionDay, "2025-05-29")]
    [InlineData(2025, DanishHoliday.WhitSunday, "2025-06-08")]
    [InlineData(2025, DanishHoliday.WhitMonday, "2025-06-09")]
    [InlineData(2026, DanishHoliday.MaundyThursday, "2026-04-02")]
    [InlineData(2026, DanishHoliday.GoodFriday, "2026-04-03")]
    [InlineData(2026, DanishHoliday.EasterMonday, "2026-04-06")]
    [InlineData(2026, DanishHoliday.AscensionDay, "2026-05-14")]
    [InlineData(2026, DanishHoliday.WhitSunday, "2026-05-24")]
    [InlineData(2026, DanishHoliday.WhitMonday, "2026-05-25")]
    [InlineData(2027, DanishHoliday.MaundyThursday, "2027-03-25")]
    [InlineData(2027, DanishHoliday.GoodFriday, "2027-03-26")]
    [InlineData(2027, DanishHoliday.EasterMonday, "2027-03-29")]
    [InlineData(2027, DanishHoliday.AscensionDay, "2027-05-06")]
    [InlineData(2027, DanishHoliday.WhitMonday, "2027-05-17")]
    [InlineData(2030, DanishHoliday.AscensionDay, "2030-05-30")]
    [InlineData(2030, DanishHoliday.WhitMonday, "2030-06-10")]
    [InlineData(2023, DanishHoliday.GreatPrayerDay, "2023-05-05")]
    [InlineData(2022, DanishHoliday.GreatPrayerDay, "2022-05-13")]
    [InlineData(2023, DanishHoliday.AscensionDay, "2023-05-18")]
    [InlineData(2023, DanishHoliday.WhitMonday, "2023-05-29")]
    public void Movable_holidays_match_the_published_dates(int year, DanishHoliday holiday, string expected)
    {
        Assert.Equal(D(expected), DateOf(year, holiday));
    }

    [Theory]
    [InlineData(2024)]
    [InlineData(2026)]
    [InlineData(2031)]
    public void Fixed_holidays_fall_on_their_dates(int year)
    {
        Assert.Equal(new DateOnly(year, 1, 1), DateOf(year, DanishHoliday.NewYearsDay));
        Assert.Equal(new DateOnly(year, 12, 25), DateOf(year, DanishHoliday.ChristmasDay));
        Assert.Equal(new DateOnly(year, 12, 26), DateOf(year, DanishHoliday.BoxingDay));
        Assert.Equal(new DateOnly(year, 6, 5), DateOf(year, DanishHoliday.ConstitutionDay));
        Assert.Equal(new DateOnly(year, 12, 24), DateOf(year, DanishHoliday.ChristmasEve));
    }

    [Fact]
    public void Great_Prayer_Day_is_a_holiday_up_to_2023_and_not_from_2024()
    {
        Assert.True(DanishHolidays.IsHoliday(D("2023-05-05"), HolidayOptions.Statutory, out var prayerDay));
        Assert.Equal(DanishHoliday.GreatPrayerDay, prayerDay.Holiday);
        Assert.Equal("Store bededag", prayerDay.DanishName);
        Assert.Equal("Great Prayer Day", prayerDay.EnglishName);

        Assert.False(DanishHolidays.IsHoliday(D("2024-04-26"), HolidayOptions.Statutory, out var none));
        Assert.Null(none);
        Assert.DoesNotContain(DanishHolidays.HolidaysIn(2024, HolidayOptions.WithConstitutionDayAndChristmasEve), h => h.Holiday == DanishHoliday.GreatPrayerDay);
    }

    [Fact]
    public void A_year_has_ten_statutory_holidays_from_2024_and_eleven_before()
    {
        Assert.Equal(11, DanishHolidays.HolidaysIn(2023, HolidayOptions.Statutory).Length);
        Assert.Equal(10, DanishHolidays.HolidaysIn(2024, HolidayOptions.Statutory).Length);
        Assert.Equal(10, DanishHolidays.HolidaysIn(2026, HolidayOptions.Statutory).Length);
        Assert.Equal(12, DanishHolidays.HolidaysIn(2026, HolidayOptions.WithConstitutionDayAndChristmasEve).Length);
    }

    [Fact]
    public void Constitution_Day_and_Christmas_Eve_are_holidays_only_when_the_calendar_says_so()
    {
        var constitutionDay = new DateOnly(2026, 6, 5);
        var christmasEve = new DateOnly(2026, 12, 24);

        Assert.False(DanishHolidays.IsHoliday(constitutionDay, HolidayOptions.Statutory, out _));
        Assert.False(DanishHolidays.IsHoliday(christmasEve, HolidayOptions.Statutory, out _));

        Assert.True(DanishHolidays.IsHoliday(constitutionDay, new HolidayOptions(ConstitutionDay: true), out var grundlovsdag));
        Assert.Equal("Grundlovsdag", grundlovsdag.DanishName);
        Assert.False(DanishHolidays.IsHoliday(christmasEve, new HolidayOptions(ConstitutionDay: true), out _));

        Assert.True(DanishHolidays.IsHoliday(christmasEve, new HolidayOptions(ChristmasEve: true), out var juleaften));
        Assert.Equal("Christmas Eve", juleaften.EnglishName);
        Assert.False(DanishHolidays.IsHoliday(constitutionDay, new HolidayOptions(ChristmasEve: true), out _));
    }

    [Fact]
    public void Holidays_come_in_date_order_even_when_Whitsun_falls_after_Constitution_Day()
    {
        // Easter 2038 is 25 April, so Whit Sunday is 13 June, after 5 June.
        var holidays = DanishHolidays.HolidaysIn(2038, HolidayOptions.WithConstitutionDayAndChristmasEve);
        Assert.Equal(holidays.OrderBy(h => h.Date).Select(h => h.Date), holidays.Select(h => h.Date));
        Assert.Equal(D("2038-06-13"), holidays.Single(h => h.Holiday == DanishHoliday.WhitSunday).Date);
    }

    [Fact]
    public void An_ordinary_day_is_not_a_holiday()
    {
        Assert.False(DanishHolidays.IsHoliday(D("2026-03-10"), HolidayOptions.WithConstitutionDayAndChristmasEve, out _));
    }

    [Fact]
    public void Every_holiday_has_a_Danish_and_an_English_name()
    {
        foreach (var holiday in Enum.GetValues<DanishHoliday>())
        {
            Assert.False(string.IsNullOrWhiteSpace(DanishHolidays.DanishName(holiday)));
            Assert.False(string.IsNullOrWhiteSpace(DanishHolidays.EnglishName(holiday)));
        }
    }
}
