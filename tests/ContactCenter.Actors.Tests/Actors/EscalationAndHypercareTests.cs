using System.Collections.Immutable;
using ContactCenter.Actors.Agents;
using ContactCenter.Actors.Calls;
using ContactCenter.Actors.Queues;
using ContactCenter.Actors.Tests.Support;
using Xunit;
using static ContactCenter.Actors.Queues.QueueEvents;

namespace ContactCenter.Actors.Tests.Actors;

/// <summary>Escalation steps and hypercare overflow through real actors: the queue opens rings in its directory route.</summary>
public sealed class EscalationAndHypercareTests : IAsyncLifetime
{
    private static readonly TimeSpan StepAfter = TimeSpan.FromSeconds(2);
    private readonly TempDatabase _db = new();
    private TestNode _node = null!;

    public async Task InitializeAsync() => _node = await TestNode.StartAsync(_db.File);

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        _db.Dispose();
    }

    private async Task Queue(string id, QueueConfig config)
    {
        await _node.CreateQueue(id, config.RequiredSkill, config);
        await _node.QueueIsRoutable(id);
    }

    private static QueueConfig Config(string skill, int minLevel = 1, ImmutableList<EscalationStep>? steps = null, HypercareSettings? hypercare = null) =>
        new(skill, skill, MinLevel: minLevel, WrapUp: TimeSpan.Zero, OfferTimeout: TimeSpan.FromSeconds(30), Escalation: steps, Hypercare: hypercare);

    /// <summary>A call that is still waiting, with the agent idle, after most of the step's time.</summary>
    private async Task StillWaitingBeforeTheStep(string callId, string agentId)
    {
        await Task.Delay(StepAfter / 2);
        Assert.Equal(CallStatus.Queued, (await _node.Call(callId)).Status);
        Assert.Equal(AgentStatus.Ready, (await _node.Agent(agentId)).Status);
    }

    [Fact]
    public async Task After_its_wait_a_call_is_offered_to_agents_of_the_widened_skill_level()
    {
        await Queue("expert", Config("expert", minLevel: 6, steps: [new EscalationStep(StepAfter, MinLevel: 2)]));
        await _node.CreateAgent("junior", ("expert", 3));
        await _node.Ready("junior");

        await _node.OfferCall("c", "expert");
        await StillWaitingBeforeTheStep("c", "junior");

        Assert.Equal("junior", (await _node.Ringing("c")).AgentId);
        var waited = (await _node.Call("c")).History.OfType<CallEvents.CallOfferedToAgent>().Single().At - (await _node.Call("c")).Details!.Rank.OriginalArrival;
        Assert.True(waited >= StepAfter - TimeSpan.FromMilliseconds(100), $"rang after {waited}");
        // With the line empty the ring closes again: the route no longer publishes the wider audience.
        await Eventually.Holds(() => Assert.Empty(_node.Directory.Routes["expert"].Extra ?? []));
    }

    [Fact]
    public async Task After_its_wait_a_call_is_offered_to_another_queues_agents_and_to_a_team()
    {
        await Queue("library", Config("library"));
        await Queue("main", Config("main", steps: [new EscalationStep(StepAfter, QueueId: "library"), new EscalationStep(StepAfter * 2, Team: "reserve")]));
        await _node.CreateAgent("librarian", ("library", 4));
        await _node.CreateStaff("reservist", "KBS", "reserve", ("other", 1));
        await _node.Ready("librarian");

        await _node.OfferCall("c1", "main");
        await StillWaitingBeforeTheStep("c1", "librarian");
        Assert.Equal("librarian", (await _node.Ringing("c1")).AgentId);

        await _node.Ready("reservist");
        await _node.OfferCall("c2", "main");
        await StillWaitingBeforeTheStep("c2", "reservist");
        Assert.Equal("reservist", (await _node.Ringing("c2")).AgentId);
    }

    [Fact]
    public async Task An_agent_takes_its_own_queues_caller_before_an_escalated_one()
    {
        await Queue("library", Config("library"));
        await Queue("main", Config("main", steps: [new EscalationStep(TimeSpan.FromMilliseconds(200), QueueId: "library")]));
        await _node.CreateAgent("librarian", ("library", 4));
        await _node.OfferCall("escalated", "main"); // older, and escalated to the librarian soon
        await Task.Delay(500);
        await _node.OfferCall("own", "library");
        await Eventually.Holds(() => Assert.NotEmpty(_node.Directory.Routes["main"].Extra ?? []));

        await _node.Ready("librarian");

        Assert.Equal("librarian", (await _node.Ringing("own")).AgentId);
        Assert.Equal(CallStatus.Queued, (await _node.Call("escalated")).Status);
    }

    private static HypercareSettings Hypercare(DateTimeOffset goLive, int weeks = 4, TimeSpan? minimumOn = null) =>
        new(goLive, weeks, "BUF", "buf", OldestWaitAbove: StepAfter, MinimumOn: minimumOn ?? TimeSpan.Zero);

    [Fact]
    public async Task Hypercare_overflows_to_department_staff_when_the_oldest_call_waits_too_long_and_records_why()
    {
        await Queue("plads", Config("plads", hypercare: Hypercare(DateTimeOffset.UtcNow.AddDays(-1))));
        await _node.CreateStaff("buf-1", "BUF", "Pladsanvisning", ("buf", 5));
        await _node.CreateStaff("sof-1", "SOF", "Social", ("buf", 5)); // the skill, but not the department
        await _node.Ready("buf-1");
        await _node.Ready("sof-1");

        await _node.OfferCall("c", "plads");
        await StillWaitingBeforeTheStep("c", "buf-1");

        Assert.Equal("buf-1", (await _node.Ringing("c")).AgentId);
        // The decision that switched it on is in the queue's journal with its reason (it may already be off again:
        // the line emptied when the staff member took the call).
        var on = (await _node.EventsOf<HypercareOverflowChanged>("queue-plads"))[0];
        Assert.True(on.On);
        Assert.StartsWith("oldest wait ", on.Reason);

        // Once the line is calm again, the overflow switches off with its reason, and the staff are released.
        var answered = await _node.Ringing("c");
        await _node.Answer(answered);
        await Eventually.Holds(async () =>
        {
            var decisions = await _node.EventsOf<HypercareOverflowChanged>("queue-plads");
            Assert.Equal([true, false], decisions.Select(d => d.On).ToArray());
            Assert.StartsWith("back under the off levels", decisions[1].Reason);
        });
        await Eventually.Holds(() => Assert.Empty(_node.Directory.Routes["plads"].Extra ?? []));
    }

    [Fact]
    public async Task Department_staff_are_not_pulled_while_their_own_department_queue_has_callers()
    {
        await Queue("plads", Config("plads", hypercare: Hypercare(DateTimeOffset.UtcNow.AddDays(-1))));
        await Queue("buf-own", Config("buf"));
        await _node.CreateStaff("buf-1", "BUF", "Pladsanvisning", ("buf", 5));
        await _node.OfferCall("kbs-call", "plads");
        await Eventually.Holds(async () => Assert.NotNull((await _node.Queue("plads")).HypercareOnSince), TimeSpan.FromSeconds(20));
        await _node.OfferCall("own-call", "buf-own");

        await _node.Ready("buf-1");

        Assert.Equal("buf-1", (await _node.Ringing("own-call")).AgentId);
        Assert.Equal(CallStatus.Queued, (await _node.Call("kbs-call")).Status);
    }

    [Fact]
    public async Task When_hypercare_ends_while_calls_are_overflowed_the_taken_call_completes_and_the_rest_stay_with_citizen_service()
    {
        // The period ends about twelve seconds from now; a long minimum keeps the overflow on until then.
        var goLive = DateTimeOffset.UtcNow.AddDays(-7).AddSeconds(12);
        await Queue("plads", Config("plads", hypercare: Hypercare(goLive, weeks: 1, minimumOn: TimeSpan.FromMinutes(5))));
        await _node.CreateStaff("buf-1", "BUF", "Pladsanvisning", ("buf", 5));
        await _node.Ready("buf-1");
        await _node.OfferCall("overflowed", "plads");
        var ringing = await _node.Ringing("overflowed");
        Assert.Equal("buf-1", ringing.AgentId);
        await _node.OfferCall("waiting", "plads");

        await Eventually.Holds(async () =>
        {
            var decisions = await _node.EventsOf<HypercareOverflowChanged>("queue-plads");
            Assert.Equal([true, false], decisions.Select(d => d.On).ToArray());
            Assert.StartsWith("hypercare period ended", decisions[1].Reason);
        }, TimeSpan.FromSeconds(20));

        // The call already with department staff is not taken away: it is answered and ends normally.
        Assert.IsType<Routing.CommandAccepted>(await _node.Answer(ringing));
        await Eventually.Holds(async () => Assert.Equal(CallStatus.Connected, (await _node.Call("overflowed")).Status));
        await _node.HangUp("overflowed");
        await Eventually.Holds(async () => Assert.Equal(AgentStatus.Ready, (await _node.Agent("buf-1")).Status));

        // The other call is no longer offered to the department's staff, however long it waits.
        await Task.Delay(StepAfter * 2);
        Assert.Equal(CallStatus.Queued, (await _node.Call("waiting")).Status);
        Assert.DoesNotContain((await _node.Queue("plads")).IdleAgents, a => a.AgentId == "buf-1");
        Assert.Empty(_node.Directory.Routes["plads"].Extra ?? []);
    }
}
