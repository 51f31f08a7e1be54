using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace ContactCenter.Api.Tests;

public sealed class CallFlowTests : IAsyncLifetime
{
    private readonly ApiNode _node = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task A_whole_call_goes_through_the_api_from_offer_to_wrap_up()
    {
        await _node.CreateQueue("general", "general", wrapUpSeconds: 60);
        await _node.CreateAgent("anna", "general", 7);
        var anna = _node.As(ApiNode.AnnaKey);
        var adapter = _node.As(ApiNode.AdapterKey);
        Assert.Equal(HttpStatusCode.OK, (await anna.PostAsync("/v1/agents/anna/login", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anna.PostAsync("/v1/agents/anna/ready", null)).StatusCode);

        var offer = await adapter.PostAsJsonAsync("/v1/calls",
            new { from = "+4512345678", dialled = "33663366", queueId = "general", attachedData = new { cpr = "010203-1234" } }, ApiNode.Json);
        Assert.Equal(HttpStatusCode.Created, offer.StatusCode);
        var callId = (await offer.Content.ReadFromJsonAsync<OfferCallResponse>(ApiNode.Json))!.CallId;
        Assert.Equal($"/v1/calls/{callId}", offer.Headers.Location!.OriginalString);

        JsonElement call = default;
        await ApiNode.Eventually(async () =>
        {
            call = await adapter.GetFromJsonAsync<JsonElement>($"/v1/calls/{callId}", ApiNode.Json);
            Assert.Equal("Ringing", call.GetProperty("status").GetString());
        });
        Assert.Equal("anna", call.GetProperty("agentId").GetString());
        Assert.Equal("010203-****", call.GetProperty("details").GetProperty("attachedData").GetProperty("cpr").GetString());
        var token = call.GetProperty("token").GetString();

        var answered = await adapter.PostAsJsonAsync($"/v1/calls/{callId}/events", new { type = "Answered", agentId = "anna", token }, ApiNode.Json);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        await ApiNode.Eventually(async () => Assert.Equal("Connected",
            (await adapter.GetFromJsonAsync<JsonElement>($"/v1/calls/{callId}", ApiNode.Json)).GetProperty("status").GetString()));

        var hangUp = await adapter.PostAsJsonAsync($"/v1/calls/{callId}/events", new { type = "CallerHungUp" }, ApiNode.Json);
        Assert.Equal(HttpStatusCode.OK, hangUp.StatusCode);

        var history = (await adapter.GetFromJsonAsync<JsonElement>($"/v1/calls/{callId}", ApiNode.Json)).GetProperty("history");
        Assert.Equal(new[] { "offered", "offered-to-agent", "connected", "ended" },
            history.EnumerateArray().Select(e => e.GetProperty("$event").GetString()));
        await ApiNode.Eventually(async () => Assert.Equal("WrapUp",
            (await anna.GetFromJsonAsync<JsonElement>("/v1/agents/anna", ApiNode.Json)).GetProperty("status").GetString()));

        Assert.Equal(HttpStatusCode.OK, (await anna.PostAsync("/v1/agents/anna/wrap-up/end", null)).StatusCode);
        var me = await anna.GetFromJsonAsync<JsonElement>("/v1/agents/anna", ApiNode.Json);
        Assert.Equal("Ready", me.GetProperty("status").GetString());
        Assert.Equal(1, me.GetProperty("today").GetProperty("callsHandled").GetInt32());
    }

    [Fact]
    public async Task The_supervisor_sees_waiting_callers_with_their_waits_and_changes_skills_live()
    {
        await _node.CreateQueue("experts", "law");
        await _node.CreateAgent("anna", "law", 1);
        var supervisor = _node.As(ApiNode.SupervisorKey);
        var adapter = _node.As(ApiNode.AdapterKey);
        var changed = await supervisor.PutAsJsonAsync("/v1/queues/experts",
            new { name = "Experts", requiredSkill = "law", minLevel = 5 }, ApiNode.Json);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        await _node.As(ApiNode.AnnaKey).PostAsync("/v1/agents/anna/login", null);
        await _node.As(ApiNode.AnnaKey).PostAsync("/v1/agents/anna/ready", null);
        await adapter.PostAsJsonAsync("/v1/calls", new { callId = "w1", from = "+451", queueId = "experts" }, ApiNode.Json);

        await ApiNode.Eventually(async () =>
        {
            var queue = await supervisor.GetFromJsonAsync<JsonElement>("/v1/queues/experts", ApiNode.Json);
            Assert.Equal("w1", queue.GetProperty("waiting")[0].GetProperty("callId").GetString());
            Assert.True(queue.GetProperty("longestWaitSeconds").GetDouble() >= 0);
        });

        var promote = await supervisor.PutAsJsonAsync("/v1/agents/anna/skills", new { skills = new { law = 6 } }, ApiNode.Json);
        Assert.Equal(HttpStatusCode.OK, promote.StatusCode);
        await ApiNode.Eventually(async () => Assert.Equal("Ringing",
            (await adapter.GetFromJsonAsync<JsonElement>("/v1/calls/w1", ApiNode.Json)).GetProperty("status").GetString()));
    }
}
