using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace ContactCenter.Actors.Calendar;

/// <summary>A Danish public holiday, or one of the two days a calendar may choose to treat as one.</summary>
public enum DanishHoliday
{
    NewYearsDay,
    MaundyThursday,
    GoodFriday,
    EasterSunday,
    EasterMonday,
    GreatPrayerDay,
    AscensionDay,
    WhitSunday,
    WhitMonday,
    ConstitutionDay,
    ChristmasEve,
    ChristmasDay,
    BoxingDay,
}

/// <summary>One holiday on its date in a given year, with its Danish and English names.</summary>
public sealed record PublicHoliday(DateOnly Date, DanishHoliday Holiday, string DanishName, string EnglishName);

/// <summary>
/// Which optional days a calendar closes as holidays: Constitution Day (5 June) and Christmas Eve (24 December)
/// are not statutory holidays, but many offices close on them.
/// </summary>
public sealed record HolidayOptions(bool ConstitutionDay = false, bool ChristmasEve = false)
{
    /// <summary>The statutory holidays only.</summary>
    public static HolidayOptions Statutory { get; } = new();

    /// <summary>The statutory holidays plus Constitution Day and Christmas Eve.</summary>
    public static HolidayOptions WithConstitutionDayAndChristmasEve { get; } = new(ConstitutionDay: true, ChristmasEve: true);
}

/// <summary>Danish public holidays computed from the rules for any year; there is no hand-kept list of dates.</summary>
public static class DanishHolidays
{
    /// <summary>Great Prayer Day was abolished by law from 2024 on.</summary>
    public const int LastYearWithGreatPrayerDay = 2023;

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, as used by the Danish church).</summary>
    public static DateOnly EasterSunday(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);

        // The algorithm's customary letters: a = place in the 19-year lunar cycle, h = epact-like
        // moon age, l = days from the paschal full moon to the next Sunday, m = a rare correction.
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = (19 * a + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + 2 * e + 2 * i - h - k) % 7;
        var m = (a + 11 * h + 22 * l) / 451;
        var monthAndDay = h + l - 7 * m + 114;
        return new DateOnly(year, monthAndDay / 31, monthAndDay % 31 + 1);
    }

    /// <summary>The holidays of <paramref name="year"/> in date order.</summary>
    public static ImmutableArray<PublicHoliday> HolidaysIn(int year, HolidayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var easter = EasterSunday(year);
        var days = ImmutableArray.CreateBuilder<PublicHoliday>(13);

        days.Add(On(new DateOnly(year, 1, 1), DanishHoliday.NewYearsDay));
        days.Add(On(easter.AddDays(-3), DanishHoliday.MaundyThursday));
        days.Add(On(easter.AddDays(-2), DanishHoliday.GoodFriday));
        days.Add(On(easter, DanishHoliday.EasterSunday));
        days.Add(On(easter.AddDays(1), DanishHoliday.EasterMonday));
        // The fourth Friday after Easter Sunday.
        if (year <= LastYearWithGreatPrayerDay) days.Add(On(easter.AddDays(26), DanishHoliday.GreatPrayerDay));
        days.Add(On(easter.AddDays(39), DanishHoliday.AscensionDay));
        days.Add(On(easter.AddDays(49), DanishHoliday.WhitSunday));
        days.Add(On(easter.AddDays(50), DanishHoliday.WhitMonday));
        if (options.ConstitutionDay) days.Add(On(new DateOnly(year, 6, 5), DanishHoliday.ConstitutionDay));
        if (options.ChristmasEve) days.Add(On(new DateOnly(year, 12, 24), DanishHoliday.ChristmasEve));
        days.Add(On(new DateOnly(year, 12, 25), DanishHoliday.ChristmasDay));
        days.Add(On(new DateOnly(year, 12, 26), DanishHoliday.BoxingDay));

        // Whit Monday can fall on 14 June at the latest, so Constitution Day may come before or after Whitsun.
        return days.OrderBy(d => d.Date).ToImmutableArray();
    }

    /// <summary>Whether <paramref name="date"/> is a holiday under <paramref name="options"/>, and which.</summary>
    public static bool IsHoliday(DateOnly date, HolidayOptions options, [NotNullWhen(true)] out PublicHoliday? holiday)
    {
        foreach (var candidate in HolidaysIn(date.Year, options))
        {
            if (candidate.Date == date)
            {
                holiday = candidate;
                return true;
            }
        }
        holiday = null;
        return false;
    }

    public static string DanishName(DanishHoliday holiday) => holiday switch
    {
        DanishHoliday.NewYearsDay => "Nytårsdag",
        DanishHoliday.MaundyThursday => "Skærtorsdag",
        DanishHoliday.GoodFriday => "Langfredag",
        DanishHoliday.EasterSunday => "Påskedag",
        DanishHoliday.EasterMonday => "2. påskedag",
        DanishHoliday.GreatPrayerDay => "Store bededag",
        DanishHoliday.AscensionDay => "Kristi himmelfartsdag",
        DanishHoliday.WhitSunday => "Pinsedag",
        DanishHoliday.WhitMonday => "2. pinsedag",
        DanishHoliday.ConstitutionDay => "Grundlovsdag",
        DanishHoliday.ChristmasEve => "Juleaftensdag",
        DanishHoliday.ChristmasDay => "Juledag",
        DanishHoliday.BoxingDay => "2. juledag",
        _ => throw new ArgumentOutOfRangeException(nameof(holiday), holiday, "Not a Danish holiday."),
    };

    public static string EnglishName(DanishHoliday holiday) => holiday switch
    {
        DanishHoliday.NewYearsDay => "New Year's Day",
        DanishHoliday.MaundyThursday => "Maundy Thursday",
        DanishHoliday.GoodFriday => "Good Friday",
        DanishHoliday.EasterSunday => "Easter Sunday",
        DanishHoliday.EasterMonday => "Easter Monday",
        DanishHoliday.GreatPrayerDay => "Great Prayer Day",
        DanishHoliday.AscensionDay => "Ascension Day",
        DanishHoliday.WhitSunday => "Whit Sunday",
        DanishHoliday.WhitMonday => "Whit Monday",
        DanishHoliday.ConstitutionDay => "Constitution Day",
        DanishHoliday.ChristmasEve => "Christmas Eve",
        DanishHoliday.ChristmasDay => "Christmas Day",
        DanishHoliday.BoxingDay => "Boxing Day",
        _ => throw new ArgumentOutOfRangeException(nameof(holiday), holiday, "Not a Danish holiday."),
    };

    private static PublicHoliday On(DateOnly date, DanishHoliday holiday) =>
        new(date, holiday, DanishName(holiday), EnglishName(holiday));
}
