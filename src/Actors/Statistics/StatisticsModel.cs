using System.Collections.Immutable;
using ContactCenter.Actors.Agents;
using ContactCenter.Actors.Serialization;

namespace ContactCenter.Actors.Statistics;

/// <summary>
/// One queue's figures for one 15-minute interval, as raw sums: thresholds (answered within, short abandon)
/// are applied when reading, from the wait histograms, so changing a threshold needs no rebuild.
/// Calls count in the interval in which they entered the queue; after-call work in the interval it began.
/// </summary>
public sealed record QueueInterval(
    int Offered,
    int Answered,
    int Abandoned,
    ImmutableDictionary<int, int> AnsweredWaits,
    ImmutableDictionary<int, int> AbandonedWaits,
    TimeSpan AnswerWaitTotal,
    TimeSpan LongestWait,
    int Handled,
    TimeSpan TalkTotal,
    int WrapUps,
    TimeSpan AfterCallWorkTotal,
    int ForwardedAfterHours,
    int ClosedAnnounced,
    int RedirectedOut,
    int RedirectedIn,
    ImmutableDictionary<string, int> Dispositions,
    ImmutableDictionary<string, int> Counters)
{
    public static readonly QueueInterval Empty = new(
        0, 0, 0, ImmutableDictionary<int, int>.Empty, ImmutableDictionary<int, int>.Empty, TimeSpan.Zero, TimeSpan.Zero,
        0, TimeSpan.Zero, 0, TimeSpan.Zero, 0, 0, 0, 0,
        ImmutableDictionary<string, int>.Empty, ImmutableDictionary<string, int>.Empty);

    /// <summary>Histogram bucket of a wait: whole seconds rounded up (a wait of 20.0 s is in 20, 20.1 s in 21), capped at an hour.</summary>
    public static int Bucket(TimeSpan wait) => (int)Math.Clamp(Math.Ceiling(wait.TotalSeconds), 0, 3600);

    /// <summary>The figures of both intervals as one (sums; the longest wait is the longer).</summary>
    public QueueInterval Plus(QueueInterval o) => new(
        Offered + o.Offered, Answered + o.Answered, Abandoned + o.Abandoned,
        Sum(AnsweredWaits, o.AnsweredWaits), Sum(AbandonedWaits, o.AbandonedWaits),
        AnswerWaitTotal + o.AnswerWaitTotal, LongestWait > o.LongestWait ? LongestWait : o.LongestWait,
        Handled + o.Handled, TalkTotal + o.TalkTotal, WrapUps + o.WrapUps, AfterCallWorkTotal + o.AfterCallWorkTotal,
        ForwardedAfterHours + o.ForwardedAfterHours, ClosedAnnounced + o.ClosedAnnounced,
        RedirectedOut + o.RedirectedOut, RedirectedIn + o.RedirectedIn,
        Sum(Dispositions, o.Dispositions), Sum(Counters, o.Counters));

    internal static ImmutableDictionary<TKey, int> Sum<TKey>(ImmutableDictionary<TKey, int> a, ImmutableDictionary<TKey, int> b)
        where TKey : notnull =>
        b.Aggregate(a, (acc, kv) => acc.SetItem(kv.Key, acc.GetValueOrDefault(kv.Key) + kv.Value));
}

/// <summary>One agent's time for one 15-minute interval.</summary>
public sealed record AgentInterval(
    TimeSpan LoggedIn,
    TimeSpan Ready,
    TimeSpan Talk,
    TimeSpan WrapUp,
    ImmutableDictionary<string, TimeSpan> Paused,
    int CallsHandled)
{
    public static readonly AgentInterval Empty = new(
        TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, ImmutableDictionary<string, TimeSpan>.Empty, 0);

    /// <summary>The time of both intervals as one.</summary>
    public AgentInterval Plus(AgentInterval o) => new(
        LoggedIn + o.LoggedIn, Ready + o.Ready, Talk + o.Talk, WrapUp + o.WrapUp,
        o.Paused.Aggregate(Paused, (acc, kv) => acc.SetItem(kv.Key, acc.GetValueOrDefault(kv.Key) + kv.Value)),
        CallsHandled + o.CallsHandled);
}

/// <summary>
/// A call the projection is following: the queue it is in and since when; whether it is a booked callback and
/// whether an agent referred it to a department.
/// </summary>
public sealed record CallTrack(string QueueId, DateTimeOffset EnteredAt, DateTimeOffset? ConnectedAt, bool Callback = false, bool Referred = false);

/// <summary>A call that ended lately (kept for <see cref="StatisticsFold.ReferralWindow"/>): a department referral noted in wrap-up still counts.</summary>
public sealed record EndedCall(string Slot, DateTimeOffset EndedAt, bool Resolved, bool Referred);

/// <summary>One IVR menu's choices in one 15-minute interval, per choice key (docs/statistics.md, "Menus").</summary>
public sealed record MenuInterval(ImmutableDictionary<string, int> Choices)
{
    public static readonly MenuInterval Empty = new(ImmutableDictionary<string, int>.Empty);

    public MenuInterval Plus(MenuInterval o) => new(QueueInterval.Sum(Choices, o.Choices));
}

/// <summary>An agent as the projection knows it: its current state (since when) and what routes to it.</summary>
public sealed record AgentTrack(
    AgentStatus Status,
    DateTimeOffset Since,
    string? PauseReason,
    string? QueueId,
    ImmutableDictionary<string, int> Skills,
    string Department)
{
    public static readonly AgentTrack New = new(
        AgentStatus.LoggedOut, DateTimeOffset.MinValue, null, null, ImmutableDictionary<string, int>.Empty, "");
}

/// <summary>What statistics need from a queue's configuration.</summary>
public sealed record QueueInfo(string Name, string RequiredSkill, int MinLevel, int ServiceLevelSeconds, int ServiceLevelPercent);

/// <summary>An answered or abandoned call of the last half hour (for the live service level).</summary>
public sealed record RecentOutcome(DateTimeOffset At, TimeSpan Wait, bool Answered);

/// <summary>
/// Everything the statistics projection knows, with the journal offset it has read up to per tag. Stored as
/// one snapshot, so the offsets and the figures are always saved together: a restart resumes exactly where
/// the saved figures end (nothing counted twice, nothing missed).
/// </summary>
public sealed record CenterStatistics(
    long CallOffset,
    long AgentOffset,
    long QueueOffset,
    ImmutableDictionary<string, QueueInterval> QueueIntervals,
    ImmutableDictionary<string, AgentInterval> AgentIntervals,
    ImmutableDictionary<string, CallTrack> Calls,
    ImmutableDictionary<string, AgentTrack> Agents,
    ImmutableDictionary<string, QueueInfo> Queues,
    ImmutableDictionary<string, ImmutableList<RecentOutcome>> Recent) : IContactCenterMessage
{
    public static readonly CenterStatistics Empty = new(
        0, 0, 0,
        ImmutableDictionary<string, QueueInterval>.Empty,
        ImmutableDictionary<string, AgentInterval>.Empty,
        ImmutableDictionary<string, CallTrack>.Empty,
        ImmutableDictionary<string, AgentTrack>.Empty,
        ImmutableDictionary<string, QueueInfo>.Empty,
        ImmutableDictionary<string, ImmutableList<RecentOutcome>>.Empty);

    /// <summary>Menu choices per menu and quarter hour (key: menu id | day | slot); empty in snapshots written before menus were counted.</summary>
    public ImmutableDictionary<string, MenuInterval> MenuIntervals { get; init; } = ImmutableDictionary<string, MenuInterval>.Empty;

    /// <summary>Calls ended within the last <see cref="StatisticsFold.ReferralWindow"/>, for referrals noted after the end.</summary>
    public ImmutableDictionary<string, EndedCall> Ended { get; init; } = ImmutableDictionary<string, EndedCall>.Empty;

    /// <summary>Only the intervals of the given Copenhagen days (a query's answer stays small), with all live state.</summary>
    public CenterStatistics Between(DateOnly from, DateOnly to) => this with
    {
        QueueIntervals = QueueIntervals.Where(kv => SlotKey.Parse(kv.Key).Day is var d && d >= from && d <= to).ToImmutableDictionary(),
        AgentIntervals = AgentIntervals.Where(kv => SlotKey.Parse(kv.Key).Day is var d && d >= from && d <= to).ToImmutableDictionary(),
        MenuIntervals = MenuIntervals.Where(kv => SlotKey.Parse(kv.Key).Day is var d && d >= from && d <= to).ToImmutableDictionary(),
    };
}
