using System.Collections.Immutable;
using ContactCenter.Actors.Agents;
using ContactCenter.Actors.Calls;
using ContactCenter.Actors.Departments;
using ContactCenter.Actors.Entries;
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
        Add(new CallCommands.OfferCall("call-20250702-000740", "+4512345678", "33 66 33 66", "", "", 0, null, ["2", null, "1"]), "with-choices");
        Add(new CallCommands.MenuInput(CallId, "2"));
        Add(new CallCommands.MenuInput(CallId, null), "timeout");
        Add(new CallEvents.CallEntered("+4512345678", "+4533663366", "+4533663366", "da", 0, AttachedData, Morning));
        Add(new CallEvents.CallMenuEntered("hovedmenu", "en", 2, Summer));
        Add(new CallEvents.CallMenuChoice("hovedmenu", "2", "menu:social", Summer));
        Add(new CallEvents.CallMenuChoice("social", null, "default:queue:hovednummer", Abroad), "timeout");
        Add(new CallEvents.CallPlanRouted("pladsanvisning", 7, "queue:pladsanvisning", Summer));
        Add(new CallEvents.CallForwarded("+4533174189", "queue 'hjemmepleje-suf' closed", Summer, "suf-doegnpleje"), "to-target");
        Add(new CallEvents.CallClosedAnnounced("", Summer.AddHours(20), Summer, "buf-pladsanvisning"), "target-closed");
        Add(MenuCall(), "in-menu");
        Add(EndedCall(), "ended");
        Add(AbandonedCall(), "abandoned");
        Add(CallState.Empty("call-20250702-000999"), "empty");

        // Transfers, the wait-time passport, messages to departments
        var external = new ContactCenter.Actors.Transfers.TransferTarget(ContactCenter.Actors.Transfers.TransferTargetKind.External, "+4533663366");
        var leg = new TransferLeg(CallId + "-leg-1", ContactCenter.Actors.Transfers.TransferMode.Warm,
            new ContactCenter.Actors.Transfers.TransferTarget(ContactCenter.Actors.Transfers.TransferTargetKind.Queue, "pladsanvisning"),
            AgentId, Token, QueueId, Rank, Summer, Summer.AddSeconds(30), LegPhase.Ringing, "agent-0007", "0b9d8c7e6f5a4b3c2d1e0f9a8b7c6d5e");
        var coldLeg = new TransferLeg(CallId + "-leg-2", ContactCenter.Actors.Transfers.TransferMode.Cold, external, AgentId, Token, QueueId, Rank,
            Utc, Utc.AddSeconds(30));
        Add(new ContactCenter.Actors.Transfers.TransferRules(ContactCenter.Actors.Transfers.PassportRule.Reset,
            ContactCenter.Actors.Transfers.ReturnPlacement.Back));
        Add(external);
        Add(leg);
        Add(coldLeg, "cold-waiting");
        Add(new TransferCommands.TransferCall(CallId, AgentId, ContactCenter.Actors.Transfers.TransferMode.Cold, external, TimeSpan.FromSeconds(45)));
        Add(new TransferCommands.TransferCall(CallId, AgentId, ContactCenter.Actors.Transfers.TransferMode.Warm, leg.Target), "default-timeout");
        Add(new TransferCommands.CompleteTransfer(CallId, AgentId));
        Add(new TransferCommands.CancelTransfer(CallId, AgentId));
        Add(new TransferCommands.ConferenceTransfer(CallId, AgentId));
        Add(new TransferCommands.ReportLeg(CallId, LegOutcome.Busy, coldLeg.LegId));
        Add(new TransferCommands.NoteDepartmentReferral(CallId, "BUF-pladsanvisning", "m-0001", "CallbackRequest"));
        Add(new TransferProtocol.DirectOfferAccepted(CallId, AgentId, leg.LegId, Token));
        Add(new TransferProtocol.DirectOfferRefused(CallId, AgentId, leg.LegId, "agent 'agent-0042' is Paused"));
        Add(new TransferProtocol.LegDeadlineReached(CallId, leg.LegId));
        Add(new TransferProtocol.ResumeTransfer(CallId));
        Add(new TransferEvents.CallTransferredToQueue(AgentId, Token, QueueId, "pladsanvisning", Rank, Summer));
        Add(new TransferEvents.TransferLegStarted(leg with { Phase = LegPhase.Waiting, AgentId = null, Token = null }, Summer));
        Add(new TransferEvents.TransferLegRinging(leg.LegId, "agent-0007", "0b9d8c7e6f5a4b3c2d1e0f9a8b7c6d5e", Summer.AddSeconds(2)));
        Add(new TransferEvents.TransferLegAnswered(leg, Summer.AddSeconds(6)));
        Add(new TransferEvents.TransferLegFailed(coldLeg, "no answer", Rank, Utc.AddSeconds(30)));
        Add(new TransferEvents.TransferLegFailed(leg, "cancelled by agent", null, Summer.AddSeconds(40)), "warm");
        Add(new TransferEvents.WarmTransferCompleted(leg with { Phase = LegPhase.Answered, Conference = true }, Summer.AddMinutes(1)));
        Add(new TransferEvents.ConsultConferenced(leg.LegId, Summer.AddSeconds(50)));
        Add(new TransferEvents.CallReferredToDepartment("BUF-pladsanvisning", "m-0001", "CallbackRequest", Summer.AddMinutes(2)));
        Add(new AgentProtocol.DirectOffer("agent-0007", CallId, leg.LegId, QueueId, Rank, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(45)));
        Add(new ContactCenter.Actors.Transfers.TransferWatchMessages.Watch(CallId));
        Add(new ContactCenter.Actors.Transfers.TransferWatchMessages.Settled(CallId));
        var message = new ContactCenter.Actors.Departments.DepartmentMessage("m-0001", "BUF-pladsanvisning",
            ContactCenter.Actors.Departments.DepartmentMessageKind.CallbackRequest, CallId, AgentId, "+4512345678",
            "Forælder spørger om plads i vuggestue på Østerbro; ring tilbage før kl. 13", Summer);
        var closed = message with
        {
            Status = ContactCenter.Actors.Departments.DepartmentMessageStatus.Closed, ClaimedBy = "mette", ClaimedAt = Summer.AddMinutes(5),
            ClosedBy = "mette", ClosedAt = Summer.AddMinutes(20), Outcome = "citizen called back",
        };
        Add(new ContactCenter.Actors.Departments.DepartmentCommands.LeaveMessage("BUF-pladsanvisning", "m-0001",
            ContactCenter.Actors.Departments.DepartmentMessageKind.CallbackRequest, CallId, AgentId, "+4512345678", message.Text));
        Add(new ContactCenter.Actors.Departments.DepartmentCommands.ListMessages("BUF-pladsanvisning", true));
        Add(new ContactCenter.Actors.Departments.DepartmentCommands.ClaimMessage("BUF-pladsanvisning", "m-0001", "mette"));
        Add(new ContactCenter.Actors.Departments.DepartmentCommands.CloseMessage("BUF-pladsanvisning", "m-0001", "mette", "citizen called back"));
        Add(new ContactCenter.Actors.Departments.DepartmentEvents.MessageLeft(message, Summer));
        Add(new ContactCenter.Actors.Departments.DepartmentEvents.MessageClaimed("m-0001", "mette", Summer.AddMinutes(5)));
        Add(new ContactCenter.Actors.Departments.DepartmentEvents.MessageClosed("m-0001", "mette", "citizen called back", Summer.AddMinutes(20)));
        Add(message);
        Add(closed, "closed");
        Add(new ContactCenter.Actors.Departments.DepartmentMessageList("BUF-pladsanvisning", [message]));
        Add(new ContactCenter.Actors.Departments.DepartmentInboxSnapshot([message, closed with { MessageId = "m-0002" }]));
        Add(new QueueConfig("pladsanvisning", "pladsanvisning", Transfers: new ContactCenter.Actors.Transfers.TransferRules(
            ContactCenter.Actors.Transfers.PassportRule.Keep, ContactCenter.Actors.Transfers.ReturnPlacement.Back)), "with-transfer-rules");
        Add(EndedCall().Apply(new TransferEvents.CallReferredToDepartment("BUF-pladsanvisning", "m-0001", "Message", Summer.AddMinutes(8))),
            "referred");
        Add(CallState.Empty(CallId).Apply(Offered).Apply(new CallEvents.CallConnected(AgentId, Token, Summer))
            .Apply(new TransferEvents.TransferLegStarted(leg with { Phase = LegPhase.Waiting, AgentId = null, Token = null }, Summer.AddSeconds(1)))
            .Apply(new TransferEvents.TransferLegRinging(leg.LegId, "agent-0007", "0b9d8c7e6f5a4b3c2d1e0f9a8b7c6d5e", Summer.AddSeconds(2))),
            "consulting");

        Add(new QueueRoute("pladsanvisning", "pladsanvisning", 2, "inc-7", null, null, QueueOverride.None,
            Transfers: new ContactCenter.Actors.Transfers.TransferRules(ContactCenter.Actors.Transfers.PassportRule.Reset)), "with-transfer-rules");

        // Entry plan: directory, entry numbers, menus, routing plan
        Add(Buf);
        Add(Buf with { Hours = null, Function = "" }, "always-open");
        Add(Destination.ToArea("pladsanvisning"));
        Add(new Destination(Number: "+4533663366"), "number");
        Add(Destination.ToQueue("hovednummer"), "queue");
        Add(Destination.ToTarget("buf-pladsanvisning"), "target");
        Add(Destination.ToMenu("social"), "menu");
        Add(new Destination(Language: "en"), "language");
        Add(Extension);
        Add(MainMenu);
        Add(MainMenu with { Extension = null, Options = ImmutableDictionary<string, Destination>.Empty }, "no-options");
        Add(MainNumber);
        Add(GoLive);
        Add(GoLive with { CancelledAt = Utc }, "cancelled");
        Add(PlanWithAll());
        Add(EntryPlan.Empty, "empty");
        const string plan = EntryPlan.CenterId;
        Add(new EntryPlanCommands.SetTarget(plan, Buf));
        Add(new EntryPlanCommands.RemoveTarget(plan, "buf-pladsanvisning"));
        Add(new EntryPlanCommands.SetNumber(plan, MainNumber));
        Add(new EntryPlanCommands.RemoveNumber(plan, "+4533663366"));
        Add(new EntryPlanCommands.SetMenu(plan, MainMenu));
        Add(new EntryPlanCommands.RemoveMenu(plan, "hovedmenu"));
        Add(new EntryPlanCommands.ScheduleChange(plan, "pladsanvisning", Summer, Destination.ToQueue("pladsanvisning"), "go-live"));
        Add(new EntryPlanCommands.ScheduleChange(plan, "bibliotek", null, Destination.ToQueue("bibliotek")), "at-once");
        Add(new EntryPlanCommands.CancelChange(plan, 7));
        Add(new EntryPlanCommands.Seed(plan, [Buf], [MainNumber], [MainMenu],
            [new EntryPlanCommands.ScheduleChange(plan, "pladsanvisning", Summer, Destination.ToTarget("buf-pladsanvisning"))]));
        Add(new EntryPlanCommands.GetEntryPlan(plan));
        Add(new EntryPlanEvents.TargetSet(Buf, Morning));
        Add(new EntryPlanEvents.TargetRemoved("buf-pladsanvisning", Summer));
        Add(new EntryPlanEvents.NumberSet(MainNumber, Morning));
        Add(new EntryPlanEvents.NumberRemoved("+4533663366", Utc));
        Add(new EntryPlanEvents.MenuSet(MainMenu, Morning));
        Add(new EntryPlanEvents.MenuRemoved("social", Abroad));
        Add(new EntryPlanEvents.ChangeScheduled(GoLive, Morning));
        Add(new EntryPlanEvents.ChangeCancelled(7, Summer));

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

        // Callbacks, escalation steps and hypercare
        var callbacks = new CallbackSettings(OfferWhenMoreWaitingThan: 4, OfferWhenWaitAbove: TimeSpan.FromSeconds(75), MaxAttempts: 4,
            RetryBackoff: TimeSpan.FromMinutes(3), DialTimeout: TimeSpan.FromSeconds(40), LatestScheduleAhead: TimeSpan.FromDays(7));
        var step = new EscalationStep(TimeSpan.FromSeconds(90), MinLevel: 2, Skill: "pension", QueueId: "general", Team: "Team Nord");
        var hypercare = new HypercareSettings(Morning, 12, "Borgerservice Pension", "pension-fag", 4, "Team Syd",
            TimeSpan.FromSeconds(90), 70, TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(30), 78, TimeSpan.FromSeconds(50), TimeSpan.FromMinutes(2));
        var parked = new ParkedCallback(CallId, Rank, Summer.AddHours(18));
        Add(callbacks);
        Add(CallbackSettings.Defaults, "defaults");
        Add(step);
        Add(new EscalationStep(TimeSpan.FromSeconds(30), MinLevel: 1), "widen");
        Add(hypercare);
        Add(new HypercareSettings(Morning, 8, "BUF"), "defaults");
        Add(new QueueAudience(QueueAudience.HypercareRing, "pension-fag", 4, "general", "Team Syd", "Borgerservice Pension"));
        Add(parked);
        Add(Config with { Callbacks = callbacks, Escalation = [step, new EscalationStep(TimeSpan.FromMinutes(3), MinLevel: 1)], Hypercare = hypercare,
            WhenClosed = new ClosedHandling(ClosedAction.Callback) }, "overflow");
        Add(new QueueRoute(QueueId, "pension", 3, "inc-7", null, new ClosedHandling(ClosedAction.Callback), QueueOverride.None,
            [new QueueAudience(1, "pension", 1)], callbacks), "overflow");
        Add(Idle with { Ring = QueueAudience.HypercareRing }, "hypercare");
        Add(new AgentProtocol.CallProposal(AgentId, QueueId, CallId, Rank, 1042, 0, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(45), 2), "ring");
        Add(new QueueCommands.ParkCallback(QueueId, CallId, Rank, Summer.AddHours(18)));
        Add(new QueueProtocol.CallbackDue(QueueId, CallId));
        Add(new QueueProtocol.OverflowTick(QueueId));
        Add(new QueueEvents.CallbackParked(CallId, Rank, Summer.AddHours(18), Summer));
        Add(new QueueEvents.HypercareOverflowChanged(true, "oldest wait 95 s > 90 s", Summer));
        Add(new QueueView(QueueId, Config, Waiting, [Idle], 0, QueueOverride.None, [parked], [1, QueueAudience.HypercareRing], Summer), "overflow");
        Add(new QueueSnapshot(Config, Waiting, "agent-0007", QueueOverride.None, [parked], Summer), "overflow");
        var ticket = new CallbackTicket("+4512345678", Summer.AddHours(18), 3, TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(45), 1, "caller");
        Add(ticket);
        Add(new CallbackCommands.RequestCallback(CallId, "+4512345678", Summer.AddHours(18)));
        Add(new CallbackCommands.RequestCallback(CallId), "defaults");
        Add(new CallbackCommands.ReportCallbackDial(CallId, Token, CallbackDialResult.Busy));
        Add(new CallbackProtocol.CallbackDialTimedOut(CallId, Token));
        Add(new CallProtocol.OfferCallbackChoice(CallId, QueueId, "6 callers waiting"));
        Add(new CallEvents.CallbackOffered(QueueId, "6 callers waiting", Summer));
        Add(new CallEvents.CallbackRequested("+4512345678", Summer.AddHours(18), 3, TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(45), "caller", Summer));
        Add(new CallEvents.CallbackRequested("+4512345678", null, 3, TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(45), "caller", Summer), "in-line");
        Add(new CallEvents.CallbackDialled(AgentId, Token, "+4512345678", 2, Summer.AddMinutes(3)));
        Add(new CallEvents.CallbackAttemptFailed(AgentId, Token, 2, CallbackDialResult.NoAnswer, Summer.AddMinutes(8), Summer.AddMinutes(4)));
        Add(new CallEvents.CallbackAttemptFailed(AgentId, Token, 3, CallbackDialResult.Busy, null, Summer.AddMinutes(9)), "last");
        Add(new CallEvents.CallbackGaveUp(3, Summer.AddMinutes(9)));
        Add(CallbackCall(), "callback-waiting");

        Add(Tests.Statistics.ScriptedDay.Fold(Tests.Statistics.ScriptedDay.All.Take(28)));  // c4 waiting, a1 reserved for it
        Add(ContactCenter.Actors.Statistics.CenterStatistics.Empty, "empty");
        var wired = Tests.Statistics.ScriptedDay.Fold(Tests.Statistics.StatisticsWiringTests.Script);   // menus, recently ended calls
        Add(wired with
        {
            Calls = wired.Calls.Add("cb", new ContactCenter.Actors.Statistics.CallTrack(QueueId, Summer, Summer.AddMinutes(40), Callback: true, Referred: true)),
        }, "wired");
        Add(new ContactCenter.Actors.Statistics.StatisticsMessages.GetStatistics(new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 30)));
        Add(new ContactCenter.Actors.Statistics.StatisticsMessages.RebuildStatistics());

        return samples;
    }

    private static DirectoryTarget Buf => new("buf-pladsanvisning", "BUF Pladsanvisningen", "BUF",
        "Pladsanvisning: sagsbehandling og tilbagekald", "+4533171000", ContactCenter.Actors.Calendar.CopenhagenSample.Pladsanvisning);

    private static ExtensionDialling Extension => new("+453366", 4);

    private static IvrMenu MainMenu => new("hovedmenu", "Velkomstmenu",
        new Dictionary<string, string> { ["da"] = "Tast 1 for pladsanvisning. Tast 9 for English.", ["en"] = "Press 1 for childcare places." }
            .ToImmutableDictionary(),
        new Dictionary<string, Destination>
        {
            ["1"] = Destination.ToArea("pladsanvisning"),
            ["2"] = Destination.ToMenu("social"),
            ["3"] = Destination.ToTarget("buf-pladsanvisning"),
            ["5"] = new(Number: "+4533736060"),
            ["9"] = new(Language: "en"),
        }.ToImmutableDictionary(),
        Destination.ToQueue("hovednummer"), 8, 3, Extension);

    private static EntryNumber MainNumber => new("+4533663366", "Én Indgang", Destination.ToMenu("hovedmenu"), "da");

    private static PlanChange GoLive =>
        new(7, "pladsanvisning", new DateTimeOffset(2026, 5, 15, 0, 0, 0, Cest), Destination.ToQueue("pladsanvisning"), "go-live");

    private static EntryPlan PlanWithAll() => new EntryPlanEvents.IEntryPlanEvent[]
    {
        new EntryPlanEvents.TargetSet(Buf, Morning),
        new EntryPlanEvents.MenuSet(MainMenu with { Options = MainMenu.Options.Remove("2") }, Morning),
        new EntryPlanEvents.NumberSet(MainNumber, Morning),
        new EntryPlanEvents.ChangeScheduled(GoLive with { Version = 1, EffectiveFrom = DateTimeOffset.UnixEpoch, Destination = Destination.ToTarget("buf-pladsanvisning") }, Morning),
        new EntryPlanEvents.ChangeScheduled(GoLive with { Version = 2 }, Morning),
        new EntryPlanEvents.ChangeCancelled(2, Summer),
    }.Aggregate(EntryPlan.Empty, (p, e) => p.Apply(e));

    /// <summary>A call on the main number that chose English and is in the second-level menu.</summary>
    private static CallState MenuCall() => new List<CallEvents.ICallEvent>
    {
        new CallEvents.CallEntered("+4512345678", "+4533663366", "+4533663366", "da", 0, AttachedData, Morning),
        new CallEvents.CallMenuEntered("hovedmenu", "da", 1, Morning),
        new CallEvents.CallMenuChoice("hovedmenu", "9", "language:en", Morning.AddSeconds(4)),
        new CallEvents.CallMenuEntered("hovedmenu", "en", 1, Morning.AddSeconds(4)),
        new CallEvents.CallMenuChoice("hovedmenu", "2", "menu:social", Morning.AddSeconds(9)),
        new CallEvents.CallMenuEntered("social", "en", 1, Morning.AddSeconds(9)),
    }.Aggregate(CallState.Empty("call-20250702-000740"), (s, e) => s.Apply(e));

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

    /// <summary>A callback whose first attempt was not answered: queued again with a retry time.</summary>
    private static CallState CallbackCall() =>
        CallState.Empty(CallId)
            .Apply(Offered)
            .Apply(new CallEvents.CallbackOffered(QueueId, "6 callers waiting", Morning.AddSeconds(2)))
            .Apply(new CallEvents.CallbackRequested("+4512345678", null, 3, TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(45), "caller", Morning.AddSeconds(9)))
            .Apply(new CallEvents.CallOfferedToAgent(AgentId, Token, Summer))
            .Apply(new CallEvents.CallbackDialled(AgentId, Token, "+4512345678", 1, Summer.AddSeconds(4)))
            .Apply(new CallEvents.CallbackAttemptFailed(AgentId, Token, 1, CallbackDialResult.NoAnswer, Summer.AddMinutes(3), Summer.AddSeconds(49)));

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
