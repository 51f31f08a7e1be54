using System.Collections.Immutable;
using ContactCenter.Actors.Calls;
using ContactCenter.Actors.Configuration;
using ContactCenter.Actors.Entries;
using ContactCenter.Actors.Routing;
using Xunit;
using static ContactCenter.Actors.Calls.CallEvents;

namespace ContactCenter.Actors.Tests.Entries;

/// <summary>
/// Every path through the Copenhagen sample's two-level menu on 33 66 33 66, resolved by the pure call state
/// against the sample file's queues, directory and routing plan, before and after the go-live dates.
/// </summary>
public sealed class SampleMenuTests
{
    private static readonly TimeSpan Cest = TimeSpan.FromHours(2);

    // Monday 1 June 2026, 10:00: every first-roll area is live at KBS; every queue and department line is open.
    private static readonly DateTimeOffset AfterGoLive = new(2026, 6, 1, 10, 0, 0, Cest);

    // Tuesday 12 May 2026, 10:00: three days before Pladsanvisning's go-live; BUF's own line is open (Tue 9-13).
    // (Thursday 14 May is Ascension Day: everything is closed.)
    private static readonly DateTimeOffset BeforePladsanvisning = new(2026, 5, 12, 10, 0, 0, Cest);

    internal static CenterConfiguration Sample =>
        CenterConfiguration.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "config", "copenhagen.json"))).Configuration!;

    /// <summary>The entry plan a fresh node holds after loading the sample file.</summary>
    internal static EntryPlan SamplePlan()
    {
        var decision = EntryPlan.Empty.Decide(Sample.ToSeed(), AfterGoLive);
        return decision.Events.Aggregate(EntryPlan.Empty, (p, e) => p.Apply(e));
    }

    internal static Func<string, QueueRoute?> SampleQueues()
    {
        var routes = Sample.Queues.ToDictionary(q => q.Id, q =>
        {
            var c = q.ToConfig();
            return new QueueRoute(q.Id, c.RequiredSkill, c.MinLevel, "i1", c.Hours, c.WhenClosed);
        });
        return id => routes.GetValueOrDefault(id);
    }

    private static (CallState State, IReadOnlyList<ICallEvent> Events) Dial(DateTimeOffset at, params string?[] keys)
    {
        var offer = new CallCommands.OfferCall("c1", "+4512345678", "33 66 33 66", "", "", 0, null, [.. keys]);
        var decision = CallState.Empty("c1").Decide(offer, at, SampleQueues(), SamplePlan());
        Assert.Null(decision.Rejection);
        return (decision.Events.Aggregate(CallState.Empty("c1"), (s, e) => s.Apply(e)), decision.Events);
    }

    /// <summary>Where a call ended up, in one word: "queue:x", "forward:+45...", "menu:id/lang/attempt" or "closed:target".</summary>
    private static string Where(CallState state) => state.Status switch
    {
        CallStatus.Queued => "queue:" + state.Details!.QueueId,
        CallStatus.Forwarded => "forward:" + ((CallForwarded)state.History[^1]).Target,
        CallStatus.InMenu => $"menu:{state.Ivr!.MenuId}/{state.Ivr.Language}/{state.Ivr.Attempt}",
        CallStatus.ClosedAnnounced => "closed:" + (((CallClosedAnnounced)state.History[^1]).TargetId ?? "queue"),
        var other => other.ToString(),
    };

    [Theory]
    [InlineData("", "menu:hovedmenu/da/1")]
    [InlineData("-", "queue:hovednummer")] // nothing pressed: a person on the main number
    [InlineData("1", "queue:pladsanvisning")]
    [InlineData("2", "menu:social/da/1")]
    [InlineData("2,1", "queue:din-sociale-indgang")]
    [InlineData("2,2", "queue:hjemmepleje-suf")]
    [InlineData("2,3", "queue:hjemmepleje-sof")]
    [InlineData("2,0", "menu:hovedmenu/da/1")]
    [InlineData("2,0,4", "queue:hovednummer")]
    [InlineData("2,-", "queue:hovednummer")]
    [InlineData("2,7", "menu:social/da/2")]
    [InlineData("2,9", "menu:social/en/1")]
    [InlineData("2,9,2", "queue:hjemmepleje-suf")]
    [InlineData("3", "queue:bibliotek")]
    [InlineData("4", "queue:hovednummer")]
    [InlineData("9", "menu:hovedmenu/en/1")]
    [InlineData("9,8", "menu:hovedmenu/da/1")]
    [InlineData("9,2", "menu:social/en/1")]
    [InlineData("7", "menu:hovedmenu/da/2")]
    [InlineData("7,7", "queue:hovednummer")] // two unknown keys: the default
    [InlineData("4567", "forward:+4533664567")] // an extension, keyed straight in the main menu
    [InlineData("3366", "menu:hovedmenu/da/2")] // the extension that is the main number itself is not dialled back
    public void Every_sample_path_after_go_live(string keys, string expected)
    {
        var (state, _) = Dial(AfterGoLive, Keys(keys));

        Assert.Equal(expected, Where(state));
    }

    [Theory]
    [InlineData("1", "forward:+4533171000")] // BUF Pladsanvisningen, open Tuesday morning
    [InlineData("2,1", "queue:din-sociale-indgang")] // live since 1 April
    [InlineData("3", "queue:bibliotek")] // live since 1 December 2025
    public void The_day_before_Pladsanvisning_goes_live(string keys, string expected)
    {
        var (state, _) = Dial(BeforePladsanvisning, Keys(keys));

        Assert.Equal(expected, Where(state));
    }

    [Fact]
    public void Before_any_go_live_each_area_goes_to_its_department()
    {
        var monday = new DateTimeOffset(2025, 11, 24, 10, 0, 0, TimeSpan.FromHours(1));

        Assert.Equal("forward:+4533173317", Where(Dial(monday, "2", "1").State)); // SOF: Din Sociale Indgang
        Assert.Equal("forward:+4535303530", Where(Dial(monday, "2", "2").State)); // SUF home care 65+
        Assert.Equal("forward:+4533173317", Where(Dial(monday, "2", "3").State)); // SOF home care 18-65
        Assert.Equal("forward:+4533736060", Where(Dial(monday, "3").State)); // the main library
        Assert.Equal("closed:buf-pladsanvisning", Where(Dial(monday.AddHours(4), "1").State)); // BUF closes at 13
    }

    [Fact]
    public void A_department_line_that_is_closed_announces_its_next_opening()
    {
        var wednesday = new DateTimeOffset(2026, 5, 6, 10, 0, 0, Cest); // BUF Pladsanvisningen is closed on Wednesdays

        var (state, events) = Dial(wednesday, "1");

        var closed = Assert.IsType<CallClosedAnnounced>(events[^1]);
        Assert.Equal("buf-pladsanvisning", closed.TargetId);
        Assert.Equal(new DateTimeOffset(2026, 5, 7, 13, 0, 0, Cest), closed.NextOpening);
        Assert.True(state.IsFinal);
    }

    [Fact]
    public void Home_care_in_the_evening_goes_to_the_evening_line_from_the_directory()
    {
        var evening = new DateTimeOffset(2026, 6, 1, 19, 0, 0, Cest);

        var (_, events) = Dial(evening, "2", "2");

        var forwarded = Assert.IsType<CallForwarded>(events[^1]);
        Assert.Equal("+4533174189", forwarded.Target);
        Assert.Equal("suf-doegnpleje", forwarded.TargetId);
    }

    [Fact]
    public void Each_choice_and_the_plan_version_are_in_the_history()
    {
        var (state, events) = Dial(AfterGoLive, "9", "2", "1");

        Assert.Collection(events,
            e => Assert.Equal("+4533663366", Assert.IsType<CallEntered>(e).EntryNumber),
            e => Assert.Equal(("hovedmenu", "da"), (Assert.IsType<CallMenuEntered>(e).MenuId, ((CallMenuEntered)e).Language)),
            e => Assert.Equal(("9", "language:en"), (Assert.IsType<CallMenuChoice>(e).Digits, ((CallMenuChoice)e).Outcome)),
            e => Assert.Equal(("hovedmenu", "en"), (Assert.IsType<CallMenuEntered>(e).MenuId, ((CallMenuEntered)e).Language)),
            e => Assert.Equal(("2", "menu:social"), (Assert.IsType<CallMenuChoice>(e).Digits, ((CallMenuChoice)e).Outcome)),
            e => Assert.Equal(("social", "en"), (Assert.IsType<CallMenuEntered>(e).MenuId, ((CallMenuEntered)e).Language)),
            e => Assert.Equal(("1", "area:din-sociale-indgang"), (Assert.IsType<CallMenuChoice>(e).Digits, ((CallMenuChoice)e).Outcome)),
            e => Assert.Equal("din-sociale-indgang", Assert.IsType<CallPlanRouted>(e).Area),
            e => Assert.Equal("din-sociale-indgang", Assert.IsType<CallOffered>(e).QueueId));
        var routed = events.OfType<CallPlanRouted>().Single();
        Assert.Equal(SamplePlan().RouteFor("din-sociale-indgang", AfterGoLive)!.Version, routed.PlanVersion);
        Assert.Equal("en", state.Details!.Language);
    }

    [Fact]
    public void Keys_reported_one_by_one_give_the_same_outcome_as_keys_offered_at_once()
    {
        var plan = SamplePlan();
        var state = CallState.Empty("c1");
        var offer = new CallCommands.OfferCall("c1", "+4512345678", "33663366", "");
        foreach (var e in state.Decide(offer, AfterGoLive, SampleQueues(), plan).Events) state = state.Apply(e);
        foreach (var keys in new[] { "2", "3" })
        {
            var decision = state.Decide(new CallCommands.MenuInput("c1", keys), AfterGoLive, SampleQueues(), plan);
            foreach (var e in decision.Events) state = state.Apply(e);
        }

        Assert.Equal("queue:hjemmepleje-sof", Where(state));
        Assert.Equal(Dial(AfterGoLive, "2", "3").Events.Select(e => e.GetType()), state.History.Select(e => e.GetType()));
    }

    [Fact]
    public void Menu_input_for_a_call_that_left_the_menus_is_refused()
    {
        var (state, _) = Dial(AfterGoLive, "4");

        var decision = state.Decide(new CallCommands.MenuInput("c1", "1"), AfterGoLive, SampleQueues(), SamplePlan());

        Assert.Equal(RejectionCode.IllegalTransition, decision.Rejection!.Code);
    }

    [Fact]
    public void A_dialled_number_that_is_no_entry_number_needs_a_queue()
    {
        var offer = new CallCommands.OfferCall("c1", "+4512345678", "70 80 70 60", "");

        var decision = CallState.Empty("c1").Decide(offer, AfterGoLive, SampleQueues(), SamplePlan());

        Assert.Equal(RejectionCode.Invalid, decision.Rejection!.Code);
        Assert.Contains("queueId", decision.Rejection.Reason);
    }

    /// <summary>"2,-,1" → ["2", null, "1"]: "-" is nothing pressed; "" is no keys at all.</summary>
    private static string?[] Keys(string csv) =>
        csv.Length == 0 ? [] : csv.Split(',').Select(k => k == "-" ? null : k).ToArray();
}
