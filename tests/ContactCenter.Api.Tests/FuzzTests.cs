using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace ContactCenter.Api.Tests;

/// <summary>Random, malformed, huge and nested bodies get 4xx, change nothing, and the node keeps serving.</summary>
public sealed class FuzzTests : IAsyncLifetime
{
    private readonly ApiNode _node = new();

    public async Task InitializeAsync()
    {
        await _node.CreateQueue("general", "general");
        await _node.CreateAgent("anna", "general", 4);
    }

    public async Task DisposeAsync() => await _node.DisposeAsync();

    private static readonly string[] Fragments =
    [
        "{", "}", "[", "]", ",", ":", "\"", "null", "true", "-1", "1e999", "\"from\"", "\"queueId\"", "\"general\"", "\"priority\"",
        "\"attachedData\"", "\"cpr\"", "\"0102031234\"", "\\u0000", "\"skills\"", "99", "\"kind\"", "\"Alien\"", "{\"a\":", " ", "\n",
    ];

    [Fact]
    public async Task Random_json_bodies_never_get_a_5xx_and_change_nothing()
    {
        var bodies = Gen.ArrayOf(Gen.Elements(Fragments)).Select(parts => string.Concat(parts)).Sample(20, 120);
        var supervisor = _node.As(ApiNode.SupervisorKey);
        var before = await supervisor.GetStringAsync("/v1/agents/anna");
        var targets = new[] { ("POST", "/v1/calls", ApiNode.AdapterKey), ("PUT", "/v1/agents/anna/profile", ApiNode.SupervisorKey),
            ("PUT", "/v1/queues/general", ApiNode.SupervisorKey), ("POST", "/v1/calls/events/bulk", ApiNode.AdapterKey) };

        foreach (var body in bodies)
        foreach (var (method, path, key) in targets)
        {
            var response = await _node.As(key).SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
            {
                Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
            });
            Assert.True((int)response.StatusCode < 500, $"{method} {path} with {body} gave {(int)response.StatusCode}");
        }

        var after = await supervisor.GetStringAsync("/v1/agents/anna");
        Assert.Equal(JsonDocument.Parse(before).RootElement.GetProperty("profile").ToString(),
            JsonDocument.Parse(after).RootElement.GetProperty("profile").ToString());
        var queue = await supervisor.GetFromJsonAsync<JsonElement>("/v1/queues/general", ApiNode.Json);
        Assert.Equal("general", queue.GetProperty("config").GetProperty("requiredSkill").GetString());
    }

    [Fact]
    public async Task A_huge_ndjson_line_is_refused_and_the_node_keeps_serving()
    {
        var line = "{\"callId\":\"" + new string('x', 70_000) + "\",\"type\":\"Offered\"}\n";
        var response = await _node.As(ApiNode.AdapterKey).PostAsync("/v1/calls/events/bulk",
            new StringContent(line, System.Text.Encoding.UTF8, "application/x-ndjson"));
        Assert.True((int)response.StatusCode is >= 400 and < 500 || response.StatusCode == HttpStatusCode.OK);
        var ok = await _node.As(ApiNode.AdapterKey).PostAsJsonAsync("/v1/calls", new { from = "+45", queueId = "general" }, ApiNode.Json);
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
    }
}
