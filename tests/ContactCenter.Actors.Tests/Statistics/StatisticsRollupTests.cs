using System.Text.Json;
using ContactCenter.Actors.Statistics;
using Xunit;
using static ContactCenter.Actors.Tests.Statistics.ScriptedDay;

namespace ContactCenter.Actors.Tests.Statistics;

/// <summary>Quarter hours of old days are rolled up into one figure per day; the day's figures do not change.</summary>
public sealed class StatisticsRollupTests
{
    private const int KeepDays = 62;
    private static readonly CenterStatistics Folded = Fold(All);

    /// <summary>The scripted day, and one call on a day <paramref name="daysLater"/> days after it.</summary>
    private static CenterStatistics WithALaterDay(int daysLater) => Folded with
    {
        QueueIntervals = Folded.QueueIntervals.SetItem(
            new SlotKey("q1", Day.AddDays(daysLater), 40).ToString(), QueueInterval.Empty with { Offered = 1 }),
    };

    private static string DayReports(CenterStatistics s) => JsonSerializer.Serialize(new
    {
        Queues = StatisticsReports.Queues(s, Day, Day, IntervalLength.Day, Settings),
        Departments = StatisticsReports.Departments(s, Day, Day, IntervalLength.Day, Settings),
        Agents = StatisticsReports.Agents(s, Day, Day, IntervalLength.Day),
        Menus = StatisticsReports.Menus(s, Day, Day, IntervalLength.Day),
    });

    private static IEnumerable<SlotKey> KeysOf(CenterStatistics s, DateOnly day) =>
        s.QueueIntervals.Keys.Concat(s.AgentIntervals.Keys).Concat(s.MenuIntervals.Keys).Select(SlotKey.Parse).Where(k => k.Day == day);

    [Fact]
    public void A_day_within_the_kept_days_keeps_its_quarter_hours()
    {
        var s = WithALaterDay(KeepDays);
        Assert.Same(s.QueueIntervals, StatisticsRollup.Apply(s, KeepDays).QueueIntervals);
    }

    [Fact]
    public void An_older_day_becomes_one_figure_per_subject_with_the_same_day_totals()
    {
        var before = WithALaterDay(KeepDays + 1);
        var after = StatisticsRollup.Apply(before, KeepDays);

        Assert.All(KeysOf(after, Day), k => Assert.True(k.IsWholeDay, $"{k} was not rolled up"));
        Assert.Equal(KeysOf(before, Day).Select(k => k.Subject).Distinct().Order(), KeysOf(after, Day).Select(k => k.Subject).Order());
        Assert.Equal(DayReports(before), DayReports(after));
        // The later day is untouched.
        Assert.Contains(new SlotKey("q1", Day.AddDays(KeepDays + 1), 40).ToString(), after.QueueIntervals.Keys);
    }

    [Fact]
    public void Quarter_hour_reports_of_a_rolled_up_day_give_one_row_of_a_day()
    {
        var after = StatisticsRollup.Apply(WithALaterDay(100), KeepDays);
        var quarters = StatisticsReports.Queues(after, Day, Day, IntervalLength.Quarter, Settings);
        var days = StatisticsReports.Queues(after, Day, Day, IntervalLength.Day, Settings);

        Assert.Equal(days.Select(r => (r.Subject, r.Start, r.Minutes, r.Offered)), quarters.Select(r => (r.Subject, r.Start, r.Minutes, r.Offered)));
        Assert.All(quarters, r => Assert.Equal(1440, r.Minutes));
        Assert.All(StatisticsReports.Agents(after, Day, Day, IntervalLength.HalfHour), r => Assert.Equal(1440, r.Minutes));
    }

    [Fact]
    public void A_late_event_for_a_rolled_up_day_is_summed_in_at_the_next_roll_up()
    {
        var rolled = StatisticsRollup.Apply(WithALaterDay(100), KeepDays);
        var offered = StatisticsReports.Queues(rolled, Day, Day, IntervalLength.Day, Settings).Single(r => r.Subject == "q1").Offered;

        var late = rolled with
        {
            QueueIntervals = rolled.QueueIntervals.SetItem(new SlotKey("q1", Day, 50).ToString(), QueueInterval.Empty with { Offered = 2 }),
        };
        var again = StatisticsRollup.Apply(late, KeepDays);

        Assert.All(KeysOf(again, Day), k => Assert.True(k.IsWholeDay));
        Assert.Equal(offered + 2, StatisticsReports.Queues(again, Day, Day, IntervalLength.Day, Settings).Single(r => r.Subject == "q1").Offered);
        Assert.Equal(DayReports(again), DayReports(StatisticsRollup.Apply(again, KeepDays))); // idempotent
    }
}
