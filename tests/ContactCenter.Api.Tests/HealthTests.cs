using System.Net;
using System.Text.Json;
using Xunit;

namespace ContactCenter.Api.Tests;

public sealed class HealthTests
{
    [Fact]
    public async Task Probes_answer_without_a_key_and_ready_names_every_registered_region()
    {
        await using var node = new ApiNode();
        var anonymous = node.As(null);

        var live = await anonymous.GetAsync("/healthz/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);

        JsonElement body = default;
        await ApiNode.Eventually(async () =>
        {
            var ready = await anonymous.GetAsync("/healthz/ready");
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.Clone();
        }, seconds: 60);
        Assert.True(body.GetProperty("ready").GetBoolean());
        Assert.Equal("Up", body.GetProperty("member").GetString());
        var regions = body.GetProperty("regions").EnumerateArray().ToList();
        foreach (var type in new[] { "call", "agent", "queue", "idempotency", "adapter-cursor" })
            Assert.Contains(regions, r => r.GetProperty("typeName").GetString() == type && r.GetProperty("registered").GetBoolean());
    }

    [Fact]
    public async Task A_node_at_its_request_limit_still_answers_the_probes()
    {
        await using var node = new ApiNode { MaxConcurrentRequests = 1 };
        var anonymous = node.As(null);
        // An open command stream holds the only permit while the probes are asked.
        await using (await SseReader.Open(node.As(ApiNode.AdapterKey), "/v1/adapter/commands?from=latest"))
        {
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/healthz/live")).StatusCode);
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await anonymous.GetAsync("/healthz/ready")).StatusCode);
        }
    }
}
