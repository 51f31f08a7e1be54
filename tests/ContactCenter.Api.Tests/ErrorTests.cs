using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Xunit;

namespace ContactCenter.Api.Tests;

/// <summary>Every error class is RFC 9457 problem details that names what was wrong, without a stack trace.</summary>
public sealed class ErrorTests : IAsyncLifetime
{
    private readonly ApiNode _node = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _node.DisposeAsync();

    private static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("   at ", text); // no stack trace
        return JsonDocument.Parse(text).RootElement;
    }

    private static StringContent Raw(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Malformed_json_is_400_and_says_where()
    {
        var problem = await Problem(await _node.As(ApiNode.AdapterKey).PostAsync("/v1/calls", Raw("{\"from\": \"+45\", \"queueId\": ")), HttpStatusCode.BadRequest);
        Assert.Contains("LineNumber", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_missing_required_field_is_400_and_names_the_field()
    {
        var problem = await Problem(await _node.As(ApiNode.AdapterKey).PostAsync("/v1/calls", Raw("{\"from\": \"+45\"}")), HttpStatusCode.BadRequest);
        Assert.Contains("queueId", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_invalid_value_is_400_and_names_the_field()
    {
        await _node.CreateQueue("general", "general");
        var problem = await Problem(await _node.As(ApiNode.AdapterKey).PostAsJsonAsync("/v1/calls",
            new { from = "+45", queueId = "general", priority = 500 }, ApiNode.Json), HttpStatusCode.BadRequest);
        Assert.Contains("priority", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task No_key_is_401_an_unknown_key_is_401_and_the_wrong_role_is_403()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _node.As(null).GetAsync("/v1/calls/x")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _node.As("not-a-key-at-all-xxxx").GetAsync("/v1/calls/x")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _node.As(ApiNode.AnnaKey).PostAsJsonAsync("/v1/calls", new { from = "+45", queueId = "q" })).StatusCode);
    }

    [Fact]
    public async Task An_agent_key_acts_only_for_its_own_agent()
    {
        await _node.CreateAgent("bo", "general", 3);
        var problem = await Problem(await _node.As(ApiNode.AnnaKey).PostAsync("/v1/agents/bo/ready", null), HttpStatusCode.Forbidden);
        Assert.Contains("'bo'", problem.GetProperty("detail").GetString());
        // A supervisor may act for any agent.
        Assert.Equal(HttpStatusCode.OK, (await _node.As(ApiNode.SupervisorKey).PostAsync("/v1/agents/bo/login", null)).StatusCode);
    }

    [Fact]
    public async Task Unknown_entities_are_404()
    {
        await Problem(await _node.As(ApiNode.AdapterKey).GetAsync("/v1/calls/nope"), HttpStatusCode.NotFound);
        await Problem(await _node.As(ApiNode.SupervisorKey).GetAsync("/v1/agents/nobody"), HttpStatusCode.NotFound);
        await Problem(await _node.As(ApiNode.SupervisorKey).GetAsync("/v1/queues/none"), HttpStatusCode.NotFound);
        var offer = await Problem(await _node.As(ApiNode.AdapterKey).PostAsJsonAsync("/v1/calls", new { from = "+45", queueId = "none" }, ApiNode.Json),
            HttpStatusCode.NotFound);
        Assert.Contains("'none'", offer.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Illegal_transitions_and_stale_tokens_are_409()
    {
        await _node.CreateAgent("anna", "general", 3);
        var anna = _node.As(ApiNode.AnnaKey);
        var problem = await Problem(await anna.PostAsync("/v1/agents/anna/wrap-up/end", null), HttpStatusCode.Conflict);
        Assert.Contains("illegal-transition", problem.GetProperty("type").GetString());

        var answer = await Problem(await _node.As(ApiNode.AdapterKey).PostAsJsonAsync("/v1/calls/c9/events",
            new { type = "Answered", agentId = "anna", token = "stale" }, ApiNode.Json), HttpStatusCode.Conflict);
        Assert.Contains("anna", answer.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_oversized_body_is_413()
    {
        var huge = "{\"from\":\"" + new string('9', 200_000) + "\",\"queueId\":\"q\"}";
        await Problem(await _node.As(ApiNode.AdapterKey).PostAsync("/v1/calls", Raw(huge)), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Deeply_nested_json_is_400_and_the_node_keeps_serving()
    {
        var deep = "{\"from\":\"+45\",\"queueId\":\"q\",\"attachedData\":" + string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 201);
        await Problem(await _node.As(ApiNode.AdapterKey).PostAsync("/v1/calls", Raw(deep)), HttpStatusCode.BadRequest);
        await _node.CreateQueue("general", "general");
    }

    [Fact]
    public async Task The_openapi_document_describes_the_v1_api()
    {
        var doc = await _node.As(null).GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/v1/calls", out _));
        Assert.True(paths.TryGetProperty("/v1/agents/{agentId}/ready", out _));
        Assert.True(paths.TryGetProperty("/v1/queues/{queueId}", out _));
    }
}
