using ContactCenter.Actors.Calls;
using ContactCenter.Actors.Queues;
using ContactCenter.Actors.Routing;
using ContactCenter.Actors.Statistics;
using ContactCenter.Actors.Transfers;
using Xunit;
using static ContactCenter.Actors.Calls.CallEvents;
using static ContactCenter.Actors.Calls.TransferEvents;
using static ContactCenter.Actors.Queues.QueueEvents;
using static ContactCenter.Actors.Tests.Statistics.ScriptedDay;

namespace ContactCenter.Actors.Tests.Statistics;

/// <summary>
/// The other features' events in the figures: transfers, callbacks, hypercare overflow, IVR menus and department
/// referrals, on the same Monday as <see cref="ScriptedDay"/> (q1: 20 s threshold, q2: 30 s). Expected figures
/// are worked out by hand from the times below with docs/statistics.md's definitions.
/// </summary>
public sealed class StatisticsWiringTests
{
    private static TransferLeg Leg(string call, TransferMode mode, TransferTargetKind kind, string target, DateTimeOffset at) =>
        new($"{call}-leg-1", mode, new TransferTarget(kind, target), "a1", "t-" + call, "q1", new CallRank(0, at), at, at.AddSeconds(30));

    private static CallbackRequested Callback(DateTimeOffset at) =>
        new("+4512345678", null, 3, TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(30), "caller", at);

    public static IReadOnlyList<ScriptedEvent> Script =>
    [
        ScriptedDay.Queue("q1", new QueueConfigured(new QueueConfig("Q1", "s1", ServiceLevelThreshold: TimeSpan.FromSeconds(20)), At(7, 0))),
        ScriptedDay.Queue("q2", new QueueConfigured(new QueueConfig("Q2", "s2", ServiceLevelThreshold: TimeSpan.FromSeconds(30)), At(7, 0))),
        // w1: answered in q1 after 10 s, cold-transferred to q2 after 120 s talk; answered there after 30 s, 180 s talk, resolved.
        Call("w1", Offered("q1", At(10, 0))),
        Call("w1", new CallConnected("a1", "t-w1", At(10, 0, 10))),
        Call("w1", new CallTransferredToQueue("a1", "t-w1", "q1", "q2", new CallRank(0, At(10, 0)), At(10, 2, 10))),
        Call("w1", new CallConnected("b1", "t-w1b", At(10, 2, 40))),
        Call("w1", new CallEnded(CallParty.Agent, "resolved", At(10, 5, 40))),
        // w2: warm transfer to agent a2, completed; referred to a department during the call; 240 s talk, resolved.
        Call("w2", Offered("q1", At(10, 5))),
        Call("w2", new CallConnected("a1", "t-w2", At(10, 5, 5))),
        Call("w2", new TransferLegStarted(Leg("w2", TransferMode.Warm, TransferTargetKind.Agent, "a2", At(10, 6)), At(10, 6))),
        Call("w2", new TransferLegRinging("w2-leg-1", "a2", "t-w2b", At(10, 6, 2))),
        Call("w2", new TransferLegAnswered(Leg("w2", TransferMode.Warm, TransferTargetKind.Agent, "a2", At(10, 6)), At(10, 6, 10))),
        Call("w2", new WarmTransferCompleted(Leg("w2", TransferMode.Warm, TransferTargetKind.Agent, "a2", At(10, 6)), At(10, 7))),
        Call("w2", new CallReferredToDepartment("KFF", "m1", "message", At(10, 8))),
        Call("w2", new CallReferredToDepartment("SUF", "m2", "message", At(10, 8, 30))),
        Call("w2", new CallEnded(CallParty.Agent, "resolved", At(10, 9, 5))),
        // w3: answered after 20 s, cold transfer to an outside number that answered after 70 s talk: transferred out.
        Call("w3", Offered("q1", At(10, 15))),
        Call("w3", new CallConnected("a1", "t-w3", At(10, 15, 20))),
        Call("w3", new TransferLegStarted(Leg("w3", TransferMode.Cold, TransferTargetKind.External, "+4533663366", At(10, 16, 20)), At(10, 16, 20))),
        Call("w3", new TransferLegAnswered(Leg("w3", TransferMode.Cold, TransferTargetKind.External, "+4533663366", At(10, 16, 20)), At(10, 16, 30))),
        // w4: a callback booked while waiting (the caller's hang-up is no event); dialled and connected; 180 s talk,
        // resolved; referred to a department in wrap-up, after the call ended.
        Call("w4", Offered("q1", At(10, 20))),
        Call("w4", Callback(At(10, 20, 30))),
        Call("w4", new CallbackDialled("a1", "t-w4", "+4512345678", 1, At(10, 30))),
        Call("w4", new CallConnected("a1", "t-w4", At(10, 30, 15))),
        Call("w4", new CallEnded(CallParty.Agent, "resolved", At(10, 33, 15))),
        Call("w4", new CallReferredToDepartment("KFF", "m3", "callback", At(10, 34))),
        // w5: a callback in q2 whose every attempt failed.
        Call("w5", Offered("q2", At(10, 40))),
        Call("w5", Callback(At(10, 40, 10))),
        Call("w5", new CallbackDialled("b1", "t-w5", "+4512345678", 1, At(10, 45))),
        Call("w5", new CallbackAttemptFailed("b1", "t-w5", 1, CallbackDialResult.NoAnswer, null, At(10, 45, 30))),
        Call("w5", new CallbackGaveUp(1, At(10, 45, 30))),
        // w6: menu choices before the call has a queue; then an ordinary abandon after 30 s in q1.
        Call("w6", new CallMenuChoice("main", "9", "invalid", At(10, 50))),
        Call("w6", new CallMenuChoice("main", null, "default:q1", At(10, 50, 20))),
        Call("w7", new CallMenuChoice("main", "1", "queue:q1", At(10, 50, 30))),
        Call("w7", new CallMenuChoice("hours", "1", "queue:q2", At(10, 52))),
        Call("w8", new CallMenuChoice("main", "2", "queue:q2", At(11, 1))),
        Call("w6", Offered("q1", At(10, 51))),
        Call("w6", new CallAbandoned(CallStatus.Queued, At(10, 51, 30))),
        // w7: answered in q2 after 5 s; the caller hung up during a cold transfer to agent a2 (75 s after the answer).
        Call("w7", Offered("q2", At(11, 0))),
        Call("w7", new CallConnected("b1", "t-w7", At(11, 0, 5))),
        Call("w7", new TransferLegStarted(Leg("w7", TransferMode.Cold, TransferTargetKind.Agent, "a2", At(11, 1, 5)), At(11, 1, 5))),
        Call("w7", new CallAbandoned(CallStatus.Transferring, At(11, 1, 20))),
        // Hypercare overflow in q1 switched on twice (10:10, 10:25) and off once.
        ScriptedDay.Queue("q1", new HypercareOverflowChanged(true, "waiting", At(10, 10))),
        ScriptedDay.Queue("q1", new HypercareOverflowChanged(false, "waiting", At(10, 20))),
        ScriptedDay.Queue("q1", new HypercareOverflowChanged(true, "waiting", At(10, 25))),
    ];

    private static readonly CenterStatistics Folded = Fold(Script);

    private static QueueFigures Row(IReadOnlyList<QueueFigures> rows, string subject, DateTimeOffset start) =>
        Assert.Single(rows, r => r.Subject == subject && r.Start == start);

    [Fact]
    public void Every_call_that_ended_is_no_longer_followed()
    {
        Assert.Empty(Folded.Calls);   // transferred out, callback gave up, hung up in transfer: none left behind
    }

    [Fact]
    public void A_cold_transfer_to_another_queue_ends_the_first_queues_part_and_enters_the_second()
    {
        var rows = StatisticsReports.Queues(Folded, Day, Day, IntervalLength.Quarter, Settings);
        var q1 = Row(rows, "q1", At(10, 0));
        Assert.Equal((2, 2, 2, 1, 1), (q1.Offered, q1.Answered, q1.Handled, q1.ColdTransfers, q1.WarmTransfers));
        Assert.Equal(1, q1.Dispositions[FoldDispositions.Transferred]);
        Assert.Equal(180, q1.AverageTalkSeconds);                // (w1 120 s to the transfer + w2 240 s) / 2
        var q2 = Row(rows, "q2", At(10, 0));
        Assert.Equal((1, 1, 1, 1, 100.0), (q2.Offered, q2.TransferredIn, q2.Answered, q2.AnsweredWithinThreshold, q2.ServiceLevelPercent));
        Assert.Equal((30.0, 180.0, 100.0), (q2.AverageSpeedOfAnswerSeconds, q2.AverageTalkSeconds, q2.FirstContactResolutionPercent));
    }

    [Fact]
    public void Transfers_count_once_per_leg_by_mode_and_a_transfer_out_or_a_hang_up_in_transfer_is_handled_not_abandoned()
    {
        var rows = StatisticsReports.Queues(Folded, Day, Day, IntervalLength.Quarter, Settings);
        var w3 = Row(rows, "q1", At(10, 15));
        Assert.Equal((1, 0, 0), (w3.ColdTransfers, w3.WarmTransfers, w3.Abandoned + w3.ShortAbandoned));
        Assert.Equal(1, w3.Dispositions[FoldDispositions.TransferredOut]);
        var w7 = Row(rows, "q2", At(11, 0));
        Assert.Equal((1, 1, 1, 0, 0), (w7.Answered, w7.Handled, w7.ColdTransfers, w7.Abandoned, w7.ShortAbandoned));
        Assert.Equal(75, w7.AverageTalkSeconds);
        Assert.Equal(1, w7.Dispositions[FoldDispositions.HungUpInTransfer]);
        Assert.Equal(100, w7.ServiceLevelPercent);
    }

    [Fact]
    public void Callbacks_count_requested_completed_and_failed_and_never_as_answered_or_abandoned()
    {
        var rows = StatisticsReports.Queues(Folded, Day, Day, IntervalLength.Quarter, Settings);
        var w4 = Row(rows, "q1", At(10, 15));   // w3 and w4 entered q1 in this quarter
        Assert.Equal((2, 1, 1, 1, 0), (w4.Offered, w4.Answered, w4.CallbacksRequested, w4.CallbacksCompleted, w4.CallbacksFailed));
        Assert.Equal(20, w4.AverageSpeedOfAnswerSeconds);          // w3 only: the callback's hour is no wait on the line
        Assert.Equal(2, w4.Handled);                               // w3 and the completed callback
        Assert.Equal(125, w4.AverageTalkSeconds);                  // (70 + 180) / 2
        var w5 = Row(rows, "q2", At(10, 30));
        Assert.Equal((1, 1, 0, 1), (w5.Offered, w5.CallbacksRequested, w5.CallbacksCompleted, w5.CallbacksFailed));
        Assert.Equal((0, 0, 0, 0), (w5.Answered, w5.Abandoned, w5.ShortAbandoned, w5.Handled));
        Assert.Null(w5.ServiceLevelPercent);
    }

    [Fact]
    public void A_department_referral_during_or_after_the_call_is_not_resolved_at_first_contact()
    {
        var rows = StatisticsReports.Queues(Folded, Day, Day, IntervalLength.Quarter, Settings);
        var w2 = Row(rows, "q1", At(10, 0));
        Assert.Equal((1, 1), (w2.DepartmentReferrals, w2.Dispositions["resolved"]));   // two messages, one call
        Assert.Equal(0, w2.FirstContactResolutionPercent);         // resolved but referred / 2 handled
        var w4 = Row(rows, "q1", At(10, 15));
        Assert.Equal((1, 1, 0.0), (w4.DepartmentReferrals, w4.Dispositions["resolved"], w4.FirstContactResolutionPercent));
        var day = Assert.Single(StatisticsReports.Queues(Folded, Day, Day, IntervalLength.Day, Settings, "q2"));
        Assert.Equal(50, day.FirstContactResolutionPercent);       // w1 resolved in q2, unreferred; w7 not resolved
    }

    [Fact]
    public void Hypercare_overflow_counts_each_switch_on_in_its_quarter()
    {
        var rows = StatisticsReports.Queues(Folded, Day, Day, IntervalLength.Quarter, Settings);
        Assert.Equal((1, 1), (Row(rows, "q1", At(10, 0)).HypercareOverflows, Row(rows, "q1", At(10, 15)).HypercareOverflows));
        Assert.Equal(2, Assert.Single(StatisticsReports.Queues(Folded, Day, Day, IntervalLength.Day, Settings, "q1")).HypercareOverflows);
    }

    [Fact]
    public void The_day_adds_up_and_departments_carry_the_new_figures()
    {
        var q1 = Assert.Single(StatisticsReports.Queues(Folded, Day, Day, IntervalLength.Day, Settings, "q1"));
        Assert.Equal((5, 3, 1, 4), (q1.Offered, q1.Answered, q1.Abandoned, q1.Handled));
        Assert.Equal((2, 1, 1, 1, 0, 2, 0), (q1.ColdTransfers, q1.WarmTransfers, q1.CallbacksRequested, q1.CallbacksCompleted,
            q1.CallbacksFailed, q1.DepartmentReferrals, q1.TransferredIn));
        Assert.Equal(75, q1.ServiceLevelPercent);                 // 3 within (10, 5, 20 s) / (3 answered + 1 abandoned)
        var suf = Assert.Single(StatisticsReports.Departments(Folded, Day, Day, IntervalLength.Day, Settings), r => r.Subject == "SUF");
        Assert.Equal((3, 2, 1, 1, 1), (suf.Offered, suf.Answered, suf.TransferredIn, suf.CallbacksRequested, suf.CallbacksFailed));
    }

    [Fact]
    public void Menus_have_their_own_figures_per_menu_choice_key_and_interval()
    {
        var quarters = StatisticsReports.Menus(Folded, Day, Day, IntervalLength.Quarter);
        Assert.Equal([("hours", At(10, 45)), ("main", At(10, 45)), ("main", At(11, 0))], quarters.Select(r => (r.MenuId, r.Start)));
        var main = quarters[1];
        Assert.Equal(3, main.Choices);
        Assert.Equal([("1", 1), ("invalid", 1), ("timeout", 1)], main.ByKey.Select(kv => (kv.Key, kv.Value)));
        var day = Assert.Single(StatisticsReports.Menus(Folded, Day, Day, IntervalLength.Day, "main"));
        Assert.Equal((4, 1440), (day.Choices, day.Minutes));
        var csv = StatisticsReports.Csv(StatisticsReports.Menus(Folded, Day, Day, IntervalLength.Day)).TrimEnd().Split('\n');
        Assert.Equal("menu,start,minutes,choices,by_key", csv[0].TrimEnd('\r'));
        Assert.Equal("main,2026-11-23T00:00:00+01:00,1440,4,1=1;2=1;invalid=1;timeout=1", csv[2].TrimEnd('\r'));
        Assert.Empty(StatisticsReports.Menus(Folded.Between(Day.AddDays(1), Day.AddDays(1)), Day, Day, IntervalLength.Day));
    }

    [Fact]
    public void The_figures_do_not_depend_on_how_the_tags_interleave_or_on_a_repeated_delivery()
    {
        var queueFirst = Script.Where(e => e.Tag == StatisticsTags.Queue).Concat(Script.Where(e => e.Tag != StatisticsTags.Queue));
        Assert.Equal(Figures(Folded), Figures(Fold(queueFirst)));
        var twice = Script.Select((e, i) => (e, i)).Aggregate(Folded,
            (s, x) => StatisticsFold.Apply(s, x.e.Tag, x.i + 1, x.e.PersistenceId, x.e.Event));
        Assert.Equal(Figures(Folded), Figures(twice));
        Assert.Equal((Folded.CallOffset, Folded.QueueOffset), (twice.CallOffset, twice.QueueOffset));
    }

    private static string Figures(CenterStatistics s) => System.Text.Json.JsonSerializer.Serialize(new object[]
    {
        StatisticsReports.Queues(s, Day, Day, IntervalLength.Quarter, Settings),
        StatisticsReports.Menus(s, Day, Day, IntervalLength.Quarter),
        s.Calls.Count,
    });
}
