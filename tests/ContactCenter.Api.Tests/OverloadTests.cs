using System.Net;
using System.Text.Json;
using Xunit;

namespace ContactCenter.Api.Tests;

public sealed class OverloadTests
{
    [Fact]
    public async Task Requests_beyond_the_nodes_limit_get_429_with_Retry_After_and_the_node_recovers()
    {
        await using var node = new ApiNode { MaxConcurrentRequests = 1 };
        var adapter = node.As(ApiNode.AdapterKey);

        HttpResponseMessage refused;
        // An open command stream holds the only permit for as long as it is open.
        await using (await SseReader.Open(adapter, "/v1/adapter/commands?from=latest"))
        {
            refused = await node.As(ApiNode.SupervisorKey).GetAsync("/v1/queues/any");
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("1", refused.Headers.RetryAfter?.ToString());
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.EndsWith("/overloaded", problem.GetProperty("type").GetString());
        await ApiNode.Eventually(async () =>
            Assert.Equal(HttpStatusCode.NotFound, (await node.As(ApiNode.SupervisorKey).GetAsync("/v1/queues/any")).StatusCode));
    }
}
