using Akka.Actor;
using ContactCenter.Actors.Calls;
using ContactCenter.Actors.Departments;
using ContactCenter.Actors.Entries;
using ContactCenter.Actors.Routing;
using ContactCenter.Actors.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static ContactCenter.Actors.Calls.CallEvents;
using static ContactCenter.Actors.Entries.EntryPlanCommands;

namespace ContactCenter.Actors.Tests.Entries;

/// <summary>
/// A go-live through real actors on a node whose clock the test sets: a call one tick before the instant goes
/// to the department's line, a call at the instant to the KBS queue, and each call records the plan version.
/// </summary>
public sealed class GoLiveTests : IAsyncLifetime
{
    private static readonly DateTimeOffset GoLive = new(2026, 5, 15, 0, 0, 0, TimeSpan.FromHours(2));

    private readonly TempDatabase _db = new();
    private readonly ManualTime _time = new(GoLive.AddDays(-10));
    private TestNode _node = null!;
    private IActorRef _plans = null!;

    public async Task InitializeAsync()
    {
        _node = await TestNode.StartAsync(_db.File, time: _time);
        _plans = Akka.Hosting.ActorRegistry.For(_node.System).Get<EntryPlanRegion>();
    }

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        _db.Dispose();
    }

    // Generous: the first message starts the entry plan's shard and recovers it, slow on a loaded machine.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private Task<CommandAccepted> Plan(object command) => _plans.Ask<CommandAccepted>(command, Patience);

    [Fact]
    public async Task The_switch_happens_at_the_exact_instant_and_each_call_records_its_plan_version()
    {
        await _node.CreateQueue("pladsanvisning", "pladsanvisning");
        await _node.QueueIsRoutable("pladsanvisning");
        const string id = EntryPlan.CenterId;
        await Plan(new SetTarget(id, new DirectoryTarget("buf", "BUF Pladsanvisningen", "BUF", "casework", "33 17 10 00")));
        await Plan(new ScheduleChange(id, "pladsanvisning", null, Destination.ToTarget("buf"), "before go-live"));
        var scheduled = await Plan(new ScheduleChange(id, "pladsanvisning", GoLive, Destination.ToQueue("pladsanvisning"), "go-live"));
        await Plan(new SetNumber(id, new EntryNumber("33 17 10 00", "Pladsanvisningen", Destination.ToArea("pladsanvisning"))));
        Assert.Contains("plan change 2 scheduled", scheduled.Detail);
        var view = Services.GetRequiredService<EntryPlanView>();
        await Eventually.Holds(() => Assert.NotNull(view.Plan.NumberFor("33171000")), Patience);

        _time.Now = GoLive.AddTicks(-1);
        var before = await Offer("before");
        _time.Now = GoLive;
        var at = await Offer("at");

        Assert.Equal(CallStatus.Forwarded, before.Status);
        Assert.Equal("+4533171000", before.History.OfType<CallForwarded>().Single().Target);
        Assert.Equal(1, before.History.OfType<CallPlanRouted>().Single().PlanVersion);
        Assert.Equal(CallStatus.Queued, at.Status);
        Assert.Equal("pladsanvisning", at.Details!.QueueId);
        Assert.Equal(2, at.History.OfType<CallPlanRouted>().Single().PlanVersion);
    }

    [Fact]
    public async Task A_change_cancelled_before_its_instant_never_applies()
    {
        await _node.CreateQueue("bibliotek", "bibliotek");
        await _node.QueueIsRoutable("bibliotek");
        const string id = EntryPlan.CenterId;
        await Plan(new ScheduleChange(id, "bibliotek", null, new Destination(Number: "33736060")));
        await Plan(new ScheduleChange(id, "bibliotek", GoLive, Destination.ToQueue("bibliotek")));
        await Plan(new SetNumber(id, new EntryNumber("33736060", "Hovedbiblioteket", Destination.ToArea("bibliotek"))));

        await Plan(new CancelChange(id, 2));
        _time.Now = GoLive;
        var refused = await _plans.Ask<CommandRejected>(new CancelChange(id, 1), Patience);
        var view = Services.GetRequiredService<EntryPlanView>();
        await Eventually.Holds(() => Assert.True(view.Plan.Changes.Single(c => c.Version == 2).IsCancelled), Patience);
        var call = await Offer("after", "33736060");

        Assert.Equal(RejectionCode.IllegalTransition, refused.Code);
        Assert.Equal(CallStatus.Forwarded, call.Status);
        Assert.Equal(1, call.History.OfType<CallPlanRouted>().Single().PlanVersion);
    }

    private IServiceProvider Services => _node.Services;

    private async Task<CallState> Offer(string callId, string dialled = "33171000")
    {
        var reply = await _node.Calls.Ask<object>(new CallCommands.OfferCall(callId, "+4512345678", dialled, ""), Patience);
        Assert.IsType<CommandAccepted>(reply);
        return await _node.Calls.Ask<CallState>(new CallCommands.GetCallState(callId), Patience);
    }
}
