using System.Collections.Immutable;
using System.Text.Json.Nodes;
using ContactCenter.Actors.Agents;
using ContactCenter.Actors.Calls;
using ContactCenter.Actors.Queues;
using ContactCenter.Actors.Routing;
using ContactCenter.Actors.Serialization;
using Xunit;

namespace ContactCenter.Actors.Tests.Serialization;

/// <summary>
/// Stored journals and snapshots stay readable: every entry of the checked-in fixtures decodes to the type its
/// manifest named when it was written, loses no stored field, and key values of the first schema are pinned
/// here by hand, so a rename or a type change that would silently empty a field of old events fails.
/// </summary>
[Collection(SerializationCollection.Name)]
public sealed class JournalCompatibilityTests(SerializationSystem ser)
{
    /// <summary>The persisted types of the first schema, by manifest, as they were when journal-v1.json was written.</summary>
    private static readonly IReadOnlyDictionary<string, Type> FirstSchemaTypes = new Dictionary<string, Type>
    {
        ["queue.configured"] = typeof(QueueEvents.QueueConfigured),
        ["queue.call-enqueued"] = typeof(QueueEvents.CallEnqueued),
        ["queue.call-assigned"] = typeof(QueueEvents.CallAssigned),
        ["queue.call-removed"] = typeof(QueueEvents.CallRemoved),
        ["queue.snapshot"] = typeof(QueueSnapshot),
        ["agent.configured"] = typeof(AgentEvents.AgentConfigured),
        ["agent.logged-in"] = typeof(AgentEvents.AgentLoggedIn),
        ["agent.became-ready"] = typeof(AgentEvents.AgentBecameReady),
        ["agent.paused"] = typeof(AgentEvents.AgentPaused),
        ["agent.logged-out"] = typeof(AgentEvents.AgentLoggedOut),
        ["agent.offer-reserved"] = typeof(AgentEvents.OfferReserved),
        ["agent.offer-missed"] = typeof(AgentEvents.OfferMissed),
        ["agent.offer-revoked"] = typeof(AgentEvents.OfferRevoked),
        ["agent.call-answered"] = typeof(AgentEvents.CallAnswered),
        ["agent.call-finished"] = typeof(AgentEvents.CallFinished),
        ["agent.wrap-up-extended"] = typeof(AgentEvents.WrapUpExtended),
        ["agent.state"] = typeof(AgentState),
        ["call.offered"] = typeof(CallEvents.CallOffered),
        ["call.offered-to-agent"] = typeof(CallEvents.CallOfferedToAgent),
        ["call.offer-withdrawn-event"] = typeof(CallEvents.CallOfferWithdrawn),
        ["call.connected"] = typeof(CallEvents.CallConnected),
        ["call.ended"] = typeof(CallEvents.CallEnded),
        ["call.abandoned"] = typeof(CallEvents.CallAbandoned),
    };

    /// <summary>Read-only properties the serializer writes but never reads back (computed from other fields).</summary>
    private static readonly IReadOnlySet<string> Derived = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(AgentState.Exists),
        nameof(QueueConfig.EffectiveWrapUp),
        nameof(QueueConfig.EffectiveOfferTimeout),
        nameof(QueueConfig.EffectiveServiceLevelThreshold),
        nameof(QueueConfig.EffectiveLinearOrder),
    };

    private static readonly TimeSpan Cet = TimeSpan.FromHours(1);
    private static readonly TimeSpan Cest = TimeSpan.FromHours(2);

    public static TheoryData<string> EntryKeys => new(JournalFixtures.All.Select(e => e.Key));

    [Fact]
    public void The_first_schema_fixture_holds_every_first_schema_type()
    {
        var manifests = JournalFixtures.Load(JournalFixtures.FirstSchema).Select(e => e.Manifest).ToHashSet();
        Assert.Equal(FirstSchemaTypes.Keys.Order(StringComparer.Ordinal), manifests.Order(StringComparer.Ordinal));
    }

    /// <summary>A new event or snapshot type needs a stored sample too (in a new journal-vN.json, never in v1).</summary>
    [Fact]
    public void The_fixtures_hold_every_persisted_type_of_today()
    {
        var persisted = new[] { typeof(AgentEvents), typeof(CallEvents), typeof(QueueEvents), typeof(ContactCenter.Actors.Idempotency.IdempotencyEvents),
                typeof(ContactCenter.Actors.Entries.EntryPlanEvents), typeof(TransferEvents), typeof(ContactCenter.Actors.Departments.DepartmentEvents) }
            .SelectMany(t => t.GetNestedTypes())
            .Where(t => !t.IsAbstract && !t.IsInterface && typeof(IContactCenterMessage).IsAssignableFrom(t))
            .Append(typeof(AgentState))
            .Append(typeof(QueueSnapshot))
            .Append(typeof(ContactCenter.Actors.Entries.EntryPlan))
            .Append(typeof(ContactCenter.Actors.Departments.DepartmentInboxSnapshot));
        var stored = JournalFixtures.All.Select(e => ManifestRegistry.TypeOf(e.Manifest)).ToHashSet();
        var missing = persisted.Where(t => !stored.Contains(t)).Select(t => t.FullName).ToList();
        Assert.True(missing.Count == 0, "no stored sample in Fixtures/journal-v*.json for: " + string.Join(", ", missing));
    }

    [Theory]
    [MemberData(nameof(EntryKeys))]
    public void A_stored_entry_decodes_to_its_type_and_keeps_every_stored_field(string key)
    {
        var entry = JournalFixtures.Get(key);

        var decoded = ser.Serializer.FromBinary(entry.Payload, entry.Manifest);

        if (entry.File == JournalFixtures.FirstSchema)
            Assert.Equal(FirstSchemaTypes[entry.Manifest], decoded.GetType());
        else
            Assert.Equal(ManifestRegistry.TypeOf(entry.Manifest), decoded.GetType());
        var rewritten = JsonNode.Parse(ser.Serializer.ToBinary(decoded));
        Assert.Null(JournalFixtures.FirstLoss(JsonNode.Parse(entry.PayloadJson), rewritten, Derived));
    }

    [Fact]
    public void Agent_configured_keeps_the_profile_and_its_skills()
    {
        var e = Decode<AgentEvents.AgentConfigured>("agent.configured");

        Assert.Equal("Åse Østergård", e.Profile.Name);
        Assert.Equal("Team Nord", e.Profile.Team);
        Assert.Equal("Borgerservice", e.Profile.Department);
        Assert.Equal(AgentKind.DepartmentStaff, e.Profile.Kind);
        Assert.False(e.Profile.AutoPauseOnMissedOffer);
        Assert.Equal(
            new Dictionary<string, int> { ["general"] = 5, ["pension"] = 7, ["housing-benefit"] = 3 }.OrderBy(kv => kv.Key),
            e.Profile.Skills.OrderBy(kv => kv.Key));
        AssertInstant(new DateTimeOffset(2025, 3, 14, 9, 30, 15, 250, Cet).AddTicks(1234), e.At);
    }

    [Fact]
    public void Agent_paused_keeps_its_reason_and_its_optional_end()
    {
        var timed = Decode<AgentEvents.AgentPaused>("agent.paused");
        Assert.Equal(PauseReasons.Break, timed.Reason);
        AssertInstant(new DateTimeOffset(2025, 7, 2, 13, 5, 42, 125, Cest).AddTicks(7), timed.At);
        Assert.NotNull(timed.Until);
        AssertInstant(new DateTimeOffset(2025, 7, 2, 13, 20, 42, 125, Cest).AddTicks(7), timed.Until.Value);

        var open = Decode<AgentEvents.AgentPaused>("agent.paused", occurrence: 1);
        Assert.Equal(PauseReasons.NotReady, open.Reason);
        Assert.Null(open.Until);
    }

    [Fact]
    public void Offer_reserved_keeps_the_call_the_deadline_and_the_wrap_up()
    {
        var e = Decode<AgentEvents.OfferReserved>("agent.offer-reserved");

        Assert.Equal("call-20250702-000731", e.CallId);
        Assert.Equal("pension", e.QueueId);
        Assert.Equal("7f3c9e2a5b4d4e0f9a1c2b3d4e5f6a7b", e.Token);
        AssertInstant(new DateTimeOffset(2025, 7, 2, 13, 6, 2, 125, Cest).AddTicks(7), e.Deadline);
        Assert.Equal(TimeSpan.FromSeconds(45), e.WrapUp);

        var missed = Decode<AgentEvents.OfferMissed>("agent.offer-missed");
        Assert.Equal(e.Token, missed.Token);
        Assert.True(missed.AutoPaused);

        var finished = Decode<AgentEvents.CallFinished>("agent.call-finished");
        AssertInstant(new DateTimeOffset(2025, 7, 2, 13, 12, 42, 125, Cest).AddTicks(7), finished.At);
        AssertInstant(new DateTimeOffset(2025, 7, 2, 13, 13, 27, 125, Cest).AddTicks(7), finished.WrapUpUntil);
    }

    [Fact]
    public void Agent_state_snapshots_keep_status_call_pause_and_daily_stats()
    {
        var onCall = Decode<AgentState>("agent.state");
        Assert.Equal("agent-0042", onCall.AgentId);
        Assert.Equal(AgentStatus.OnCall, onCall.Status);
        Assert.Equal(7, onCall.Profile?.Skills["pension"]);
        Assert.Null(onCall.Offer);
        Assert.NotNull(onCall.Call);
        Assert.Equal("call-20250702-000731", onCall.Call.CallId);
        Assert.Equal("pension", onCall.Call.QueueId);
        AssertInstant(new DateTimeOffset(2025, 7, 2, 13, 5, 48, 125, Cest).AddTicks(7), onCall.Call.ConnectedAt);
        Assert.Equal(TimeSpan.FromSeconds(45), onCall.Call.WrapUp);
        Assert.Equal(new AgentDailyStats(new DateOnly(2025, 7, 2), 14, new TimeSpan(1, 12, 5), 2), onCall.Stats);

        var offered = Decode<AgentState>("agent.state", occurrence: 1);
        Assert.Equal(AgentStatus.Offered, offered.Status);
        Assert.Equal("7f3c9e2a5b4d4e0f9a1c2b3d4e5f6a7b", offered.Offer?.Token);

        var wrapUp = Decode<AgentState>("agent.state", occurrence: 2);
        Assert.Equal(AgentStatus.WrapUp, wrapUp.Status);
        Assert.NotNull(wrapUp.WrapUpUntil);
        AssertInstant(new DateTimeOffset(2025, 7, 2, 13, 13, 27, 125, Cest).AddTicks(7), wrapUp.WrapUpUntil.Value);

        var paused = Decode<AgentState>("agent.state", occurrence: 3);
        Assert.Equal(AgentStatus.Paused, paused.Status);
        Assert.Equal(PauseReasons.Meeting, paused.PauseReason);
        Assert.NotNull(paused.PauseUntil);
        AssertInstant(new DateTimeOffset(2025, 7, 2, 17, 40, 0, TimeSpan.FromHours(5.5)), paused.PauseUntil.Value);
    }

    [Fact]
    public void Call_offered_keeps_caller_rank_and_masked_attached_data()
    {
        var e = Decode<CallEvents.CallOffered>("call.offered");

        Assert.Equal("+4512345678", e.From);
        Assert.Equal("70101010", e.Dialled);
        Assert.Equal("pension", e.QueueId);
        Assert.Equal("en", e.Language);
        var arrival = new DateTimeOffset(2025, 3, 14, 9, 30, 15, 250, Cet).AddTicks(1234);
        Assert.Equal(40, e.Rank.Priority);
        AssertInstant(arrival, e.Rank.OriginalArrival);
        AssertInstant(arrival, e.At);
        Assert.Equal(
            new Dictionary<string, string> { ["cpr"] = "010203-****", ["ivr-choice"] = "2;1", ["case"] = "PEN-2025-118" }.OrderBy(kv => kv.Key),
            e.AttachedData.OrderBy(kv => kv.Key));
    }

    [Fact]
    public void Call_endings_keep_who_ended_the_call_and_in_which_phase()
    {
        var ended = Decode<CallEvents.CallEnded>("call.ended");
        Assert.Equal(CallParty.Agent, ended.By);
        Assert.Equal("resolved", ended.Disposition);

        var hungUp = Decode<CallEvents.CallEnded>("call.ended", occurrence: 1);
        Assert.Equal(CallParty.Caller, hungUp.By);
        Assert.Null(hungUp.Disposition);
        AssertInstant(new DateTimeOffset(2025, 7, 2, 11, 7, 3, 500, TimeSpan.Zero), hungUp.At);

        var abandoned = Decode<CallEvents.CallAbandoned>("call.abandoned");
        Assert.Equal(CallStatus.Ringing, abandoned.Phase);
        AssertInstant(new DateTimeOffset(2025, 7, 2, 16, 40, 0, TimeSpan.FromHours(5.5)), abandoned.At);

        var connected = Decode<CallEvents.CallConnected>("call.connected");
        Assert.Equal("agent-0007", connected.AgentId);
        Assert.Equal("0b9d8c7e6f5a4b3c2d1e0f9a8b7c6d5e", connected.Token);
    }

    [Fact]
    public void Queue_configured_keeps_every_setting()
    {
        var c = Decode<QueueEvents.QueueConfigured>("queue.configured").Config;

        Assert.Equal("Pension – hypercare", c.Name);
        Assert.Equal("pension", c.RequiredSkill);
        Assert.Equal(3, c.MinLevel);
        Assert.Equal(RoutingStrategy.Linear, c.Strategy);
        Assert.Equal(TimeSpan.FromSeconds(45), c.WrapUp);
        Assert.Equal(TimeSpan.FromSeconds(20), c.OfferTimeout);
        Assert.Equal(90, c.ServiceLevelPercent);
        Assert.Equal(TimeSpan.FromSeconds(30), c.ServiceLevelThreshold);
        Assert.Equal(["agent-0042", "agent-0007", "agent-0113"], c.LinearOrder ?? []);
    }

    [Fact]
    public void Queue_events_and_snapshots_keep_ranks_assignments_and_the_line()
    {
        var enqueued = Decode<QueueEvents.CallEnqueued>("queue.call-enqueued");
        Assert.Equal("call-20250702-000731", enqueued.CallId);
        Assert.Equal(new CallRank(40, new DateTimeOffset(2025, 3, 14, 9, 30, 15, 250, Cet).AddTicks(1234)), enqueued.Rank);

        var assigned = Decode<QueueEvents.CallAssigned>("queue.call-assigned");
        Assert.Equal("agent-0042", assigned.AgentId);
        Assert.Equal("7f3c9e2a5b4d4e0f9a1c2b3d4e5f6a7b", assigned.Token);

        var removed = Decode<QueueEvents.CallRemoved>("queue.call-removed");
        Assert.Equal("caller hung up", removed.Reason);

        var snapshot = Decode<QueueSnapshot>("queue.snapshot");
        Assert.Equal("agent-0007", snapshot.LastServedAgentId);
        Assert.Equal(RoutingStrategy.Linear, snapshot.Config?.Strategy);
        Assert.Equal(["call-20250702-000731", "call-20250702-000735", "call-20250702-000736"], snapshot.Waiting.Select(w => w.CallId));
        Assert.Equal([40, 10, 0], snapshot.Waiting.Select(w => w.Rank.Priority));
        AssertInstant(new DateTimeOffset(2025, 7, 2, 13, 2, 42, 125, Cest).AddTicks(7), snapshot.Waiting[1].EnqueuedAt);

        var empty = Decode<QueueSnapshot>("queue.snapshot", occurrence: 1);
        Assert.Null(empty.Config);
        Assert.Empty(empty.Waiting);
        Assert.Null(empty.LastServedAgentId);
    }

    /// <summary>The n-th entry of the first schema with this manifest, decoded by the serializer the system binds.</summary>
    private T Decode<T>(string manifest, int occurrence = 0)
    {
        var entry = JournalFixtures.Load(JournalFixtures.FirstSchema).Where(e => e.Manifest == manifest).ElementAt(occurrence);
        return Assert.IsType<T>(ser.Serializer.FromBinary(entry.Payload, entry.Manifest));
    }

    /// <summary>The same instant and the same offset.</summary>
    private static void AssertInstant(DateTimeOffset expected, DateTimeOffset actual) =>
        Assert.True(expected.EqualsExact(actual), $"expected {expected:O}, got {actual:O}");
}
