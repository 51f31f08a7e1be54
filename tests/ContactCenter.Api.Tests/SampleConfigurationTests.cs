using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace ContactCenter.Api.Tests;

public sealed class SampleConfigurationTests
{
    [Fact]
    public async Task A_fresh_node_loads_the_Copenhagen_sample_and_a_restart_keeps_the_operators_changes()
    {
        var first = new ApiNode { LoadSampleConfiguration = true };
        try
        {
            var supervisor = first.As(ApiNode.SupervisorKey);
            await ApiNode.Eventually(async () =>
            {
                var queue = await supervisor.GetFromJsonAsync<JsonElement>("/v1/queues/pladsanvisning", ApiNode.Json);
                Assert.Equal("Pladsanvisning (BUF)", queue.GetProperty("config").GetProperty("name").GetString());
            }, seconds: 30);
            await ApiNode.Eventually(async () =>
                Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync("/v1/agents/suf-01")).StatusCode), seconds: 30);

            // The operator renames a queue.
            var renamed = await supervisor.PutAsJsonAsync("/v1/queues/pladsanvisning",
                new { name = "Pladsanvisning - renamed", requiredSkill = "pladsanvisning" }, ApiNode.Json);
            Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        }
        finally
        {
            await first.StopKeepingDatabase();
        }

        await using var second = new ApiNode(first.DatabaseFile) { LoadSampleConfiguration = true };
        var again = second.As(ApiNode.SupervisorKey);
        await ApiNode.Eventually(async () => Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/v1/agents/kbs-01")).StatusCode), seconds: 30);
        var queueAfter = await again.GetFromJsonAsync<JsonElement>("/v1/queues/pladsanvisning", ApiNode.Json);
        Assert.Equal("Pladsanvisning - renamed", queueAfter.GetProperty("config").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_fresh_node_answers_the_main_number_with_the_sample_menu_and_plan()
    {
        await using var node = new ApiNode { LoadSampleConfiguration = true };
        var adapter = node.As(ApiNode.AdapterKey);

        var offered = await ApiNode.EventuallyValue(async () =>
        {
            var response = await adapter.PostAsJsonAsync("/v1/calls",
                new { callId = "main-" + Guid.NewGuid().ToString("N"), from = "+4512345678", dialled = "33 66 33 66" }, ApiNode.Json);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return await response.Content.ReadFromJsonAsync<JsonElement>(ApiNode.Json);
        }, seconds: 30);
        var plan = await node.As(ApiNode.SupervisorKey).GetFromJsonAsync<JsonElement>("/v1/routing-plan", ApiNode.Json);

        Assert.Equal("InMenu 'hovedmenu' (da)", offered.GetProperty("detail").GetString());
        Assert.Equal(5, plan.GetProperty("areas").GetArrayLength());
        Assert.All(plan.GetProperty("areas").EnumerateArray(), a => Assert.NotNull(a.GetProperty("destination").GetProperty("queue").GetString()));
    }
}
