using ContactCenter.Actors.Statistics;
using Xunit;
using static ContactCenter.Actors.Tests.Statistics.ScriptedDay;

namespace ContactCenter.Actors.Tests.Statistics;

/// <summary>The scripted day folded purely: every figure checked against the hand-worked values.</summary>
public sealed class StatisticsFoldTests
{
    private static readonly CenterStatistics Folded = Fold(All);

    private static QueueFigures Row(IReadOnlyList<QueueFigures> rows, string subject, DateTimeOffset start) =>
        Assert.Single(rows, r => r.Subject == subject && r.Start == start);

    [Fact]
    public void Quarter_hours_of_a_queue_count_each_call_in_the_interval_it_arrived()
    {
        var rows = StatisticsReports.Queues(Folded, Day, Day, IntervalLength.Quarter, Settings);
        var nine = Row(rows, "q1", At(9, 0));
        Assert.Equal((15, 3, 1, 1, 1, 1), (nine.Minutes, nine.Offered, nine.Answered, nine.Abandoned, nine.ShortAbandoned, nine.AnsweredWithinThreshold));
        Assert.Equal(50, nine.ServiceLevelPercent);            // 1 within / (1 answered + 1 abandoned; the short abandon left out)
        Assert.Equal(15, nine.AverageSpeedOfAnswerSeconds);
        Assert.Equal(40, nine.LongestWaitSeconds);
        Assert.Equal(1, nine.Handled);
        Assert.Equal(180, nine.AverageTalkSeconds);
        Assert.Equal(30, nine.AverageAfterCallWorkSeconds);
        Assert.Equal(210, nine.AverageHandleSeconds);
        Assert.Equal(100, nine.FirstContactResolutionPercent);
        Assert.Equal(1, nine.Dispositions["resolved"]);

        var quarterPast = Row(rows, "q1", At(9, 15));
        Assert.Equal((1, 1, 0, 0, 0), (quarterPast.Offered, quarterPast.Answered, quarterPast.AnsweredWithinThreshold, quarterPast.Abandoned, quarterPast.ShortAbandoned));
        Assert.Equal(0, quarterPast.ServiceLevelPercent);
        Assert.Equal(25, quarterPast.AverageSpeedOfAnswerSeconds);
        Assert.Equal(25, quarterPast.LongestWaitSeconds);
        Assert.Equal(300, quarterPast.AverageTalkSeconds);
        Assert.Equal(25, quarterPast.AverageAfterCallWorkSeconds);   // wrap-up ended by the break after 25 s
        Assert.Equal(325, quarterPast.AverageHandleSeconds);
        Assert.Equal(0, quarterPast.FirstContactResolutionPercent);

        Assert.Equal(2, rows.Count(r => r.Subject == "q1"));
        var q2 = Row(rows, "q2", At(9, 0));
        Assert.Equal((1, 1, 1, 100.0), (q2.Offered, q2.Answered, q2.AnsweredWithinThreshold, q2.ServiceLevelPercent));
        Assert.Equal(1, Row(rows, "q2", At(18, 30)).ForwardedAfterHours);
    }

    [Fact]
    public void Half_hours_and_the_day_add_up_their_quarters()
    {
        var half = Assert.Single(StatisticsReports.Queues(Folded, Day, Day, IntervalLength.HalfHour, Settings, "q1"));
        var day = Assert.Single(StatisticsReports.Queues(Folded, Day, Day, IntervalLength.Day, Settings, "q1"));
        Assert.Equal(At(9, 0), half.Start);
        Assert.Equal(At(0, 0), day.Start);
        foreach (var row in new[] { half, day })
        {
            Assert.Equal((4, 2, 1, 1, 1), (row.Offered, row.Answered, row.AnsweredWithinThreshold, row.Abandoned, row.ShortAbandoned));
            Assert.Equal(33.33, row.ServiceLevelPercent);       // 1 / (2 + 1)
            Assert.Equal(20, row.AverageSpeedOfAnswerSeconds);  // (15 + 25) / 2
            Assert.Equal(40, row.LongestWaitSeconds);
            Assert.Equal(2, row.Handled);
            Assert.Equal(240, row.AverageTalkSeconds);
            Assert.Equal(27.5, row.AverageAfterCallWorkSeconds);
            Assert.Equal(267.5, row.AverageHandleSeconds);      // (480 + 55) / 2
            Assert.Equal(50, row.FirstContactResolutionPercent);
            Assert.Equal(0, row.ForwardedAfterHours);
            Assert.Equal((0, 0, 0, 0, 0), (row.ColdTransfers, row.WarmTransfers, row.CallbacksRequested, row.CallbacksCompleted, row.HypercareOverflows));
        }
        var q2 = Assert.Single(StatisticsReports.Queues(Folded, Day, Day, IntervalLength.Day, Settings, "q2"));
        Assert.Equal((2, 1, 1, 1, 100.0, 30.0, 60.0), (q2.Offered, q2.Answered, q2.AnsweredWithinThreshold, q2.ForwardedAfterHours,
            q2.ServiceLevelPercent, q2.AverageSpeedOfAnswerSeconds, q2.AverageTalkSeconds));
        Assert.Null(q2.AverageAfterCallWorkSeconds);
        Assert.Equal(0, q2.FirstContactResolutionPercent);   // ended without the "resolved" disposition
    }

    [Fact]
    public void Departments_total_their_queues()
    {
        var rows = StatisticsReports.Departments(Folded, Day, Day, IntervalLength.Day, Settings);
        Assert.Equal(["BUF", "SUF"], rows.Select(r => r.Subject));
        Assert.Equal((4, 2, 33.33), (rows[0].Offered, rows[0].Answered, rows[0].ServiceLevelPercent));
        Assert.Equal((2, 1, 1), (rows[1].Offered, rows[1].Answered, rows[1].ForwardedAfterHours));
        Assert.Empty(StatisticsReports.Queues(Folded, Day.AddDays(1), Day.AddDays(7), IntervalLength.Day, Settings));
    }

    [Fact]
    public void Agent_time_is_split_by_state_and_interval()
    {
        var day = Assert.Single(StatisticsReports.Agents(Folded, Day, Day, IntervalLength.Day, agentId: "a1"));
        Assert.Equal(7200, day.LoggedInSeconds);
        Assert.Equal(5515, day.ReadySeconds);
        Assert.Equal(480, day.TalkSeconds);
        Assert.Equal(55, day.WrapUpSeconds);
        Assert.Equal(1150, day.PausedSeconds);
        Assert.Equal(300, day.PausedByReason["not-ready"]);
        Assert.Equal(850, day.PausedByReason["break"]);
        Assert.Equal(2, day.CallsHandled);
        Assert.Equal(8.84, day.OccupancyPercent);             // 535 / 6050

        var quarters = StatisticsReports.Agents(Folded, Day, Day, IntervalLength.Quarter, agentId: "a1").ToDictionary(r => r.Start);
        Assert.Equal((900.0, 690.0, 180.0, 30.0, 1), (quarters[At(9, 0)].LoggedInSeconds, quarters[At(9, 0)].ReadySeconds,
            quarters[At(9, 0)].TalkSeconds, quarters[At(9, 0)].WrapUpSeconds, quarters[At(9, 0)].CallsHandled));
        Assert.Equal((325.0, 300.0, 25.0, 250.0, 1), (quarters[At(9, 15)].ReadySeconds, quarters[At(9, 15)].TalkSeconds,
            quarters[At(9, 15)].WrapUpSeconds, quarters[At(9, 15)].PausedByReason["break"], quarters[At(9, 15)].CallsHandled));
        Assert.Equal(8, quarters.Count);                        // 08:00 to 10:00
    }

    [Fact]
    public void The_state_an_agent_is_in_counts_up_to_now()
    {
        Assert.Empty(StatisticsReports.Agents(Folded, Day, Day, IntervalLength.Day, agentId: "a2"));
        var a2 = Assert.Single(StatisticsReports.Agents(Folded, Day, Day, IntervalLength.Day, now: At(10, 0), agentId: "a2"));
        Assert.Equal((5400.0, 5400.0), (a2.LoggedInSeconds, a2.ReadySeconds));
    }

    [Fact]
    public void Live_view_counts_serving_agents_by_state_and_estimates_the_wait()
    {
        // a1 logged out, a2 ready (level 3), a3 paused but below q1's minimum level 2.
        var live = StatisticsReports.Live(Folded, "q1", waitingNow: 3, oldestWaitSeconds: 12, now: At(9, 30), Settings);
        Assert.Equal(new AgentsByState(1, 0, 0, 0), live.Agents);
        Assert.Equal(802.5, live.EstimatedWaitSeconds);        // (3 − 1 + 1) × 267.5 / 1
        Assert.Equal(33.33, live.ServiceLevelLast30MinutesPercent);
        Assert.Equal((2, 1), (live.AnsweredLast30Minutes, live.AbandonedLast30Minutes));

        Assert.Equal(0, StatisticsReports.Live(Folded, "q1", 0, 0, At(9, 30), Settings).EstimatedWaitSeconds);
        var later = StatisticsReports.Live(Folded, "q1", 0, 0, At(9, 45), Settings);   // only c4 (25 s) is in the window
        Assert.Equal((1, 0, 0.0), (later.AnsweredLast30Minutes, later.AbandonedLast30Minutes, later.ServiceLevelLast30MinutesPercent));
        Assert.Null(StatisticsReports.Live(Folded, "q2", 1, 0, At(9, 30), Settings).EstimatedWaitSeconds);   // nobody serves q2
    }

    [Fact]
    public void Folding_an_offset_twice_changes_nothing()
    {
        var events = All;
        var once = Fold(events);
        var twice = events.Select((e, i) => (e, i)).Aggregate(once,
            (s, x) => StatisticsFold.Apply(s, x.e.Tag, x.i + 1, x.e.PersistenceId, x.e.Event));
        Assert.Equal(Reports(once), Reports(twice));
    }

    [Fact]
    public void Csv_has_a_header_and_one_line_per_row()
    {
        var csv = StatisticsReports.Csv(StatisticsReports.Queues(Folded, Day, Day, IntervalLength.Day, Settings)).TrimEnd().Split('\n');
        Assert.Equal(3, csv.Length);
        Assert.StartsWith("subject,start,minutes,offered,answered,abandoned,short_abandoned", csv[0]);
        Assert.StartsWith("q1,2026-11-23T00:00:00+01:00,1440,4,2,1,1,1,33.33,20,40,2,240,27.5,267.5,0,0,0,0,0,0,0,0,0,50,", csv[1]);
    }

    /// <summary>Every report of the day as one string, to compare two states.</summary>
    public static string Reports(CenterStatistics s) => System.Text.Json.JsonSerializer.Serialize(new object[]
    {
        StatisticsReports.Queues(s, Day, Day, IntervalLength.Quarter, Settings),
        StatisticsReports.Queues(s, Day, Day, IntervalLength.Day, Settings),
        StatisticsReports.Departments(s, Day, Day, IntervalLength.Day, Settings),
        StatisticsReports.Agents(s, Day, Day, IntervalLength.Quarter, At(23, 0)),
        StatisticsReports.Live(s, "q1", 2, 5, At(9, 30), Settings),
        new[] { s.CallOffset, s.AgentOffset, s.QueueOffset, s.Calls.Count },
    });
}
