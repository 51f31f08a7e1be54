using ContactCenter.Actors.Calls;
using ContactCenter.Actors.Queues;
using ContactCenter.Actors.Tests.Support;
using Xunit;

namespace ContactCenter.Actors.Tests.Actors;

/// <summary>A node restarts on the same SQLite file with callbacks waiting: in line, scheduled, and between retries.</summary>
[Collection(SlowCollection.Name)]
public sealed class CallbackRecoveryTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Callbacks_waiting_in_line_scheduled_or_between_attempts_survive_a_restart_and_are_dialled_once_each()
    {
        var config = new QueueConfig("q", "q", WrapUp: TimeSpan.Zero, OfferTimeout: TimeSpan.FromSeconds(30),
            Callbacks: new CallbackSettings(MaxAttempts: 3, RetryBackoff: TimeSpan.FromSeconds(6)));
        var first = await TestNode.StartAsync(_db.File);
        await first.CreateQueue("q", "q", config);
        await first.QueueIsRoutable("q");
        await first.CreateAgent("anna", ("q", 5));

        await first.OfferCall("retry", "q");
        await first.OfferCall("in-line", "q");
        await first.OfferCall("scheduled", "q");
        Assert.IsType<Routing.CommandAccepted>(await first.RequestCallback("retry"));
        Assert.IsType<Routing.CommandAccepted>(await first.RequestCallback("in-line"));
        Assert.IsType<Routing.CommandAccepted>(await first.RequestCallback("scheduled", DateTimeOffset.UtcNow.AddSeconds(8)));
        foreach (var id in new[] { "retry", "in-line", "scheduled" }) await first.HangUp(id);

        // The oldest callback's first attempt fails; then the agent goes on a break before the next is routed.
        await first.Ready("anna");
        var attempt = await first.AgentTakesCallback("retry");
        Assert.IsType<Routing.CommandAccepted>(await first.ReportDial("retry", attempt.Token!, CallbackDialResult.NoAnswer));
        await Eventually.Holds(async () => Assert.Equal(Agents.AgentStatus.Ready, (await first.Agent("anna")).Status));
        // The next routing ("in-line") may already ring; let it ring out by pausing only once it is idle.
        var inLine = await first.Ringing("in-line");
        Assert.IsType<Routing.CommandAccepted>(await first.Answer(inLine));
        await first.Dialling("in-line");
        await Eventually.Holds(async () =>
        {
            var queue = await first.Queue("q");
            Assert.Equal(2, queue.Parked!.Count); // "retry" waits for its back-off, "scheduled" for its time
        });
        await first.DisposeAsync();

        await using var second = await TestNode.StartAsync(_db.File);
        Assert.Equal(2, (await second.Queue("q")).Parked!.Count);
        Assert.Equal(CallStatus.CallbackDialling, (await second.Call("in-line")).Status);
        // The dial in progress is settled by the adapter's report after the restart.
        var dialling = await second.Call("in-line");
        Assert.IsType<Routing.CommandAccepted>(await second.ReportDial("in-line", dialling.Token!, CallbackDialResult.Answered));
        await second.HangUp("in-line", CallParty.Agent);

        // Both parked callbacks come due on the new node and are dialled, each once.
        foreach (var id in new[] { "retry", "scheduled" })
        {
            var d = await second.AgentTakesCallback(id);
            Assert.IsType<Routing.CommandAccepted>(await second.ReportDial(id, d.Token!, CallbackDialResult.Answered));
            await second.HangUp(id, CallParty.Agent);
        }
        var retry = await second.Call("retry");
        Assert.Equal(CallStatus.Ended, retry.Status);
        Assert.Equal(2, retry.Callback!.Attempts);
        Assert.Equal(1, (await second.Call("scheduled")).Callback!.Attempts);
        var queue = await second.Queue("q");
        Assert.Empty(queue.Waiting);
        Assert.Empty(queue.Parked!);
    }
}
