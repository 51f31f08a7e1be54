using ContactCenter.Actors.Calendar;
using ContactCenter.Actors.Calls;
using ContactCenter.Actors.Queues;
using ContactCenter.Actors.Routing;
using Xunit;
using static ContactCenter.Actors.Calls.CallEvents;

namespace ContactCenter.Actors.Tests.Domain;

/// <summary>A call arriving at a closed queue: announced, forwarded or overflowed, decided at arrival.</summary>
public sealed class ClosedHandlingTests
{
    // Monday 2026-11-23 in Copenhagen (CET, +01:00).
    private static readonly DateTimeOffset MondayMorning = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(1));
    private static readonly DateTimeOffset MondayEvening = new(2026, 11, 23, 19, 0, 0, TimeSpan.FromHours(1));

    private static readonly BusinessCalendar HomeCareHours = CopenhagenSample.HjemmeplejeSuf;

    private static CallCommands.OfferCall Offer(string queueId) => new("c1", "+4512345678", "33663366", queueId);

    private static Func<string, QueueRoute?> Directory(params QueueRoute[] routes) =>
        id => routes.FirstOrDefault(r => r.QueueId == id);

    private static QueueRoute HomeCare(ClosedHandling? whenClosed) =>
        new("hjemmepleje", "hjemmepleje", 1, "i1", HomeCareHours, whenClosed);

    [Fact]
    public void An_open_queue_takes_the_call_in_line()
    {
        var decision = CallState.Empty("c1").Decide(Offer("hjemmepleje"), MondayMorning, Directory(HomeCare(null)));

        Assert.IsType<CallOffered>(Assert.Single(decision.Events));
    }

    [Fact]
    public void After_hours_home_care_calls_are_forwarded_to_the_department()
    {
        var forward = new ClosedHandling(ClosedAction.Forward, "+4533173317");
        var decision = CallState.Empty("c1").Decide(Offer("hjemmepleje"), MondayEvening, Directory(HomeCare(forward)));

        var state = decision.Events.Aggregate(CallState.Empty("c1"), (s, e) => s.Apply(e));
        Assert.Equal("+4533173317", Assert.IsType<CallForwarded>(decision.Events[1]).Target);
        Assert.Equal(CallStatus.Forwarded, state.Status);
        Assert.True(state.IsFinal);
    }

    [Fact]
    public void A_closed_queue_announces_its_next_opening_by_default()
    {
        var decision = CallState.Empty("c1").Decide(Offer("hjemmepleje"), MondayEvening, Directory(HomeCare(null)));

        var closed = Assert.IsType<CallClosedAnnounced>(decision.Events[1]);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 7, 0, 0, TimeSpan.FromHours(1)), closed.NextOpening);
    }

    [Fact]
    public void A_closed_queue_can_overflow_to_an_open_one_and_the_call_keeps_its_arrival()
    {
        var overflow = new ClosedHandling(ClosedAction.Overflow, "main");
        var main = new QueueRoute("main", "general", 1, "i2"); // no hours: always open
        var decision = CallState.Empty("c1").Decide(Offer("hjemmepleje"), MondayEvening, Directory(HomeCare(overflow), main));

        var state = decision.Events.Aggregate(CallState.Empty("c1"), (s, e) => s.Apply(e));
        Assert.Equal("main", Assert.IsType<CallRedirected>(decision.Events[1]).ToQueueId);
        Assert.Equal(CallStatus.Queued, state.Status);
        Assert.Equal("main", state.Details!.QueueId);
        Assert.Equal(MondayEvening, state.Details.Rank.OriginalArrival);
    }

    [Fact]
    public void Overflow_to_a_closed_or_missing_queue_falls_back_to_the_announcement()
    {
        var overflow = new ClosedHandling(ClosedAction.Overflow, "also-closed");
        var alsoClosed = new QueueRoute("also-closed", "x", 1, "i3", HomeCareHours);

        var decision = CallState.Empty("c1").Decide(Offer("hjemmepleje"), MondayEvening, Directory(HomeCare(overflow), alsoClosed));

        Assert.IsType<CallClosedAnnounced>(decision.Events[1]);
    }

    [Fact]
    public void A_call_one_second_before_closing_is_still_taken()
    {
        var lastSecond = new DateTimeOffset(2026, 11, 23, 15, 29, 59, TimeSpan.FromHours(1));
        var decision = CallState.Empty("c1").Decide(Offer("hjemmepleje"), lastSecond, Directory(HomeCare(null)));

        Assert.Single(decision.Events);
    }

    [Fact]
    public void Forward_and_overflow_need_a_target()
    {
        var config = new QueueConfig("q", "q", WhenClosed: new ClosedHandling(ClosedAction.Forward));
        Assert.Contains(config.Validate(), e => e.StartsWith("whenClosed.target", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_queue_is_refused()
    {
        var decision = CallState.Empty("c1").Decide(Offer("nowhere"), MondayMorning, Directory());

        Assert.Equal(RejectionCode.NotFound, decision.Rejection!.Code);
    }
}
