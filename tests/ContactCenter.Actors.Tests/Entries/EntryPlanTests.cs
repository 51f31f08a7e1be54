using ContactCenter.Actors.Departments;
using ContactCenter.Actors.Entries;
using ContactCenter.Actors.Routing;
using Xunit;
using static ContactCenter.Actors.Entries.EntryPlanCommands;
using static ContactCenter.Actors.Entries.EntryPlanEvents;

namespace ContactCenter.Actors.Tests.Entries;

/// <summary>The entry plan's rules: go-live at the exact instant, cancelling ahead only, references kept whole, seeding never overwrites.</summary>
public sealed class EntryPlanTests
{
    private const string Id = EntryPlan.CenterId;
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(1));
    private static readonly DateTimeOffset GoLive = new(2026, 4, 1, 0, 0, 0, TimeSpan.FromHours(2));

    private static readonly DirectoryTarget Buf = new("buf", "BUF Pladsanvisningen", "BUF", "casework", "33 17 10 00");

    private static EntryPlan Run(EntryPlan plan, Decision<EntryPlanEvents.IEntryPlanEvent> decision)
    {
        Assert.Null(decision.Rejection);
        return decision.Events.Aggregate(plan, (p, e) => p.Apply(e));
    }

    /// <summary>Pladsanvisning: BUF's line from the start, the KBS queue from go-live.</summary>
    private static EntryPlan Plan()
    {
        var plan = Run(EntryPlan.Empty, EntryPlan.Empty.Decide(new SetTarget(Id, Buf), Now));
        plan = Run(plan, plan.Decide(new ScheduleChange(Id, "pladsanvisning", Now, Destination.ToTarget("buf")), Now));
        return Run(plan, plan.Decide(new ScheduleChange(Id, "pladsanvisning", GoLive, Destination.ToQueue("pladsanvisning"), "go-live"), Now));
    }

    [Fact]
    public void The_go_live_applies_at_the_exact_instant()
    {
        var plan = Plan();

        var before = plan.RouteFor("pladsanvisning", GoLive.AddTicks(-1))!;
        var at = plan.RouteFor("pladsanvisning", GoLive)!;

        Assert.Equal(("buf", 1), (before.Destination.Target, before.Version));
        Assert.Equal(("pladsanvisning", 2), (at.Destination.Queue, at.Version));
        Assert.Null(plan.RouteFor("pladsanvisning", Now.AddTicks(-1)));
    }

    [Fact]
    public void A_cancelled_change_never_applies_and_the_earlier_version_stays_in_force()
    {
        var plan = Plan();
        plan = Run(plan, plan.Decide(new CancelChange(Id, 2), GoLive.AddDays(-1)));

        Assert.Equal(1, plan.RouteFor("pladsanvisning", GoLive.AddYears(1))!.Version);
        Assert.Empty(plan.Upcoming(Now));
    }

    [Fact]
    public void A_change_in_effect_cannot_be_cancelled()
    {
        var decision = Plan().Decide(new CancelChange(Id, 2), GoLive);

        Assert.Equal(RejectionCode.IllegalTransition, decision.Rejection!.Code);
        Assert.Contains("in effect since", decision.Rejection.Reason);
        Assert.Equal(RejectionCode.NotFound, Plan().Decide(new CancelChange(Id, 9), Now).Rejection!.Code);
    }

    [Fact]
    public void Upcoming_changes_are_listed_soonest_first()
    {
        var plan = Plan();
        plan = Run(plan, plan.Decide(new ScheduleChange(Id, "bibliotek", GoLive.AddDays(-10), Destination.ToQueue("bibliotek")), Now));

        Assert.Equal(new[] { 3, 2 }, plan.Upcoming(Now).Select(c => c.Version));
        Assert.Equal(new[] { 2 }, plan.Upcoming(GoLive.AddDays(-10)).Select(c => c.Version));
    }

    [Fact]
    public void A_change_in_the_past_or_to_a_menu_or_an_unknown_target_is_refused_naming_the_field()
    {
        var plan = Plan();

        var past = plan.Decide(new ScheduleChange(Id, "pladsanvisning", Now.AddMinutes(-1), Destination.ToQueue("q")), Now);
        var menu = plan.Decide(new ScheduleChange(Id, "pladsanvisning", null, Destination.ToMenu("m")), Now);
        var unknown = plan.Decide(new ScheduleChange(Id, "pladsanvisning", null, Destination.ToTarget("nobody")), Now);

        Assert.StartsWith("effectiveFrom:", past.Rejection!.Reason);
        Assert.StartsWith("destination.menu: a menu is not allowed here", menu.Rejection!.Reason);
        Assert.StartsWith("destination.target: directory target 'nobody' does not exist", unknown.Rejection!.Reason);
    }

    [Fact]
    public void A_target_in_use_cannot_be_removed()
    {
        var decision = Plan().Decide(new RemoveTarget(Id, "buf"), Now);

        Assert.Equal(RejectionCode.IllegalTransition, decision.Rejection!.Code);
        Assert.Contains("plan change 1", decision.Rejection.Reason);
        // Once the go-live has passed, the old route no longer holds the target.
        Assert.Null(Plan().Decide(new RemoveTarget(Id, "buf"), GoLive).Rejection);
    }

    [Fact]
    public void Seeding_adds_only_what_is_missing()
    {
        var plan = Plan();
        var changed = Buf with { Number = "+4599999999" };
        var seed = new Seed(Id, [changed, new DirectoryTarget("new", "New", "KFF", "x", "33736060")], [], [],
            [new ScheduleChange(Id, "pladsanvisning", null, Destination.ToQueue("other")),
             new ScheduleChange(Id, "bibliotek", null, Destination.ToQueue("bibliotek"))]);

        var seeded = Run(plan, plan.Decide(seed, Now));

        Assert.Equal("+4533171000", seeded.Targets["buf"].Number); // the operator's target stays as it is
        Assert.True(seeded.Targets.ContainsKey("new"));
        Assert.Equal(2, seeded.Changes.Count(c => c.Area == "pladsanvisning"));
        Assert.Equal(3, seeded.Changes.Single(c => c.Area == "bibliotek").Version);
    }

    [Fact]
    public void The_lookup_gives_number_and_hours_for_transfers()
    {
        var withHours = Buf with { Hours = ContactCenter.Actors.Calendar.CopenhagenSample.Pladsanvisning };
        var plan = Run(EntryPlan.Empty, EntryPlan.Empty.Decide(new SetTarget(Id, withHours), Now));

        var monday = plan.Lookup("buf", Now)!; // Monday 10:00: open 9-13
        var wednesday = plan.Lookup("buf", Now.AddDays(2))!;

        Assert.Equal(("+4533171000", true), (monday.Number, monday.OpenNow));
        Assert.False(wednesday.OpenNow);
        Assert.Equal(new DateTimeOffset(2026, 3, 5, 13, 0, 0, TimeSpan.FromHours(1)), wednesday.NextOpening);
        Assert.Null(plan.Lookup("nobody", Now));
    }

    [Theory]
    [InlineData("33 66 33 66", "+4533663366")]
    [InlineData("0045 3366 3366", "+4533663366")]
    [InlineData("+45 33-66-33-66", "+4533663366")]
    [InlineData("+46 8 123 456 78", "+46812345678")]
    public void Numbers_are_compared_in_one_form(string written, string normalized) =>
        Assert.Equal(normalized, PhoneNumber.Normalize(written));
}

/// <summary>What the adapter is told when a call enters a menu.</summary>
public sealed class PlayMenuCommandTests
{
    [Fact]
    public void Entering_a_menu_asks_the_adapter_to_play_it_in_the_callers_language()
    {
        var at = new DateTimeOffset(2026, 6, 1, 10, 0, 0, TimeSpan.FromHours(2));

        var command = ContactCenter.Actors.Adapters.AdapterCommand.From(42, "call-c1", new ContactCenter.Actors.Calls.CallEvents.CallMenuEntered("social", "en", 2, at))!;

        Assert.Equal(("play-menu", "c1", "social/en/2", 42L), (command.Kind, command.CallId, command.Detail, command.Id));
    }
}
