using System.Collections.Immutable;
using ContactCenter.Actors.Agents;
using ContactCenter.Actors.Calls;
using ContactCenter.Actors.Idempotency;
using ContactCenter.Actors.Queues;
using ContactCenter.Actors.Routing;
using ContactCenter.Actors.Serialization;

namespace ContactCenter.Actors.Tests.Serialization;

/// <summary>One named sample of a serialized type.</summary>
public sealed record Sample(string Name, IContactCenterMessage Message);

/// <summary>
/// A hand-written sample of every type in <see cref="ManifestRegistry"/>, with realistic, non-default values:
/// offsets other than UTC, sub-millisecond ticks, Danish letters, nullable fields set. Some types have more
/// than one sample (a variant with the optional fields left out, or another status). Names are
/// "manifest" or "manifest#variant".
/// </summary>
public static class SampleCatalogue
{
    // Copenhagen winter time, summer time, UTC and a far-away offset: an offset lost on the way shows up.
    private static readonly TimeSpan Cet = TimeSpan.FromHours(1);
    private static readonly TimeSpan Cest = TimeSpan.FromHours(2);

    private static readonly DateTimeOffset Morning = new DateTimeOffset(2025, 3, 14, 9, 30, 15, 250, Cet).AddTicks(1234);
    private static readonly DateTimeOffset Summer = new DateTimeOffset(2025, 7, 2, 13, 5, 42, 125, Cest).AddTicks(7);
    private static readonly DateTimeOffset Utc = new(2025, 7, 2, 11, 7, 3, 500, TimeSpan.Zero);
    private static readonly DateTimeOffset Abroad = new(2025, 7, 2, 16, 40, 0, TimeSpan.FromHours(5.5));

    private const string QueueId = "pension";
    private const string AgentId = "agent-0042";
    private const string CallId = "call-20250702-000731";
    private const string Token = "7f3c9e2a5b4d4e0f9a1c2b3d4e5f6a7b";

    private static readonly ImmutableDictionary<string, int> Skills = new Dictionary<string, int>
    {
        ["general"] = 5,
        ["pension"] = 7,
        ["housing-benefit"] = 3,
    }.ToImmutableDictionary();

    private static readonly AgentProfile Profile =
        new("Åse Østergård", "Team Nord", "Borgerservice", AgentKind.DepartmentStaff, Skills, AutoPauseOnMissedOffer: false);

    private static readonly CallRank Rank = new(40, Morning);

    private static readonly QueueConfig Config = new(
        "Pension – hypercare",
        "pension",
        MinLevel: 3,
        Strategy: RoutingStrategy.Linear,
        WrapUp: TimeSpan.FromSeconds(45),
        OfferTimeout: TimeSpan.FromSeconds(20),
        ServiceLevelPercent: 90,
        ServiceLevelThreshold: TimeSpan.FromSeconds(30),
        LinearOrder: ["agent-0042", "agent-0007", "agent-0113"]);

    private static readonly IdleAgent Idle = new(AgentId, 7, Summer, 12, new TimeSpan(1, 23, 17));

    private static readonly ImmutableArray<WaitingCall> Waiting =
    [
        new("call-20250702-000731", new CallRank(40, Morning), Summer),
        new("call-20250702-000735", new CallRank(10, Summer.AddMinutes(-3)), Summer.AddMinutes(-3)),
        new("call-20250702-000736", new CallRank(0, Utc), Utc),
    ];

    private static readonly ImmutableDictionary<string, string> AttachedData = CprNumber.Protect(new Dictionary<string, string>
    {
        ["cpr"] = "010203-4321",
        ["ivr-choice"] = "2;1",
        ["case"] = "PEN-2025-118",
    });

    private static readonly CallEvents.CallOffered Offered =
        new("+4512345678", "70101010", QueueId, "en", Rank, AttachedData, Morning);

    private static readonly AgentDailyStats Stats = new(new DateOnly(2025, 7, 2), 14, new TimeSpan(1, 12, 5), 2);

    public static IReadOnlyList<Sample> All { get; } = Build();

    public static Sample Get(string name) => All.Single(s => s.Name == name);

    private static IReadOnlyList<Sample> Build()
    {
        var samples = new List<Sample>();

        void Add(IContactCenterMessage message, string? variant = null)
        {
            var manifest = ManifestRegistry.ManifestOf(message.GetType());
            samples.Add(new Sample(variant is null ? manifest : $"{manifest}#{variant}", message));
        }

        // Shared
        Add(new CommandAccepted("pension", "queue 'pension' configured"));
        Add(new CommandRejected(AgentId, RejectionCode.StaleToken, $"token for call '{CallId}' is not the current offer's"));
        Add(Idle);
        Add(new QueueRoute(QueueId, "pension", 3, "b1f0c3d2-2025-07-02T13:05:42"));

        // Skill queues
        Add(Config);
        Add(new QueueConfig("Generel", "general"), "defaults");
        Add(new QueueCommands.ConfigureQueue(QueueId, Config));
        Add(new QueueCommands.EnqueueCall(QueueId, CallId, Rank));
        Add(new QueueCommands.RemoveCall(QueueId, CallId, "caller hung up"));
        Add(new QueueCommands.GetQueueState(QueueId));
        Add(new QueueProtocol.AgentAvailable(QueueId, Idle, 17));
        Add(new QueueProtocol.AgentUnavailable(QueueId, AgentId));
        Add(new QueueProtocol.ProposalAccepted(QueueId, AgentId, CallId, 1041, Token));
        Add(new QueueProtocol.ProposalDeclined(QueueId, AgentId, CallId, 1041, "agent no longer ready"));
        Add(new QueueProtocol.ProposalExpired(QueueId, AgentId, 1041));
        Add(new QueueEvents.QueueConfigured(Config, Morning));
        Add(new QueueEvents.CallEnqueued(CallId, Rank, Summer));
        Add(new QueueEvents.CallAssigned(CallId, AgentId, Token, Summer));
        Add(new QueueEvents.CallRemoved(CallId, "caller hung up", Utc));
        Add(Waiting[0]);
        Add(new QueueView(QueueId, Config, Waiting, [Idle, new IdleAgent("agent-0007", 9, Utc, 3, TimeSpan.FromMinutes(14))], 1));
        Add(new QueueView("unknown", null, [], [], 0), "unconfigured");
        Add(new QueueSnapshot(Config, Waiting, "agent-0007"));
        Add(new QueueSnapshot(null, [], null), "empty");

        // Agents
        Add(Profile);
        Add(new AgentCommands.ConfigureAgent(AgentId, Profile));
        Add(new AgentCommands.SetSkills(AgentId, Skills));
        Add(new AgentCommands.RemoveAgent(AgentId));
        Add(new AgentEvents.AgentRemoved(Utc));
        Add(new QueueCommands.RemoveQueue(QueueId));
        Add(new QueueCommands.SetOverride(QueueId, QueueOverride.Draining));
        Add(new QueueProtocol.ClosingTimeReached(QueueId, Summer));
        Add(new QueueEvents.QueueOverrideSet(QueueOverride.Closed, Summer));
        Add(new CallProtocol.ClosedWhileQueued(CallId, QueueId));
        Add(new QueueEvents.QueueRemoved(Summer));
        Add(new Adapters.JournalAdvanced("akka.tcp://contact-center@127.0.0.1:4053"));
        Add(new Adapters.AdapterCursorMessages.Acknowledge("adapter-1", 4711));
        Add(new Adapters.AdapterCursorMessages.GetCursor("adapter-1"));
        Add(new Adapters.AdapterCursorMessages.Cursor("adapter-1", 4711));
        Add(new Adapters.AdapterCursorMessages.Cursor("adapter-2", null), "never-subscribed");
        Add(new Adapters.AdapterCursorMessages.StartAt("adapter-1", 100));
        Add(new Adapters.AdapterCursorMessages.CursorMoved(4711, Summer));
        Add(new AgentCommands.LogIn(AgentId));
        Add(new AgentCommands.MakeReady(AgentId));
        Add(new AgentCommands.Pause(AgentId, PauseReasons.Training, TimeSpan.FromMinutes(25)));
        Add(new AgentCommands.Pause(AgentId, PauseReasons.NotReady), "open-ended");
        Add(new AgentCommands.LogOut(AgentId, Force: true));
        Add(new AgentCommands.EndWrapUp(AgentId));
        Add(new AgentCommands.ExtendWrapUp(AgentId, TimeSpan.FromMinutes(2)));
        Add(new AgentCommands.AnswerOffer(AgentId, CallId, Token));
        Add(new AgentCommands.GetAgentState(AgentId));
        Add(new AgentProtocol.CallProposal(AgentId, QueueId, CallId, Rank, 1041, 17, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(45)));
        Add(new AgentProtocol.NoCallWaiting(AgentId, QueueId, 17));
        Add(new AgentProtocol.ProposalVoid(AgentId, CallId, Token));
        Add(new AgentProtocol.OfferCancelled(AgentId, CallId, Token, "caller hung up"));
        Add(new AgentProtocol.ConnectedCallEnded(AgentId, CallId, Token));
        Add(new AgentProtocol.OfferDeadlineReached(AgentId, Token));
        Add(new AgentProtocol.WrapUpDeadlineReached(AgentId, Summer.AddSeconds(45)));
        Add(new AgentProtocol.PauseDeadlineReached(AgentId, Abroad));
        Add(new AgentProtocol.CollectionWindowClosed(AgentId, 17));
        Add(new AgentEvents.AgentConfigured(Profile, Morning));
        Add(new AgentEvents.AgentLoggedIn(Morning.AddMinutes(1)));
        Add(new AgentEvents.AgentBecameReady(Morning.AddMinutes(2)));
        Add(new AgentEvents.AgentPaused(PauseReasons.Break, Summer, Summer.AddMinutes(15)));
        Add(new AgentEvents.AgentPaused(PauseReasons.NotReady, Summer, null), "open-ended");
        Add(new AgentEvents.AgentLoggedOut(Utc));
        Add(new AgentEvents.OfferReserved(CallId, QueueId, Token, Summer, Summer.AddSeconds(20), TimeSpan.FromSeconds(45)));
        Add(new AgentEvents.OfferMissed(CallId, Token, true, Summer.AddSeconds(20)));
        Add(new AgentEvents.OfferRevoked(CallId, Token, "caller hung up", Summer.AddSeconds(9)));
        Add(new AgentEvents.CallAnswered(CallId, Token, Summer.AddSeconds(6)));
        Add(new AgentEvents.CallFinished(CallId, Summer.AddMinutes(7), Summer.AddMinutes(7).AddSeconds(45)));
        Add(new AgentEvents.WrapUpExtended(Summer.AddMinutes(9).AddSeconds(45), Summer.AddMinutes(7).AddSeconds(30)));
        Add(new AgentOffer(CallId, QueueId, Token, Summer, Summer.AddSeconds(20), TimeSpan.FromSeconds(45)));
        Add(new AgentCall(CallId, QueueId, Token, Summer.AddSeconds(6), TimeSpan.FromSeconds(45)));
        Add(Stats);
        Add(new AgentState(AgentId, Profile, AgentStatus.OnCall, Summer.AddSeconds(6), null,
            new AgentCall(CallId, QueueId, Token, Summer.AddSeconds(6), TimeSpan.FromSeconds(45)), null, null, null, Stats), "on-call");
        Add(new AgentState(AgentId, Profile, AgentStatus.Offered, Summer, new AgentOffer(CallId, QueueId, Token, Summer,
            Summer.AddSeconds(20), TimeSpan.FromSeconds(45)), null, null, null, null, Stats), "offered");
        Add(new AgentState(AgentId, Profile, AgentStatus.WrapUp, Summer.AddMinutes(7), null, null,
            Summer.AddMinutes(7).AddSeconds(45), null, null, Stats), "wrap-up");
        Add(new AgentState(AgentId, Profile, AgentStatus.Paused, Abroad, null, null, null, PauseReasons.Meeting,
            Abroad.AddHours(1), Stats), "paused");
        Add(AgentState.Empty("agent-0999"), "empty");

        // Calls
        Add(new CallCommands.OfferCall(CallId, "+4512345678", "70101010", QueueId, "en", 40,
            new Dictionary<string, string> { ["cpr"] = "010203-4321", ["case"] = "PEN-2025-118" }.ToImmutableDictionary()));
        Add(new CallCommands.OfferCall("call-20250702-000736", "+4587654321", "70101010", "general"), "defaults");
        Add(new CallCommands.HangUp(CallId, CallParty.Agent, "resolved"));
        Add(new CallCommands.HangUp(CallId, CallParty.Caller), "no-disposition");
        Add(new CallCommands.GetCallState(CallId));
        Add(new CallProtocol.RouteToAgent(CallId, QueueId, AgentId, Token));
        Add(new CallProtocol.AgentConnected(CallId, AgentId, Token));
        Add(new CallProtocol.OfferWithdrawn(CallId, AgentId, Token, "no answer"));
        Add(Offered);
        Add(new CallEvents.CallOfferedToAgent(AgentId, Token, Summer));
        Add(new CallEvents.CallOfferWithdrawn(AgentId, Token, "no answer", Summer.AddSeconds(20)));
        Add(new CallEvents.CallConnected("agent-0007", "0b9d8c7e6f5a4b3c2d1e0f9a8b7c6d5e", Summer.AddSeconds(31)));
        Add(new CallEvents.CallEnded(CallParty.Agent, "resolved", Summer.AddMinutes(7)));
        Add(new CallEvents.CallEnded(CallParty.Caller, null, Utc), "no-disposition");
        Add(new CallEvents.CallAbandoned(CallStatus.Ringing, Abroad));
        Add(new CallEvents.CallRedirected(QueueId, "general", "closed", Summer));
        Add(new CallEvents.CallForwarded("+4533173317", "queue 'pension' closed", Summer));
        Add(new CallEvents.CallClosedAnnounced(QueueId, Summer.AddHours(14), Summer));
        Add(new CallEvents.CallClosedAnnounced(QueueId, null, Summer), "never-opens");
        Add(new ClosedHandling(ClosedAction.Forward, "+4533173317"));
        Add(ClosedHandling.AnnounceNextOpening, "default");
        Add(new QueueConfig("hjemmepleje", "hjemmepleje", Hours: ContactCenter.Actors.Calendar.CopenhagenSample.HjemmeplejeSuf,
            WhenClosed: new ClosedHandling(ClosedAction.Forward, "+4533173317")), "with-hours");
        Add(new QueueRoute("hjemmepleje", "hjemmepleje", 1, "inc-1", ContactCenter.Actors.Calendar.CopenhagenSample.HjemmeplejeSuf,
            new ClosedHandling(ClosedAction.Overflow, "main")), "with-hours");
        Add(EndedCall(), "ended");
        Add(AbandonedCall(), "abandoned");
        Add(CallState.Empty("call-20250702-000999"), "empty");

        // Idempotency keys
        const string record = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        var stored = new StoredResponse(201, "application/json", "{\"callId\":\"c1\"}", "/v1/calls/c1");
        Add(stored);
        Add(new StoredResponse(404, "application/problem+json", "{}"), "no-location");
        Add(new IdempotencyCommands.Claim(record, "abc123", TimeSpan.FromHours(24), TimeSpan.FromSeconds(30)));
        Add(new IdempotencyCommands.Complete(record, "abc123", stored));
        Add(new IdempotencyCommands.Release(record, "abc123"));
        Add(new IdempotencyReplies.Proceed(record));
        Add(new IdempotencyReplies.Replay(record, stored));
        Add(new IdempotencyReplies.InProgress(record));
        Add(new IdempotencyReplies.KeyReused(record));
        Add(new IdempotencyEvents.RequestClaimed("abc123", Summer));
        Add(new IdempotencyEvents.ResponseStored(stored, Summer.AddMilliseconds(40)));
        Add(new IdempotencyEvents.ClaimReleased(Utc));
        Add(new IdempotencyRecord(record, "abc123", Summer, stored, Summer.AddMilliseconds(40)));
        Add(IdempotencyRecord.Empty(record), "empty");

        Add(Tests.Statistics.ScriptedDay.Fold(Tests.Statistics.ScriptedDay.All.Take(28)));  // c4 waiting, a1 reserved for it
        Add(ContactCenter.Actors.Statistics.CenterStatistics.Empty, "empty");
        Add(new ContactCenter.Actors.Statistics.StatisticsMessages.GetStatistics(new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 30)));
        Add(new ContactCenter.Actors.Statistics.StatisticsMessages.RebuildStatistics());

        return samples;
    }

    /// <summary>A call offered to one agent who missed it, then answered by another and ended.</summary>
    private static CallState EndedCall()
    {
        ReadOnlySpan<CallEvents.ICallEvent> history =
        [
            Offered,
            new CallEvents.CallOfferedToAgent(AgentId, Token, Summer),
            new CallEvents.CallOfferWithdrawn(AgentId, Token, "no answer", Summer.AddSeconds(20)),
            new CallEvents.CallOfferedToAgent("agent-0007", "0b9d8c7e6f5a4b3c2d1e0f9a8b7c6d5e", Summer.AddSeconds(25)),
            new CallEvents.CallConnected("agent-0007", "0b9d8c7e6f5a4b3c2d1e0f9a8b7c6d5e", Summer.AddSeconds(31)),
            new CallEvents.CallEnded(CallParty.Agent, "resolved", Summer.AddMinutes(7)),
        ];
        var state = CallState.Empty(CallId);
        foreach (var e in history) state = state.Apply(e);
        return state;
    }

    /// <summary>A call that rang an agent and was abandoned by the caller before anyone answered.</summary>
    private static CallState AbandonedCall()
    {
        var state = CallState.Empty("call-20250702-000735")
            .Apply(Offered with { QueueId = "general", Rank = new CallRank(10, Summer.AddMinutes(-3)), At = Summer.AddMinutes(-3) })
            .Apply(new CallEvents.CallOfferedToAgent(AgentId, Token, Summer.AddMinutes(-1)))
            .Apply(new CallEvents.CallAbandoned(CallStatus.Ringing, Summer));
        return state;
    }
}
