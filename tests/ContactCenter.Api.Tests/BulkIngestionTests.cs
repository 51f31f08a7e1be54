using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Xunit;

namespace ContactCenter.Api.Tests;

public sealed class BulkIngestionTests : IAsyncLifetime
{
    private readonly ApiNode _node = new();

    public async Task InitializeAsync() => await _node.CreateQueue("general", "general");

    public async Task DisposeAsync() => await _node.DisposeAsync();

    private async Task<List<JsonElement>> Post(string ndjson)
    {
        var response = await _node.As(ApiNode.AdapterKey).PostAsync("/v1/calls/events/bulk",
            new StringContent(ndjson, Encoding.UTF8, "application/x-ndjson"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
    }

    [Fact]
    public async Task A_batch_gets_one_result_per_line_in_order_and_a_bad_line_fails_alone()
    {
        var lines = new StringBuilder();
        for (var i = 0; i < 40; i++) lines.AppendLine($$"""{"callId":"b{{i}}","type":"Offered","from":"+45{{i}}","queueId":"general"}""");
        lines.AppendLine("{not json");
        lines.AppendLine("""{"callId":"b0","type":"CallerHungUp"}""");
        lines.AppendLine("""{"callId":"b1","type":"Teleported"}""");
        lines.AppendLine("""{"callId":"ghost","type":"CallerHungUp"}""");

        var results = await Post(lines.ToString());

        Assert.Equal(44, results.Count);
        Assert.Equal(Enumerable.Range(1, 44), results.Select(r => r.GetProperty("line").GetInt32()));
        Assert.All(results.Take(40), r => Assert.Equal(201, r.GetProperty("status").GetInt32()));
        Assert.Equal(400, results[40].GetProperty("status").GetInt32());
        Assert.Equal(200, results[41].GetProperty("status").GetInt32());
        Assert.Equal(400, results[42].GetProperty("status").GetInt32());
        Assert.Contains("Teleported", results[42].GetProperty("detail").GetString());
        Assert.Equal(404, results[43].GetProperty("status").GetInt32());

        var adapter = _node.As(ApiNode.AdapterKey);
        Assert.Equal("Abandoned", (await adapter.GetFromJsonAsync<JsonElement>("/v1/calls/b0", ApiNode.Json)).GetProperty("status").GetString());
        Assert.Equal("Queued", (await adapter.GetFromJsonAsync<JsonElement>("/v1/calls/b39", ApiNode.Json)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Lines_for_the_same_call_are_applied_in_their_order()
    {
        var results = await Post("""
            {"callId":"o1","type":"Offered","from":"+451","queueId":"general"}
            {"callId":"o1","type":"CallerHungUp"}
            {"callId":"o1","type":"CallerHungUp"}
            """);

        Assert.Equal(new[] { 201, 200, 200 }, results.Select(r => r.GetProperty("status").GetInt32()));
        var call = await _node.As(ApiNode.AdapterKey).GetFromJsonAsync<JsonElement>("/v1/calls/o1", ApiNode.Json);
        Assert.Equal(2, call.GetProperty("history").GetArrayLength()); // offered, abandoned: the repeat changed nothing
    }
}
