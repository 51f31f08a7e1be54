using System.Collections.Immutable;
using ContactCenter.Actors.Agents;
using ContactCenter.Actors.Calendar;
using ContactCenter.Actors.Calls;
using ContactCenter.Actors.Queues;
using ContactCenter.Actors.Routing;
using ContactCenter.Actors.Statistics;
using ContactCenter.Actors.Serialization;
using static ContactCenter.Actors.Agents.AgentEvents;
using static ContactCenter.Actors.Calls.CallEvents;
using static ContactCenter.Actors.Queues.QueueEvents;

namespace ContactCenter.Actors.Tests.Statistics;

/// <summary>One journal entry of the script: the entity, its tag and the event.</summary>
public sealed record ScriptedEvent(string PersistenceId, string Tag, IContactCenterMessage Event);

/// <summary>
/// Monday 23 November 2026 in Copenhagen (UTC+1), as the journal would hold it. Two queues: "q1" (BUF,
/// answered within 20 s, min level 2) and "q2" (SUF, 30 s). Every expected figure in the tests is worked out
/// by hand from these times in docs/statistics.md's formulas.
/// </summary>
public static class ScriptedDay
{
    public static readonly DateOnly Day = new(2026, 11, 23);

    public static DateTimeOffset At(int hour, int minute, int second = 0) => CopenhagenTime.ToInstant(Day, new TimeSpan(hour, minute, second));

    public static readonly ReportSettings Settings = new(Departments: new Dictionary<string, string> { ["q1"] = "BUF", ["q2"] = "SUF" });

    internal static ScriptedEvent Queue(string id, IContactCenterMessage e) => new("queue-" + id, StatisticsTags.Queue, e);
    private static ScriptedEvent Agent(string id, IContactCenterMessage e) => new("agent-" + id, StatisticsTags.Agent, e);
    internal static ScriptedEvent Call(string id, IContactCenterMessage e) => new("call-" + id, StatisticsTags.Call, e);

    private static AgentProfile Profile(int level) =>
        new("agent", "team", "KBS", AgentKind.CitizenService, ImmutableDictionary<string, int>.Empty.Add("s1", level));

    internal static CallOffered Offered(string queueId, DateTimeOffset at) =>
        new("+4512345678", "33663366", queueId, "da", new CallRank(0, at), ImmutableDictionary<string, string>.Empty, at);

    /// <summary>The first half: up to and including 09:14:40.</summary>
    public static IReadOnlyList<ScriptedEvent> Morning =>
    [
        Queue("q1", new QueueConfigured(new QueueConfig("Q1", "s1", MinLevel: 2, ServiceLevelThreshold: TimeSpan.FromSeconds(20)), At(7, 0))),
        Queue("q2", new QueueConfigured(new QueueConfig("Q2", "s2", ServiceLevelThreshold: TimeSpan.FromSeconds(30)), At(7, 0))),
        Queue("q1", new CallEnqueued("c1", new CallRank(0, At(9, 0)), At(9, 0))),
        Agent("a1", new AgentConfigured(Profile(5), At(7, 30))),
        Agent("a2", new AgentConfigured(Profile(3), At(7, 30))),
        Agent("a3", new AgentConfigured(Profile(1), At(7, 30))),
        Agent("a1", new AgentLoggedIn(At(8, 0))),
        Agent("a1", new AgentBecameReady(At(8, 5))),
        Agent("a2", new AgentLoggedIn(At(8, 30))),
        Agent("a2", new AgentBecameReady(At(8, 30))),
        Agent("a3", new AgentLoggedIn(At(8, 30))),
        // c1: answered after 15 s, 180 s talk, resolved; 30 s wrap-up.
        Call("c1", Offered("q1", At(9, 0))),
        Call("c1", new CallOfferedToAgent("a1", "t1", At(9, 0, 10))),
        Agent("a1", new OfferReserved("c1", "q1", "t1", At(9, 0, 10), At(9, 0, 25), TimeSpan.FromSeconds(30))),
        Call("c1", new CallConnected("a1", "t1", At(9, 0, 15))),
        Agent("a1", new CallAnswered("c1", "t1", At(9, 0, 15))),
        // c6 in q2: answered after exactly 30 s (within q2's 30 s), 60 s talk, no disposition.
        Call("c6", Offered("q2", At(9, 5))),
        Call("c6", new CallConnected("b1", "t6", At(9, 5, 30))),
        Call("c6", new CallEnded(CallParty.Caller, null, At(9, 6, 30))),
        Call("c1", new CallEnded(CallParty.Agent, "resolved", At(9, 3, 15))),
        Agent("a1", new CallFinished("c1", At(9, 3, 15), At(9, 3, 45))),
        Agent("a1", new AgentBecameReady(At(9, 3, 45))),
        // c2: short abandon (3 s); c3: abandoned after 40 s.
        Call("c2", Offered("q1", At(9, 10))),
        Call("c2", new CallAbandoned(CallStatus.Queued, At(9, 10, 3))),
        Call("c3", Offered("q1", At(9, 14))),
        Call("c3", new CallAbandoned(CallStatus.Queued, At(9, 14, 40))),
    ];

    /// <summary>The second half, from 09:20.</summary>
    public static IReadOnlyList<ScriptedEvent> Rest =>
    [
        // c4: answered after 25 s (not within 20 s), 300 s talk; wrap-up ended after 25 s by a break of 850 s.
        Call("c4", Offered("q1", At(9, 20))),
        Call("c4", new CallOfferedToAgent("a1", "t4", At(9, 20, 20))),
        Agent("a1", new OfferReserved("c4", "q1", "t4", At(9, 20, 20), At(9, 20, 35), TimeSpan.FromSeconds(30))),
        Call("c4", new CallConnected("a1", "t4", At(9, 20, 25))),
        Agent("a1", new CallAnswered("c4", "t4", At(9, 20, 25))),
        Call("c4", new CallEnded(CallParty.Caller, "callback-promised", At(9, 25, 25))),
        Agent("a1", new CallFinished("c4", At(9, 25, 25), At(9, 25, 55))),
        Agent("a1", new AgentPaused(PauseReasons.Break, At(9, 25, 50), null)),
        Agent("a1", new AgentBecameReady(At(9, 40))),
        Agent("a1", new AgentLoggedOut(At(10, 0))),
        Queue("q1", new CallAssigned("c4", "a1", "t4", At(9, 20, 20))),
        // c5: q2 is closed in the evening: forwarded to the department.
        Call("c5", Offered("q2", At(18, 30))),
        Call("c5", new CallForwarded("+4500000002", "queue 'q2' closed", At(18, 30))),
    ];

    public static IReadOnlyList<ScriptedEvent> All => [.. Morning, .. Rest];

    /// <summary>The pure fold of the script, with journal-like offsets (1, 2, 3, ...).</summary>
    public static CenterStatistics Fold(IEnumerable<ScriptedEvent> events) =>
        events.Select((e, i) => (e, i)).Aggregate(CenterStatistics.Empty,
            (s, x) => StatisticsFold.Apply(s, x.e.Tag, x.i + 1, x.e.PersistenceId, x.e.Event));
}
