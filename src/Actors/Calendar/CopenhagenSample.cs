using System.Collections.Immutable;

namespace ContactCenter.Actors.Calendar;

/// <summary>
/// Weekday hours of the first-roll areas moving to Copenhagen Citizen Service (DOMAIN.md, first roll table),
/// closed at weekends and on statutory holidays. Constitution Day and Christmas Eve are left open here because
/// the source does not say; each department's service agreement decides.
/// </summary>
public static class CopenhagenSample
{
    /// <summary>Pladsanvisning (BUF, childcare places): Mon 9-13, Tue 9-13, Wed closed, Thu 13-18, Fri 9-13.</summary>
    public static BusinessCalendar Pladsanvisning { get; } = new()
    {
        Name = "Pladsanvisning",
        Hours = new WeeklySchedule
        {
            Monday = OpeningInterval.Hours("9-13"),
            Tuesday = OpeningInterval.Hours("9-13"),
            Thursday = OpeningInterval.Hours("13-18"),
            Friday = OpeningInterval.Hours("9-13"),
        },
    };

    /// <summary>Din Sociale Indgang (SOF): Mon-Wed 9-15, Thu 12-17, Fri 9-13.</summary>
    public static BusinessCalendar DinSocialeIndgang { get; } = new()
    {
        Name = "Din Sociale Indgang",
        Hours = WeeklySchedule.Weekdays("9-15")
            .With(DayOfWeek.Thursday, "12-17")
            .With(DayOfWeek.Friday, "9-13"),
    };

    /// <summary>Hjemmepleje (SUF, home care 65+): Mon-Fri 7:00-15:30; outside these hours calls go to the department's own line.</summary>
    public static BusinessCalendar HjemmeplejeSuf { get; } = new()
    {
        Name = "Hjemmepleje (SUF)",
        Hours = WeeklySchedule.Weekdays("7:00-15:30"),
    };

    /// <summary>Hjemmepleje (SOF, home care 18-65): Mon-Fri 7:30-15:30; outside these hours calls go to the department's own line.</summary>
    public static BusinessCalendar HjemmeplejeSof { get; } = new()
    {
        Name = "Hjemmepleje (SOF)",
        Hours = WeeklySchedule.Weekdays("7:30-15:30"),
    };

    /// <summary>Biblioteket Online (KFF, libraries), the new hours at go-live: Mon-Wed 8-16, Thu 8-17, Fri 8-15.</summary>
    public static BusinessCalendar BibliotekOnline { get; } = new()
    {
        Name = "Biblioteket Online",
        Hours = WeeklySchedule.Weekdays("8-16")
            .With(DayOfWeek.Thursday, "8-17")
            .With(DayOfWeek.Friday, "8-15"),
    };

    public static ImmutableArray<BusinessCalendar> FirstRoll { get; } =
        [Pladsanvisning, DinSocialeIndgang, HjemmeplejeSuf, HjemmeplejeSof, BibliotekOnline];
}
