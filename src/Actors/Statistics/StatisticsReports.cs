using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ContactCenter.Actors.Agents;
using ContactCenter.Actors.Calendar;

namespace ContactCenter.Actors.Statistics;

/// <summary>How long a report row is.</summary>
public enum IntervalLength
{
    Quarter = 15,
    HalfHour = 30,
    Day = 1440,
}

/// <summary>Settings the reports apply when reading (docs/statistics.md).</summary>
public sealed record ReportSettings(
    int ShortAbandonSeconds = 5,
    int DefaultServiceLevelSeconds = 20,
    double DefaultHandleSeconds = 91,
    IReadOnlyDictionary<string, string>? Departments = null)
{
    public string DepartmentOf(string queueId) =>
        Departments is not null && Departments.TryGetValue(queueId, out var department) ? department : "(none)";
}

/// <summary>
/// Summable totals of one queue (or department) over one period, with the thresholds already applied per
/// queue, so a department adds its queues' totals even when their thresholds differ.
/// </summary>
public sealed record QueueTotals(
    int Offered, int Answered, int AnsweredWithinThreshold, int Abandoned, int ShortAbandoned,
    TimeSpan AnswerWaitTotal, TimeSpan LongestWait, int Handled, TimeSpan TalkTotal, int WrapUps, TimeSpan AfterCallWorkTotal,
    int ForwardedAfterHours, int ClosedAnnounced, int RedirectedOut, int RedirectedIn,
    ImmutableSortedDictionary<string, int> Dispositions, ImmutableSortedDictionary<string, int> Counters)
{
    public static readonly QueueTotals Zero = new(0, 0, 0, 0, 0, TimeSpan.Zero, TimeSpan.Zero, 0, TimeSpan.Zero, 0, TimeSpan.Zero,
        0, 0, 0, 0, ImmutableSortedDictionary<string, int>.Empty, ImmutableSortedDictionary<string, int>.Empty);

    public static QueueTotals From(QueueInterval q, int thresholdSeconds, int shortAbandonSeconds)
    {
        var shortAbandoned = q.AbandonedWaits.Where(kv => kv.Key <= shortAbandonSeconds).Sum(kv => kv.Value);
        return new QueueTotals(
            q.Offered, q.Answered, q.AnsweredWaits.Where(kv => kv.Key <= thresholdSeconds).Sum(kv => kv.Value),
            q.Abandoned - shortAbandoned, shortAbandoned, q.AnswerWaitTotal, q.LongestWait, q.Handled, q.TalkTotal,
            q.WrapUps, q.AfterCallWorkTotal, q.ForwardedAfterHours, q.ClosedAnnounced, q.RedirectedOut, q.RedirectedIn,
            q.Dispositions.ToImmutableSortedDictionary(StringComparer.Ordinal), q.Counters.ToImmutableSortedDictionary(StringComparer.Ordinal));
    }

    public static QueueTotals operator +(QueueTotals a, QueueTotals b) => new(
        a.Offered + b.Offered, a.Answered + b.Answered, a.AnsweredWithinThreshold + b.AnsweredWithinThreshold,
        a.Abandoned + b.Abandoned, a.ShortAbandoned + b.ShortAbandoned, a.AnswerWaitTotal + b.AnswerWaitTotal,
        a.LongestWait > b.LongestWait ? a.LongestWait : b.LongestWait, a.Handled + b.Handled, a.TalkTotal + b.TalkTotal,
        a.WrapUps + b.WrapUps, a.AfterCallWorkTotal + b.AfterCallWorkTotal, a.ForwardedAfterHours + b.ForwardedAfterHours,
        a.ClosedAnnounced + b.ClosedAnnounced, a.RedirectedOut + b.RedirectedOut, a.RedirectedIn + b.RedirectedIn,
        Add(a.Dispositions, b.Dispositions), Add(a.Counters, b.Counters));

    private static ImmutableSortedDictionary<string, int> Add(ImmutableSortedDictionary<string, int> a, ImmutableSortedDictionary<string, int> b) =>
        b.Aggregate(a, (acc, kv) => acc.SetItem(kv.Key, acc.GetValueOrDefault(kv.Key) + kv.Value));
}

/// <summary>One report row: a queue's (or department's) figures over one period. Times in seconds.</summary>
public sealed record QueueFigures(
    string Subject,
    DateTimeOffset Start,
    int Minutes,
    int Offered,
    int Answered,
    int Abandoned,
    int ShortAbandoned,
    int AnsweredWithinThreshold,
    double? ServiceLevelPercent,
    double? AverageSpeedOfAnswerSeconds,
    double LongestWaitSeconds,
    int Handled,
    double? AverageTalkSeconds,
    double? AverageAfterCallWorkSeconds,
    double? AverageHandleSeconds,
    int ForwardedAfterHours,
    int ClosedAnnounced,
    int RedirectedOut,
    int RedirectedIn,
    int ColdTransfers,
    int WarmTransfers,
    int CallbacksRequested,
    int CallbacksCompleted,
    int HypercareOverflows,
    double? FirstContactResolutionPercent,
    ImmutableSortedDictionary<string, int> Dispositions,
    int CallbacksFailed,
    int TransferredIn,
    int DepartmentReferrals)
{
    /// <summary>The disposition that counts as resolved at first contact.</summary>
    public const string Resolved = "resolved";

    public static QueueFigures From(string subject, DateTimeOffset start, int minutes, QueueTotals t) => new(
        subject, start, minutes, t.Offered, t.Answered, t.Abandoned, t.ShortAbandoned, t.AnsweredWithinThreshold,
        Percent(t.AnsweredWithinThreshold, t.Answered + t.Abandoned),
        Average(t.AnswerWaitTotal, t.Answered),
        Round(t.LongestWait.TotalSeconds),
        t.Handled,
        Average(t.TalkTotal, t.Handled),
        Average(t.AfterCallWorkTotal, t.WrapUps),
        Average(t.TalkTotal + t.AfterCallWorkTotal, t.Handled),
        t.ForwardedAfterHours, t.ClosedAnnounced, t.RedirectedOut, t.RedirectedIn,
        t.Counters.GetValueOrDefault(QueueCounters.ColdTransfers), t.Counters.GetValueOrDefault(QueueCounters.WarmTransfers),
        t.Counters.GetValueOrDefault(QueueCounters.CallbacksRequested), t.Counters.GetValueOrDefault(QueueCounters.CallbacksCompleted),
        t.Counters.GetValueOrDefault(QueueCounters.HypercareOverflows),
        Percent(t.Dispositions.GetValueOrDefault(Resolved) - t.Counters.GetValueOrDefault(QueueCounters.ReferredResolved), t.Handled),
        t.Dispositions,
        t.Counters.GetValueOrDefault(QueueCounters.CallbacksFailed), t.Counters.GetValueOrDefault(QueueCounters.TransferredIn),
        t.Counters.GetValueOrDefault(QueueCounters.DepartmentReferrals));

    internal static double? Percent(int part, int whole) => whole == 0 ? null : Round(100.0 * part / whole);

    internal static double? Average(TimeSpan total, int count) => count == 0 ? null : Round(total.TotalSeconds / count);

    internal static double Round(double value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}

/// <summary>One IVR menu's choices over one period: all of them, and per choice key (digits, "invalid", "timeout").</summary>
public sealed record MenuFigures(string MenuId, DateTimeOffset Start, int Minutes, int Choices, ImmutableSortedDictionary<string, int> ByKey);

/// <summary>One agent's time over one period (seconds); occupancy = (talk + wrap-up) / (ready + talk + wrap-up).</summary>
public sealed record AgentFigures(
    string AgentId,
    DateTimeOffset Start,
    int Minutes,
    double LoggedInSeconds,
    double ReadySeconds,
    double TalkSeconds,
    double WrapUpSeconds,
    double PausedSeconds,
    ImmutableSortedDictionary<string, double> PausedByReason,
    int CallsHandled,
    double? OccupancyPercent);

/// <summary>Agents serving a queue, by what they are doing.</summary>
public sealed record AgentsByState(int Ready, int OnCall, int WrapUp, int Paused)
{
    public int Staffed => Ready + OnCall + WrapUp;
}

/// <summary>A queue's live figures; waiting calls come from the queue itself, the rest from the projection.</summary>
public sealed record LiveQueueFigures(
    string QueueId,
    int WaitingNow,
    double OldestWaitSeconds,
    AgentsByState Agents,
    double? EstimatedWaitSeconds,
    double? ServiceLevelLast30MinutesPercent,
    int AnsweredLast30Minutes,
    int AbandonedLast30Minutes);

/// <summary>The read side: pure functions from <see cref="CenterStatistics"/> to report rows, live figures and CSV.</summary>
public static class StatisticsReports
{
    public static IReadOnlyList<QueueFigures> Queues(
        CenterStatistics s, DateOnly from, DateOnly to, IntervalLength length, ReportSettings settings, string? queueId = null) =>
        Rows(s, from, to, length, settings, queue => queueId is null || queue == queueId ? queue : null);

    /// <summary>Per department (the queues mapped to it in the settings), summed after each queue's thresholds are applied.</summary>
    public static IReadOnlyList<QueueFigures> Departments(CenterStatistics s, DateOnly from, DateOnly to, IntervalLength length, ReportSettings settings) =>
        Rows(s, from, to, length, settings, settings.DepartmentOf);

    private static IReadOnlyList<QueueFigures> Rows(
        CenterStatistics s, DateOnly from, DateOnly to, IntervalLength length, ReportSettings settings, Func<string, string?> subjectOf)
    {
        var rows = new SortedDictionary<(string Subject, DateTimeOffset Start, int Minutes), QueueTotals>();
        foreach (var (id, interval) in s.QueueIntervals)
        {
            var key = SlotKey.Parse(id);
            if (key.Day < from || key.Day > to || subjectOf(key.Subject) is not { } subject) continue;
            var threshold = s.Queues.TryGetValue(key.Subject, out var info) ? info.ServiceLevelSeconds : settings.DefaultServiceLevelSeconds;
            var (start, minutes) = Period(key, length);
            rows[(subject, start, minutes)] = rows.GetValueOrDefault((subject, start, minutes), QueueTotals.Zero)
                                              + QueueTotals.From(interval, threshold, settings.ShortAbandonSeconds);
        }
        return rows.Select(r => QueueFigures.From(r.Key.Subject, r.Key.Start, r.Key.Minutes, r.Value)).ToList();
    }

    /// <summary>Menu choices per menu and period (optionally of one menu).</summary>
    public static IReadOnlyList<MenuFigures> Menus(CenterStatistics s, DateOnly from, DateOnly to, IntervalLength length, string? menuId = null)
    {
        var rows = new SortedDictionary<(string Menu, DateTimeOffset Start, int Minutes), ImmutableSortedDictionary<string, int>>();
        foreach (var (id, interval) in s.MenuIntervals)
        {
            var key = SlotKey.Parse(id);
            if (key.Day < from || key.Day > to || (menuId is not null && key.Subject != menuId)) continue;
            var period = Period(key, length);
            var row = (key.Subject, period.Start, period.Minutes);
            rows[row] = interval.Choices.Aggregate(
                rows.GetValueOrDefault(row, ImmutableSortedDictionary.Create<string, int>(StringComparer.Ordinal)),
                (acc, kv) => acc.SetItem(kv.Key, acc.GetValueOrDefault(kv.Key) + kv.Value));
        }
        return rows.Select(r => new MenuFigures(r.Key.Menu, r.Key.Start, r.Key.Minutes, r.Value.Values.Sum(), r.Value)).ToList();
    }

    /// <summary>
    /// Agent time per period. With <paramref name="now"/>, the state each agent is in now counts up to now
    /// (otherwise a state counts once it ends).
    /// </summary>
    public static IReadOnlyList<AgentFigures> Agents(
        CenterStatistics s, DateOnly from, DateOnly to, IntervalLength length, DateTimeOffset? now = null, string? agentId = null)
    {
        var intervals = s.AgentIntervals.ToDictionary(kv => SlotKey.Parse(kv.Key), kv => kv.Value);
        if (now is { } until)
        {
            foreach (var (id, track) in s.Agents)
            {
                if (track.Status == AgentStatus.LoggedOut || until <= track.Since) continue;
                foreach (var (key, span) in Slots.Split(id, track.Since, until))
                    intervals[key] = StatisticsFold.AddTime(intervals.GetValueOrDefault(key, AgentInterval.Empty), track.Status, track.PauseReason, span);
            }
        }
        var rows = new SortedDictionary<(string Agent, DateTimeOffset Start, int Minutes), AgentInterval>();
        foreach (var (key, a) in intervals)
        {
            if (key.Day < from || key.Day > to || (agentId is not null && key.Subject != agentId)) continue;
            var (start, minutes) = Period(key, length);
            rows[(key.Subject, start, minutes)] = rows.GetValueOrDefault((key.Subject, start, minutes), AgentInterval.Empty).Plus(a);
        }
        return rows.Select(r =>
        {
            var a = r.Value;
            var busy = a.Talk + a.WrapUp;
            var paused = a.Paused.Values.Aggregate(TimeSpan.Zero, (x, y) => x + y);
            return new AgentFigures(r.Key.Agent, r.Key.Start, r.Key.Minutes, Seconds(a.LoggedIn), Seconds(a.Ready), Seconds(a.Talk),
                Seconds(a.WrapUp), Seconds(paused),
                a.Paused.ToImmutableSortedDictionary(kv => kv.Key, kv => Seconds(kv.Value), StringComparer.Ordinal),
                a.CallsHandled, busy + a.Ready == TimeSpan.Zero ? null : QueueFigures.Round(100.0 * busy.Ticks / (busy + a.Ready).Ticks));
        }).ToList();
    }

    private static double Seconds(TimeSpan t) => QueueFigures.Round(t.TotalSeconds);

    /// <summary>The row a slot counts in: its period's start and length. A rolled-up day is one row of a day.</summary>
    private static (DateTimeOffset Start, int Minutes) Period(SlotKey key, IntervalLength length) => (key.IsWholeDay ? IntervalLength.Day : length) switch
    {
        IntervalLength.Quarter => (key.Start, (int)IntervalLength.Quarter),
        IntervalLength.HalfHour => ((key with { Slot = key.Slot / 2 * 2 }).Start, (int)IntervalLength.HalfHour),
        _ => ((key with { Slot = 0 }).Start, (int)IntervalLength.Day),
    };

    /// <summary>The agents that serve a queue (skill at or above its minimum level), by state; logged-out agents are left out.</summary>
    public static AgentsByState AgentsOf(CenterStatistics s, string queueId)
    {
        if (!s.Queues.TryGetValue(queueId, out var queue)) return new AgentsByState(0, 0, 0, 0);
        var serving = s.Agents.Values
            .Where(a => a.Status != AgentStatus.LoggedOut && a.Skills.GetValueOrDefault(queue.RequiredSkill) >= queue.MinLevel)
            .ToList();
        return new AgentsByState(
            serving.Count(a => a.Status == AgentStatus.Ready),
            serving.Count(a => a.Status is AgentStatus.Offered or AgentStatus.OnCall),
            serving.Count(a => a.Status == AgentStatus.WrapUp),
            serving.Count(a => a.Status == AgentStatus.Paused));
    }

    /// <summary>
    /// Live figures of a queue. Estimated wait for a new caller: 0 when a ready agent is left over after the callers
    /// ahead; otherwise (callers ahead − ready agents + 1) × today's average handle time ÷ staffed agents
    /// (ready, on a call or in wrap-up); unknown (null) with no staffed agent.
    /// </summary>
    public static LiveQueueFigures Live(
        CenterStatistics s, string queueId, int waitingNow, double oldestWaitSeconds, DateTimeOffset now, ReportSettings settings)
    {
        var agents = AgentsOf(s, queueId);
        var today = CopenhagenTime.DayOf(now);
        var todayRow = Queues(s, today, today, IntervalLength.Day, settings, queueId).FirstOrDefault();
        var handle = todayRow?.AverageHandleSeconds ?? settings.DefaultHandleSeconds;
        double? estimate = agents.Ready > waitingNow ? 0
            : agents.Staffed == 0 ? null
            : QueueFigures.Round((waitingNow - agents.Ready + 1) * handle / agents.Staffed);

        var threshold = s.Queues.TryGetValue(queueId, out var info) ? info.ServiceLevelSeconds : settings.DefaultServiceLevelSeconds;
        var recent = s.Recent.GetValueOrDefault(queueId, ImmutableList<RecentOutcome>.Empty).Where(r => r.At >= now - StatisticsFold.RecentWindow).ToList();
        var answered = recent.Count(r => r.Answered);
        var within = recent.Count(r => r.Answered && QueueInterval.Bucket(r.Wait) <= threshold);
        var abandoned = recent.Count(r => !r.Answered && QueueInterval.Bucket(r.Wait) > settings.ShortAbandonSeconds);
        return new LiveQueueFigures(queueId, waitingNow, oldestWaitSeconds, agents, estimate,
            QueueFigures.Percent(within, answered + abandoned), answered, abandoned);
    }

    /// <summary>Report rows as CSV (RFC 4180, invariant culture, one column per figure; dispositions as a name=count list).</summary>
    public static string Csv(IEnumerable<QueueFigures> rows)
    {
        var csv = new StringBuilder();
        csv.AppendLine("subject,start,minutes,offered,answered,abandoned,short_abandoned,answered_within_threshold,service_level_percent," +
                       "asa_seconds,longest_wait_seconds,handled,average_talk_seconds,average_after_call_work_seconds,average_handle_seconds," +
                       "forwarded_after_hours,closed_announced,redirected_out,redirected_in,cold_transfers,warm_transfers," +
                       "callbacks_requested,callbacks_completed,hypercare_overflows,first_contact_resolution_percent,dispositions," +
                       "callbacks_failed,transferred_in,department_referrals");
        foreach (var r in rows)
        {
            csv.AppendJoin(',', Field(r.Subject), r.Start.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture), N(r.Minutes),
                N(r.Offered), N(r.Answered), N(r.Abandoned), N(r.ShortAbandoned), N(r.AnsweredWithinThreshold), N(r.ServiceLevelPercent),
                N(r.AverageSpeedOfAnswerSeconds), N(r.LongestWaitSeconds), N(r.Handled), N(r.AverageTalkSeconds),
                N(r.AverageAfterCallWorkSeconds), N(r.AverageHandleSeconds), N(r.ForwardedAfterHours), N(r.ClosedAnnounced),
                N(r.RedirectedOut), N(r.RedirectedIn), N(r.ColdTransfers), N(r.WarmTransfers), N(r.CallbacksRequested),
                N(r.CallbacksCompleted), N(r.HypercareOverflows), N(r.FirstContactResolutionPercent),
                Field(string.Join(';', r.Dispositions.Select(kv => $"{kv.Key}={kv.Value}"))),
                N(r.CallbacksFailed), N(r.TransferredIn), N(r.DepartmentReferrals));
            csv.AppendLine();
        }
        return csv.ToString();
    }

    /// <summary>Menu rows as CSV: one row per menu and period, the choices as a key=count list.</summary>
    public static string Csv(IEnumerable<MenuFigures> rows)
    {
        var csv = new StringBuilder();
        csv.AppendLine("menu,start,minutes,choices,by_key");
        foreach (var r in rows)
        {
            csv.AppendJoin(',', Field(r.MenuId), r.Start.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture), N(r.Minutes),
                N(r.Choices), Field(string.Join(';', r.ByKey.Select(kv => $"{kv.Key}={kv.Value}"))));
            csv.AppendLine();
        }
        return csv.ToString();
    }

    private static string N(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Field(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
