using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace ContactCenter.Api.Tests;

/// <summary>Callbacks through the HTTP API and the command stream; the new queue settings and their validation.</summary>
public sealed class CallbackApiTests : IAsyncLifetime
{
    private readonly ApiNode _node = new();

    public async Task InitializeAsync()
    {
        await _node.CreateQueue("general", "general");
        await _node.CreateAgent("anna", "general", 7);
    }

    public async Task DisposeAsync() => await _node.DisposeAsync();

    private HttpClient Adapter => _node.As(ApiNode.AdapterKey);
    private HttpClient Supervisor => _node.As(ApiNode.SupervisorKey);

    private async Task EnableCallbacks(object callbacks)
    {
        var put = await Supervisor.PutAsJsonAsync("/v1/queues/general",
            new { name = "general", requiredSkill = "general", wrapUp = "00:00:00", callbacks }, ApiNode.Json);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        await ApiNode.Eventually(async () =>
        {
            var queue = await Supervisor.GetFromJsonAsync<JsonElement>("/v1/queues/general", ApiNode.Json);
            Assert.Equal(JsonValueKind.Object, queue.GetProperty("config").GetProperty("callbacks").ValueKind);
        });
    }

    private async Task<HttpResponseMessage> Offer(string callId) =>
        await Adapter.PostAsJsonAsync("/v1/calls", new { callId, from = "+4512345678", queueId = "general" }, ApiNode.Json);

    [Fact]
    public async Task A_callback_is_offered_booked_dialled_and_bridged_through_the_api_and_the_command_stream()
    {
        await EnableCallbacks(new { offerWhenMoreWaitingThan = 0 });
        await using var stream = await SseReader.Open(Adapter, "/v1/adapter/commands?from=latest");
        // The queue must hold the new rule on this node's directory before the call arrives.
        await Task.Delay(500);
        Assert.Equal(HttpStatusCode.Created, (await Offer("cb1")).StatusCode);

        var offered = await stream.NextFor("cb1", "offer-callback");
        Assert.Equal("1 callers waiting", offered.Data.GetProperty("detail").GetString());
        var book = await Adapter.PostAsJsonAsync("/v1/calls/cb1/callback", new { }, ApiNode.Json);
        Assert.Equal(HttpStatusCode.OK, book.StatusCode);
        Assert.Equal("+4512345678", (await stream.NextFor("cb1", "callback-booked")).Data.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await Adapter.PostAsJsonAsync("/v1/calls/cb1/events", new { type = "CallerHungUp" }, ApiNode.Json)).StatusCode);

        var anna = _node.As(ApiNode.AnnaKey);
        await anna.PostAsync("/v1/agents/anna/login", null);
        await anna.PostAsync("/v1/agents/anna/ready", null);
        var ring = await stream.NextFor("cb1", "ring-agent");
        var token = ring.Data.GetProperty("token").GetString();
        await Adapter.PostAsJsonAsync("/v1/calls/cb1/events", new { type = "Answered", agentId = "anna", token }, ApiNode.Json);
        var dial = await stream.NextFor("cb1", "dial-callback");
        Assert.Equal(("+4512345678", token), (dial.Data.GetProperty("detail").GetString(), dial.Data.GetProperty("token").GetString()));

        var answered = await Adapter.PostAsJsonAsync("/v1/calls/cb1/callback/dial-result", new { token, result = "Answered" }, ApiNode.Json);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        await stream.NextFor("cb1", "bridge");
        var call = await Adapter.GetFromJsonAsync<JsonElement>("/v1/calls/cb1", ApiNode.Json);
        Assert.Equal("Connected", call.GetProperty("status").GetString());
        Assert.Equal(1, call.GetProperty("callback").GetProperty("attempts").GetInt32());
        Assert.Equal(new string?[] { "offered", "callback-offered", "callback-requested", "offered-to-agent", "callback-dialled", "connected" },
            call.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("$event").GetString()).ToArray());
    }

    [Fact]
    public async Task A_failed_attempt_goes_to_the_stream_and_the_callback_waits_parked_for_its_retry()
    {
        await EnableCallbacks(new { maxAttempts = 2, retryBackoff = "00:10:00" });
        await Task.Delay(500);
        await Offer("cb2");
        Assert.Equal(HttpStatusCode.OK, (await Adapter.PostAsJsonAsync("/v1/calls/cb2/callback", new { number = "+4533663366" }, ApiNode.Json)).StatusCode);
        await using var stream = await SseReader.Open(Adapter, "/v1/adapter/commands?from=latest");
        var anna = _node.As(ApiNode.AnnaKey);
        await anna.PostAsync("/v1/agents/anna/login", null);
        await anna.PostAsync("/v1/agents/anna/ready", null);
        var token = (await stream.NextFor("cb2", "ring-agent")).Data.GetProperty("token").GetString();
        await Adapter.PostAsJsonAsync("/v1/calls/cb2/events", new { type = "Answered", agentId = "anna", token }, ApiNode.Json);
        await stream.NextFor("cb2", "dial-callback");

        var stale = await Adapter.PostAsJsonAsync("/v1/calls/cb2/callback/dial-result", new { token = "old", result = "Busy" }, ApiNode.Json);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("stale-token", await stale.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await Adapter.PostAsJsonAsync("/v1/calls/cb2/callback/dial-result", new { token, result = "Busy" }, ApiNode.Json)).StatusCode);

        var failed = await stream.NextFor("cb2", "callback-attempt-failed");
        Assert.StartsWith("Busy; retry at ", failed.Data.GetProperty("detail").GetString());
        await ApiNode.Eventually(async () =>
        {
            var queue = await Supervisor.GetFromJsonAsync<JsonElement>("/v1/queues/general", ApiNode.Json);
            Assert.Equal("cb2", queue.GetProperty("parkedCallbacks")[0].GetProperty("callId").GetString());
        });
    }

    [Fact]
    public async Task Callback_requests_that_cannot_be_honoured_get_problems_that_name_the_field_or_state()
    {
        await Offer("plain");
        var disabled = await Adapter.PostAsJsonAsync("/v1/calls/plain/callback", new { }, ApiNode.Json);
        Assert.Equal(HttpStatusCode.Conflict, disabled.StatusCode);
        Assert.Contains("does not offer callbacks", await disabled.Content.ReadAsStringAsync());

        await EnableCallbacks(new { });
        await ApiNode.Eventually(async () =>
        {
            var badNumber = await Adapter.PostAsJsonAsync("/v1/calls/plain/callback", new { number = "abc", at = DateTimeOffset.UtcNow.AddMinutes(-5) }, ApiNode.Json);
            Assert.Equal(HttpStatusCode.BadRequest, badNumber.StatusCode);
            var detail = (await badNumber.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
            Assert.Contains("number: 'abc' is not a phone number", detail);
            Assert.Contains("at: ", detail);
        });
        Assert.Equal(HttpStatusCode.NotFound, (await Adapter.PostAsJsonAsync("/v1/calls/nobody/callback", new { }, ApiNode.Json)).StatusCode);
        var noToken = await Adapter.PostAsJsonAsync("/v1/calls/plain/callback/dial-result", new { token = "", result = "Answered" }, ApiNode.Json);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Contains("token:", await noToken.Content.ReadAsStringAsync());
        var notACallback = await Adapter.PostAsJsonAsync("/v1/calls/plain/callback/dial-result", new { token = "t", result = "Answered" }, ApiNode.Json);
        Assert.Equal(HttpStatusCode.Conflict, notACallback.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Supervisor.PostAsJsonAsync("/v1/calls/plain/callback", new { }, ApiNode.Json)).StatusCode);
    }

    [Fact]
    public async Task Invalid_callback_escalation_and_hypercare_settings_are_refused_naming_each_field()
    {
        var put = await Supervisor.PutAsJsonAsync("/v1/queues/general", new
        {
            name = "general",
            requiredSkill = "general",
            minLevel = 4,
            callbacks = new { maxAttempts = 0, dialTimeout = "00:10:00" },
            escalation = new object[] { new { after = "00:00:30", minLevel = 6 }, new { after = "00:00:20", team = "reserve" } },
            hypercare = new { goLive = "2026-04-01T00:00:00+02:00", weeks = 0, department = "" },
            whenClosed = new { action = "Callback" },
        }, ApiNode.Json);

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        var detail = (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
        Assert.Contains("callbacks.maxAttempts: 0 is outside 1-10", detail);
        Assert.Contains("callbacks.dialTimeout:", detail);
        Assert.Contains("escalation[0].minLevel: 6 does not widen the queue's minLevel 4", detail);
        Assert.Contains("escalation[1].after: steps must come in increasing order of time", detail);
        Assert.Contains("hypercare.weeks: 0 is outside 1-104", detail);
        Assert.Contains("hypercare.department: must not be empty", detail);
    }

    [Fact]
    public async Task Valid_escalation_and_hypercare_settings_are_stored_and_shown_with_the_live_queue()
    {
        var put = await Supervisor.PutAsJsonAsync("/v1/queues/general", new
        {
            name = "general",
            requiredSkill = "general",
            minLevel = 4,
            escalation = new object[] { new { after = "00:00:30", minLevel = 2 }, new { after = "00:01:00", queueId = "library" } },
            hypercare = new { goLive = "2026-04-01T00:00:00+02:00", weeks = 12, department = "BUF", skill = "buf", oldestWaitAbove = "00:01:30" },
        }, ApiNode.Json);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var queue = await Supervisor.GetFromJsonAsync<JsonElement>("/v1/queues/general", ApiNode.Json);
        var config = queue.GetProperty("config");
        Assert.Equal(2, config.GetProperty("escalation").GetArrayLength());
        Assert.Equal("BUF", config.GetProperty("hypercare").GetProperty("department").GetString());
        Assert.Equal(0, queue.GetProperty("openRings").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, queue.GetProperty("hypercareOverflowSince").ValueKind);
    }
}
