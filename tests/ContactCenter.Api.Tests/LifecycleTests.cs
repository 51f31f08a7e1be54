using System.Net;
using System.Net.Http.Json;
using Xunit;

namespace ContactCenter.Api.Tests;

public sealed class LifecycleTests
{
    [Fact]
    public async Task Idempotency_keys_survive_a_restart_of_the_node()
    {
        var first = new ApiNode();
        string callId;
        try
        {
            await first.CreateQueue("general", "general");
            var response = await first.As(ApiNode.AdapterKey).SendAsync(Offer());
            callId = (await response.Content.ReadFromJsonAsync<OfferCallResponse>(ApiNode.Json))!.CallId;
        }
        finally
        {
            // Keep the database file: stop only the node.
            await first.StopKeepingDatabase();
        }

        await using var second = new ApiNode(first.DatabaseFile);
        var retry = await second.As(ApiNode.AdapterKey).SendAsync(Offer());
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.True(retry.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(callId, (await retry.Content.ReadFromJsonAsync<OfferCallResponse>(ApiNode.Json))!.CallId);

        static HttpRequestMessage Offer() => new(HttpMethod.Post, "/v1/calls")
        {
            Content = JsonContent.Create(new { from = "+4599", queueId = "general" }, options: ApiNode.Json),
            Headers = { { "Idempotency-Key", "restart-1" } },
        };
    }

    [Fact]
    public async Task Queues_and_agents_can_be_removed_only_when_idle()
    {
        await using var node = new ApiNode();
        await node.CreateQueue("old", "old");
        await node.CreateAgent("bo", "old", 3);
        var supervisor = node.As(ApiNode.SupervisorKey);
        await node.As(ApiNode.AdapterKey).PostAsJsonAsync("/v1/calls", new { callId = "w", from = "+45", queueId = "old" }, ApiNode.Json);
        await supervisor.PostAsync("/v1/agents/bo/login", null);

        Assert.Equal(HttpStatusCode.Conflict, (await supervisor.DeleteAsync("/v1/queues/old")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await supervisor.DeleteAsync("/v1/agents/bo")).StatusCode);

        await node.As(ApiNode.AdapterKey).PostAsJsonAsync("/v1/calls/w/events", new { type = "CallerHungUp" }, ApiNode.Json);
        await supervisor.PostAsync("/v1/agents/bo/logout", null);
        await ApiNode.Eventually(async () => Assert.Equal(HttpStatusCode.OK, (await supervisor.DeleteAsync("/v1/queues/old")).StatusCode));
        Assert.Equal(HttpStatusCode.OK, (await supervisor.DeleteAsync("/v1/agents/bo")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.GetAsync("/v1/queues/old")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.GetAsync("/v1/agents/bo")).StatusCode);
        await ApiNode.Eventually(async () => Assert.Equal(HttpStatusCode.NotFound,
            (await node.As(ApiNode.AdapterKey).PostAsJsonAsync("/v1/calls", new { from = "+45", queueId = "old" }, ApiNode.Json)).StatusCode));
    }
}
