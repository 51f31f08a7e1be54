using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace ContactCenter.Api.Tests;

/// <summary>Transfers from the agent desktop, leg reports from the adapter, and department inboxes, over HTTP.</summary>
public sealed class TransferApiTests : IAsyncLifetime
{
    private readonly ApiNode _node = new();
    private HttpClient _adapter = null!;
    private HttpClient _supervisor = null!;

    public async Task InitializeAsync()
    {
        // The first request of a fresh node may wait for shard coordinators on a loaded machine (503): retry it.
        await ApiNode.Eventually(() => _node.CreateQueue("front", "front", wrapUpSeconds: 60), 60);
        await _node.CreateQueue("buf", "buf", wrapUpSeconds: 0);
        await _node.CreateAgent("anna", "front", 7);
        _adapter = _node.As(ApiNode.AdapterKey);
        _supervisor = _node.As(ApiNode.SupervisorKey);
    }

    public async Task DisposeAsync() => await _node.DisposeAsync();

    private async Task Ready(string agentId, HttpClient? as_ = null)
    {
        var client = as_ ?? _supervisor;
        await client.PostAsync($"/v1/agents/{agentId}/login", null);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/v1/agents/{agentId}/ready", null)).StatusCode);
    }

    private async Task<JsonElement> Call(string callId) => await _adapter.GetFromJsonAsync<JsonElement>($"/v1/calls/{callId}", ApiNode.Json);

    private async Task<JsonElement> CallIs(string callId, string status)
    {
        JsonElement call = default;
        await ApiNode.Eventually(async () => Assert.Equal(status, (call = await Call(callId)).GetProperty("status").GetString()), 30);
        return call;
    }

    /// <summary>A call to "front" answered by anna, read from the command stream as the adapter would.</summary>
    private async Task Connected(string callId, SseReader stream)
    {
        await Ready("anna", _node.As(ApiNode.AnnaKey));
        Assert.Equal(HttpStatusCode.Created,
            (await _adapter.PostAsJsonAsync("/v1/calls", new { callId, from = "+4512345678", queueId = "front" }, ApiNode.Json)).StatusCode);
        var ring = await stream.NextFor(callId, "ring-agent");
        var answered = await _adapter.PostAsJsonAsync($"/v1/calls/{callId}/events",
            new { type = "Answered", agentId = "anna", token = ring.Data.GetProperty("token").GetString() }, ApiNode.Json);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        await CallIs(callId, "Connected");
    }

    private static string[] History(JsonElement call) =>
        call.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("$event").GetString()!).ToArray();

    [Fact]
    public async Task A_cold_external_transfer_goes_to_the_adapter_and_an_unanswered_one_comes_back_marked_returned()
    {
        await using var stream = await SseReader.Open(_adapter, "/v1/adapter/commands?from=latest");
        await Connected("t1", stream);
        var anna = _node.As(ApiNode.AnnaKey);

        var transfer = await anna.PostAsJsonAsync("/v1/agents/anna/transfer",
            new { callId = "t1", targetType = "External", target = "+4533173317" }, ApiNode.Json);
        Assert.Equal(HttpStatusCode.OK, transfer.StatusCode);

        var command = await stream.NextFor("t1", "transfer");
        Assert.Equal("anna", command.Data.GetProperty("agentId").GetString());
        Assert.Equal("external:+4533173317", command.Data.GetProperty("detail").GetString());
        await ApiNode.Eventually(async () => Assert.Equal("WrapUp",
            (await anna.GetFromJsonAsync<JsonElement>("/v1/agents/anna", ApiNode.Json)).GetProperty("status").GetString()));

        var legId = (await Call("t1")).GetProperty("transfer").GetProperty("legId").GetString();
        var busy = await _adapter.PostAsJsonAsync("/v1/calls/t1/events", new { type = "TransferBusy", legId }, ApiNode.Json);
        Assert.Equal(HttpStatusCode.OK, busy.StatusCode);
        var requeue = await stream.NextFor("t1", "requeue");
        Assert.Equal("front", requeue.Data.GetProperty("queueId").GetString());

        // The next agent sees on its desktop that the call bounced.
        await _node.CreateAgent("carl", "front", 5);
        await Ready("carl");
        await stream.NextFor("t1", "ring-agent");
        var seen = await _supervisor.GetFromJsonAsync<JsonElement>("/v1/agents/carl/call", ApiNode.Json);
        Assert.True(seen.GetProperty("returned").GetBoolean());
        Assert.Contains("transfer-leg-failed", History(seen));

        // The adapter's late "answered" for that leg is refused with a problem naming it.
        var late = await _adapter.PostAsJsonAsync("/v1/calls/t1/events", new { type = "TransferAnswered", legId }, ApiNode.Json);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains(legId!, (await late.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_warm_transfer_to_an_agent_is_consulted_then_completed_and_every_leg_is_in_the_history()
    {
        await using var stream = await SseReader.Open(_adapter, "/v1/adapter/commands?from=latest");
        await Connected("w1", stream);
        await _node.CreateAgent("bob", "buf", 5);
        await Ready("bob");
        var anna = _node.As(ApiNode.AnnaKey);

        Assert.Equal(HttpStatusCode.OK, (await anna.PostAsJsonAsync("/v1/agents/anna/transfer",
            new { callId = "w1", mode = "Warm", targetType = "Agent", target = "bob", timeoutSeconds = 60 }, ApiNode.Json)).StatusCode);
        Assert.Equal("agent:bob", (await stream.NextFor("w1", "consult")).Data.GetProperty("detail").GetString());
        var ring = await stream.NextFor("w1", "ring-agent");
        Assert.Equal("bob", ring.Data.GetProperty("agentId").GetString());
        Assert.Equal(HttpStatusCode.OK, (await _adapter.PostAsJsonAsync("/v1/calls/w1/events",
            new { type = "Answered", agentId = "bob", token = ring.Data.GetProperty("token").GetString() }, ApiNode.Json)).StatusCode);
        await ApiNode.Eventually(async () => Assert.Equal("Answered", (await Call("w1")).GetProperty("transfer").GetProperty("phase").GetString()));

        Assert.Equal(HttpStatusCode.OK, (await anna.PostAsJsonAsync("/v1/agents/anna/transfer/complete", new { callId = "w1" }, ApiNode.Json)).StatusCode);

        var complete = await stream.NextFor("w1", "complete-transfer");
        Assert.Equal("anna", complete.Data.GetProperty("agentId").GetString());
        var call = await CallIs("w1", "Connected");
        Assert.Equal("bob", call.GetProperty("agentId").GetString());
        Assert.Equal(["offered", "offered-to-agent", "connected", "transfer-leg-started", "transfer-leg-ringing", "transfer-leg-answered",
            "warm-transfer-completed"], History(call));
    }

    [Fact]
    public async Task A_cancelled_warm_transfer_gives_the_caller_back_to_the_agent()
    {
        await using var stream = await SseReader.Open(_adapter, "/v1/adapter/commands?from=latest");
        await Connected("w2", stream);
        var anna = _node.As(ApiNode.AnnaKey);

        await anna.PostAsJsonAsync("/v1/agents/anna/transfer", new { callId = "w2", mode = "Warm", targetType = "Queue", target = "buf" }, ApiNode.Json);
        await CallIs("w2", "Consulting");
        Assert.Equal(HttpStatusCode.OK, (await anna.PostAsJsonAsync("/v1/agents/anna/transfer/cancel", new { callId = "w2" }, ApiNode.Json)).StatusCode);

        Assert.Equal("anna", (await stream.NextFor("w2", "retrieve")).Data.GetProperty("agentId").GetString());
        Assert.Equal("anna", (await CallIs("w2", "Connected")).GetProperty("agentId").GetString());
        var buf = await _supervisor.GetFromJsonAsync<JsonElement>("/v1/queues/buf", ApiNode.Json);
        Assert.Equal(0, buf.GetProperty("waiting").GetArrayLength()); // the consult leg left the target queue
    }

    [Fact]
    public async Task A_directory_target_is_dialled_on_its_number_when_open_and_refused_with_409_when_closed()
    {
        await Ok(_supervisor.PutAsJsonAsync("/v1/directory/suf-doegnpleje", new
        {
            name = "Døgnplejens Basecenter", department = "SUF", function = "home care, always open", number = "33 17 41 89",
        }, ApiNode.Json));
        await Ok(_supervisor.PutAsJsonAsync("/v1/directory/never-open", new
        {
            name = "Lukket linje", department = "BUF", function = "closed every day", number = "33 17 10 00",
            hours = new ContactCenter.Actors.Calendar.BusinessCalendar { Name = "closed" },
        }, ApiNode.Json));
        await using var stream = await SseReader.Open(_adapter, "/v1/adapter/commands?from=latest");
        await Connected("d1", stream);
        var anna = _node.As(ApiNode.AnnaKey);

        var closed = await anna.PostAsJsonAsync("/v1/agents/anna/transfer", new { callId = "d1", targetType = "Directory", target = "never-open" }, ApiNode.Json);
        Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
        Assert.Contains("'never-open' (Lukket linje) is closed now", (await closed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        var unknown = await anna.PostAsJsonAsync("/v1/agents/anna/transfer", new { callId = "d1", targetType = "Directory", target = "nobody" }, ApiNode.Json);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("target: directory target 'nobody'", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal("Connected", (await Call("d1")).GetProperty("status").GetString());

        var open = await anna.PostAsJsonAsync("/v1/agents/anna/transfer", new { callId = "d1", targetType = "Directory", target = "suf-doegnpleje" }, ApiNode.Json);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.Equal("external:+4533174189", (await stream.NextFor("d1", "transfer")).Data.GetProperty("detail").GetString());

        static async Task Ok(Task<HttpResponseMessage> put) => Assert.Equal(HttpStatusCode.OK, (await put).StatusCode);
    }

    [Fact]
    public async Task Bad_transfers_are_refused_with_problems_that_name_the_field_or_state()
    {
        await using var stream = await SseReader.Open(_adapter, "/v1/adapter/commands?from=latest");
        await Connected("b1", stream);
        var anna = _node.As(ApiNode.AnnaKey);

        async Task<(HttpStatusCode, string)> Try(HttpClient client, string agentId, object body)
        {
            var r = await client.PostAsJsonAsync($"/v1/agents/{agentId}/transfer", body, ApiNode.Json);
            var detail = r.StatusCode == HttpStatusCode.OK ? "" : (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
            return (r.StatusCode, detail);
        }

        var (status, detail) = await Try(anna, "anna", new { callId = "b1", targetType = "External", target = "33173317" });
        Assert.Equal((HttpStatusCode.BadRequest, true), (status, detail.Contains("target:")));
        (status, detail) = await Try(anna, "anna", new { callId = "b1", targetType = "Queue", target = "nowhere" });
        Assert.Equal((HttpStatusCode.NotFound, true), (status, detail.Contains("nowhere")));
        (status, detail) = await Try(anna, "anna", new { callId = "b1", targetType = "Agent", target = "ghost" });
        Assert.Equal(HttpStatusCode.NotFound, status);
        (status, _) = await Try(anna, "bob", new { callId = "b1", targetType = "Queue", target = "buf" });
        Assert.Equal(HttpStatusCode.Forbidden, status);
        await _node.CreateAgent("bob", "buf", 5);
        (status, detail) = await Try(_supervisor, "bob", new { callId = "b1", targetType = "Queue", target = "buf" });
        Assert.Equal((HttpStatusCode.Conflict, true), (status, detail.Contains("only its connected agent")));
        var complete = await anna.PostAsJsonAsync("/v1/agents/anna/transfer/complete", new { callId = "b1" }, ApiNode.Json);
        Assert.Equal(HttpStatusCode.Conflict, complete.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anna.PostAsJsonAsync("/v1/agents/anna/transfer",
            new { callId = "b1", targetType = "Queue", target = "buf" }, ApiNode.Json)).StatusCode);
        Assert.Equal("Queued", (await Call("b1")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_message_left_for_a_department_is_listed_with_its_age_claimed_and_closed_and_marks_the_call()
    {
        await using var stream = await SseReader.Open(_adapter, "/v1/adapter/commands?from=latest");
        await Connected("m1", stream);
        var anna = _node.As(ApiNode.AnnaKey);
        var buf = _node.As(ApiNode.BufDepartmentKey);

        var left = await anna.PostAsJsonAsync("/v1/agents/anna/department-messages", new
        {
            departmentId = "BUF", callId = "m1", kind = "CallbackRequest", citizenNumber = "+4512345678", text = "Spørger om vuggestueplads",
        }, ApiNode.Json);
        Assert.Equal(HttpStatusCode.Created, left.StatusCode);
        var messageId = (await left.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("messageId").GetString()!;
        Assert.Contains("referred-to-department", History(await Call("m1")));
        var invalid = await anna.PostAsJsonAsync("/v1/agents/anna/department-messages",
            new { departmentId = "BUF", kind = "CallbackRequest", text = "no number" }, ApiNode.Json);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);

        var list = await buf.GetFromJsonAsync<JsonElement>("/v1/departments/BUF/messages", ApiNode.Json);
        var item = Assert.Single(list.EnumerateArray());
        Assert.Equal(messageId, item.GetProperty("message").GetProperty("messageId").GetString());
        Assert.Equal("m1", item.GetProperty("message").GetProperty("callId").GetString());
        Assert.True(item.GetProperty("ageSeconds").GetDouble() >= 0);

        Assert.Equal(HttpStatusCode.OK, (await buf.PostAsJsonAsync($"/v1/departments/BUF/messages/{messageId}/claim", new { by = "mette" }, ApiNode.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await _supervisor.PostAsJsonAsync($"/v1/departments/BUF/messages/{messageId}/claim", new { by = "jens" }, ApiNode.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await buf.PostAsJsonAsync($"/v1/departments/BUF/messages/{messageId}/close",
            new { outcome = "called back", by = "mette" }, ApiNode.Json)).StatusCode);

        Assert.Empty((await buf.GetFromJsonAsync<JsonElement>("/v1/departments/BUF/messages", ApiNode.Json)).EnumerateArray());
        var all = await buf.GetFromJsonAsync<JsonElement>("/v1/departments/BUF/messages?includeClosed=true", ApiNode.Json);
        Assert.Equal("Closed", all[0].GetProperty("message").GetProperty("status").GetString());

        Assert.Equal(HttpStatusCode.Forbidden, (await buf.GetAsync("/v1/departments/SOF/messages")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await anna.GetAsync("/v1/departments/BUF/messages")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await buf.PostAsJsonAsync("/v1/departments/BUF/messages/nope/claim", new { }, ApiNode.Json)).StatusCode);
    }
}
