using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace ContactCenter.Api.Tests;

/// <summary>The adapter follows the command stream: ring, bridge, hang up; resume and redelivery.</summary>
public sealed class CommandStreamTests : IAsyncLifetime
{
    private readonly ApiNode _node = new();

    public async Task InitializeAsync()
    {
        await _node.CreateQueue("general", "general", wrapUpSeconds: 0);
        await _node.CreateAgent("anna", "general", 7);
    }

    public async Task DisposeAsync() => await _node.DisposeAsync();

    private async Task AnnaReady()
    {
        var anna = _node.As(ApiNode.AnnaKey);
        await anna.PostAsync("/v1/agents/anna/login", null);
        Assert.Equal(HttpStatusCode.OK, (await anna.PostAsync("/v1/agents/anna/ready", null)).StatusCode);
    }

    [Fact]
    public async Task The_adapter_rings_answers_bridges_and_hangs_up_from_the_stream()
    {
        var adapter = _node.As(ApiNode.AdapterKey);
        await using var stream = await SseReader.Open(adapter, "/v1/adapter/commands?from=latest");
        await AnnaReady();
        await adapter.PostAsJsonAsync("/v1/calls", new { callId = "s1", from = "+4511", queueId = "general" }, ApiNode.Json);

        var ring = await stream.NextFor("s1", "ring-agent");
        Assert.Equal("anna", ring.Data.GetProperty("agentId").GetString());
        var answered = await adapter.PostAsJsonAsync("/v1/calls/s1/events",
            new { type = "Answered", agentId = "anna", token = ring.Data.GetProperty("token").GetString() }, ApiNode.Json);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);

        var bridge = await stream.NextFor("s1", "bridge");
        Assert.True(bridge.Id > ring.Id);
        await adapter.PostAsJsonAsync("/v1/calls/s1/events", new { type = "AgentHungUp", disposition = "resolved" }, ApiNode.Json);
        var hangUp = await stream.NextFor("s1", "hang-up");
        Assert.Equal("resolved", hangUp.Data.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_subscriber_resumes_after_its_Last_Event_ID_without_repeats()
    {
        var adapter = _node.As(ApiNode.AdapterKey);
        long ringId;
        await using (var first = await SseReader.Open(adapter, "/v1/adapter/commands?from=latest"))
        {
            await AnnaReady();
            await adapter.PostAsJsonAsync("/v1/calls", new { callId = "r1", from = "+4511", queueId = "general" }, ApiNode.Json);
            var ring = await first.NextFor("r1", "ring-agent");
            ringId = ring.Id;
            // Disconnect, then the call moves on while nobody listens.
            await adapter.PostAsJsonAsync("/v1/calls/r1/events", new { type = "CallerHungUp" }, ApiNode.Json);
        }

        await using var resumed = await SseReader.Open(adapter, lastEventId: ringId);
        var next = await resumed.Next();
        Assert.True(next.Id > ringId);
        Assert.Equal("cancel-ring", next.Event);
        Assert.Equal("r1", next.Data.GetProperty("callId").GetString());
    }

    [Fact]
    public async Task Unacknowledged_commands_are_delivered_again_on_the_next_subscription()
    {
        var adapter = _node.As(ApiNode.AdapterKey);
        SseEvent announcement, ring;
        await using (var first = await SseReader.Open(adapter)) // new adapter: starts at the journal's end
        {
            await AnnaReady();
            await adapter.PostAsJsonAsync("/v1/calls", new { callId = "a1", from = "+4511", queueId = "general" }, ApiNode.Json);
            announcement = await first.NextFor("a1", "play-announcement");
            ring = await first.NextFor("a1", "ring-agent");
        }
        var ack = await adapter.PostAsJsonAsync("/v1/adapter/commands/ack", new { upTo = announcement.Id }, ApiNode.Json);
        Assert.Equal(announcement.Id, (await ack.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("acknowledged").GetInt64());

        await using var again = await SseReader.Open(adapter);
        var redelivered = await again.NextFor("a1", "ring-agent");
        Assert.Equal(ring.Id, redelivered.Id);

        // Acknowledgements never move backwards.
        var back = await adapter.PostAsJsonAsync("/v1/adapter/commands/ack", new { upTo = 1 }, ApiNode.Json);
        Assert.Equal(announcement.Id, (await back.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("acknowledged").GetInt64());
    }

    [Fact]
    public async Task Only_adapters_may_subscribe()
    {
        var response = await _node.As(ApiNode.AnnaKey).GetAsync("/v1/adapter/commands");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Events_that_ask_nothing_of_the_adapter_do_not_break_the_stream()
    {
        var adapter = _node.As(ApiNode.AdapterKey);
        // A caller who hangs up while queued asks nothing of the adapter; the stream must go past it.
        await adapter.PostAsJsonAsync("/v1/calls", new { callId = "gone", from = "+4511", queueId = "general" }, ApiNode.Json);
        await adapter.PostAsJsonAsync("/v1/calls/gone/events", new { type = "CallerHungUp" }, ApiNode.Json);
        await AnnaReady();
        await adapter.PostAsJsonAsync("/v1/calls", new { callId = "after", from = "+4512", queueId = "general" }, ApiNode.Json);

        await using var fromStart = await SseReader.Open(adapter, "/v1/adapter/commands?from=earliest");
        var ring = await fromStart.NextFor("after", "ring-agent");
        Assert.Equal("anna", ring.Data.GetProperty("agentId").GetString());
    }
}
