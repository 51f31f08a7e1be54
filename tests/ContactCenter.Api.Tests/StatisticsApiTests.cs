using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace ContactCenter.Api.Tests;

/// <summary>Statistics over HTTP on a real node: a call answered through the API shows up in every view.</summary>
public sealed class StatisticsApiTests : IAsyncLifetime
{
    private readonly ApiNode _node = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task An_answered_call_is_counted_in_the_reports_the_live_view_and_metrics()
    {
        // CreateQueue offers a probe call and hangs it up at once: a short abandon.
        await _node.CreateQueue("stats", "s");
        await _node.CreateAgent("anna", "s", 5);
        var anna = _node.As(ApiNode.AnnaKey);
        var adapter = _node.As(ApiNode.AdapterKey);
        var supervisor = _node.As(ApiNode.SupervisorKey);
        await anna.PostAsync("/v1/agents/anna/login", null);
        await anna.PostAsync("/v1/agents/anna/ready", null);

        // The supervisor's queue view shows the agents serving the queue by state.
        await ApiNode.Eventually(async () =>
        {
            var queue = await supervisor.GetFromJsonAsync<JsonElement>("/v1/queues/stats", ApiNode.Json);
            Assert.Equal(1, queue.GetProperty("agents").GetProperty("ready").GetInt32());
        });

        await adapter.PostAsJsonAsync("/v1/calls", new { callId = "s1", from = "+4511111111", queueId = "stats" }, ApiNode.Json);
        string? token = null;
        await ApiNode.Eventually(async () =>
        {
            var call = await adapter.GetFromJsonAsync<JsonElement>("/v1/calls/s1", ApiNode.Json);
            Assert.Equal("Ringing", call.GetProperty("status").GetString());
            token = call.GetProperty("token").GetString();
        });
        await adapter.PostAsJsonAsync("/v1/calls/s1/events", new { type = "Answered", agentId = "anna", token }, ApiNode.Json);
        await ApiNode.Eventually(async () =>
        {
            var queue = await supervisor.GetFromJsonAsync<JsonElement>("/v1/queues/stats", ApiNode.Json);
            Assert.Equal(1, queue.GetProperty("agents").GetProperty("onCall").GetInt32());
        });
        await adapter.PostAsJsonAsync("/v1/calls/s1/events", new { type = "CallerHungUp", disposition = "resolved" }, ApiNode.Json);

        await ApiNode.Eventually(async () =>
        {
            var rows = await supervisor.GetFromJsonAsync<JsonElement>("/v1/statistics/queues?interval=day&queueId=stats", ApiNode.Json);
            var day = Assert.Single(rows.EnumerateArray());
            Assert.Equal(2, day.GetProperty("offered").GetInt32());
            Assert.Equal(1, day.GetProperty("answered").GetInt32());
            Assert.Equal(1, day.GetProperty("shortAbandoned").GetInt32());
            Assert.Equal(0, day.GetProperty("abandoned").GetInt32());
            Assert.Equal(1, day.GetProperty("handled").GetInt32());
            Assert.Equal(100, day.GetProperty("firstContactResolutionPercent").GetDouble());
        }, seconds: 30);

        var csv = await supervisor.GetStringAsync("/v1/statistics/queues?interval=day&format=csv");
        Assert.StartsWith("subject,start,minutes,offered", csv);
        Assert.Contains("\nstats,", csv);

        var agentDay = await supervisor.GetFromJsonAsync<JsonElement>("/v1/statistics/agents?interval=day&agentId=anna", ApiNode.Json);
        Assert.Equal(1, Assert.Single(agentDay.EnumerateArray()).GetProperty("callsHandled").GetInt32());

        var live = await supervisor.GetFromJsonAsync<JsonElement>("/v1/statistics/live/stats", ApiNode.Json);
        Assert.Equal(0, live.GetProperty("waitingNow").GetInt32());
        Assert.Equal(0, live.GetProperty("estimatedWaitSeconds").GetDouble());

        var metrics = await _node.CreateClient().GetStringAsync("/metrics");
        Assert.Contains("contactcenter_queue_waiting_calls{queue=\"stats\"} 0", metrics);
        Assert.Contains("contactcenter_queue_agents{queue=\"stats\",state=\"ready\"}", metrics);
        Assert.Contains("contactcenter_cluster_members{status=\"Up\"} 1", metrics);
        Assert.True(metrics.Contains("contactcenter_persistence_latency_seconds_bucket"), metrics);
        Assert.Contains("contactcenter_routing_decision_seconds_bucket", metrics);
        Assert.Contains("contactcenter_entities{region=\"agent\"}", metrics);
    }

    [Fact]
    public async Task The_live_stream_pushes_at_most_once_a_second()
    {
        await _node.CreateQueue("pushed", "p");
        await using var stream = await SseReader.OpenRaw(_node.As(ApiNode.SupervisorKey), "/v1/statistics/live/stream?queueId=pushed");
        var first = await stream.NextFrame();
        Assert.Contains("\"queueId\":\"pushed\"", first);
        var watch = Stopwatch.StartNew();
        var frames = 0;
        while (watch.Elapsed < TimeSpan.FromSeconds(3))
        {
            await stream.NextFrame();
            frames++;
        }
        Assert.InRange(frames, 1, 4);
    }

    [Theory]
    [InlineData("/v1/statistics/queues?interval=7", "interval")]
    [InlineData("/v1/statistics/queues?from=23-11-2026", "from")]
    [InlineData("/v1/statistics/departments?from=2026-11-23&to=2026-11-01", "to")]
    [InlineData("/v1/statistics/agents?from=2024-01-01&to=2026-01-01", "to")]
    [InlineData("/v1/statistics/queues?format=xml", "format")]
    public async Task A_bad_query_is_a_problem_naming_the_field(string url, string field)
    {
        var response = await _node.As(ApiNode.SupervisorKey).GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith(field + ":", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Agents_cannot_read_statistics_and_only_admins_rebuild()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await _node.As(ApiNode.AnnaKey).GetAsync("/v1/statistics/queues")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _node.As(ApiNode.SupervisorKey).PostAsync("/v1/statistics/rebuild", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _node.As(ApiNode.AdminKey).PostAsync("/v1/statistics/rebuild", null)).StatusCode);
    }
}
