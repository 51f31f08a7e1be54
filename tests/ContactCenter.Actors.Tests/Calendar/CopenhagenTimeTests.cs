using ContactCenter.Actors.Calendar;
using Xunit;

namespace ContactCenter.Actors.Tests.Calendar;

public sealed class CopenhagenTimeTests
{
    private static readonly DateOnly SpringForward2026 = new(2026, 3, 29);
    private static readonly DateOnly FallBack2026 = new(2026, 10, 25);

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    private static DateTimeOffset At(DateOnly day, int hour, int minute = 0) =>
        CopenhagenTime.ToInstant(day, new TimeSpan(hour, minute, 0));

    [Fact]
    public void Ordinary_times_get_winter_or_summer_offset()
    {
        Assert.Equal(Utc(1, 15, 8), At(new DateOnly(2026, 1, 15), 9));
        Assert.Equal(Utc(7, 15, 7), At(new DateOnly(2026, 7, 15), 9));
        Assert.Equal(TimeSpan.FromHours(2), At(new DateOnly(2026, 7, 15), 9).Offset);
    }

    [Fact]
    public void Midnight_at_24_00_is_the_start_of_the_next_day()
    {
        Assert.Equal(At(new DateOnly(2026, 1, 16), 0), CopenhagenTime.ToInstant(new DateOnly(2026, 1, 15), OpeningInterval.EndOfDay));
    }

    [Fact]
    public void On_the_spring_night_a_skipped_time_becomes_the_jump_to_03_00_summer_time()
    {
        // 02:00 CET becomes 03:00 CEST at 01:00 UTC; 02:00-02:59 never shows on the clock.
        Assert.Equal(Utc(3, 29, 0, 59), At(SpringForward2026, 1, 59));
        Assert.Equal(Utc(3, 29, 1), At(SpringForward2026, 2));
        Assert.Equal(Utc(3, 29, 1), At(SpringForward2026, 2, 30));
        Assert.Equal(Utc(3, 29, 1), At(SpringForward2026, 3));
        Assert.Equal(Utc(3, 29, 2), At(SpringForward2026, 4));
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 3, 0, 0, TimeSpan.FromHours(2)), At(SpringForward2026, 2, 30));
    }

    [Fact]
    public void On_the_autumn_night_a_repeated_time_means_its_first_occurrence_in_summer_time()
    {
        // 03:00 CEST becomes 02:00 CET at 01:00 UTC; 02:00-02:59 shows twice.
        Assert.Equal(Utc(10, 24, 23, 59), At(FallBack2026, 1, 59));
        Assert.Equal(Utc(10, 25, 0), At(FallBack2026, 2));
        Assert.Equal(Utc(10, 25, 0, 30), At(FallBack2026, 2, 30));
        Assert.Equal(TimeSpan.FromHours(2), At(FallBack2026, 2, 30).Offset);
        Assert.Equal(Utc(10, 25, 2), At(FallBack2026, 3));
    }

    [Fact]
    public void Both_readings_of_the_repeated_hour_belong_to_the_same_Copenhagen_day()
    {
        Assert.Equal(FallBack2026, CopenhagenTime.DayOf(Utc(10, 25, 0, 30)));
        Assert.Equal(FallBack2026, CopenhagenTime.DayOf(Utc(10, 25, 1, 30)));
        Assert.Equal(FallBack2026.AddDays(-1), CopenhagenTime.DayOf(Utc(10, 24, 21, 59)));
    }

    [Fact]
    public void The_fallback_zone_for_machines_without_tzdata_keeps_the_same_summer_time()
    {
        var fallback = CopenhagenTime.EuropeanCentralTime();
        for (var instant = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero); instant.Year < 2031; instant = instant.AddMinutes(30))
        {
            Assert.Equal(CopenhagenTime.Zone.GetUtcOffset(instant), fallback.GetUtcOffset(instant));
        }
        Assert.Equal(Utc(3, 29, 1), CopenhagenTime.ToInstant(SpringForward2026, new TimeSpan(2, 30, 0), fallback));
        Assert.Equal(Utc(10, 25, 0, 30), CopenhagenTime.ToInstant(FallBack2026, new TimeSpan(2, 30, 0), fallback));
    }
}
