using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;
using Xunit.Abstractions;

namespace ContactCenter.Cluster.Tests;

/// <summary>
/// A node whose roles leave out "routing" (<c>ContactCenter__Roles__0=api</c>) beside one routing node: it serves
/// whole calls over its own HTTP API through shard proxies, hosts no shard, and can be killed at any time.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class ApiOnlyNodeTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Queue = "api-general";
    private static readonly TimeSpan StartWithin = TimeSpan.FromSeconds(120);

    private readonly ProcessBench _bench = new("cc-api-node", output);

    public Task InitializeAsync() => Task.CompletedTask;

    private void Log(string line) => _bench.Log(line);

    [Fact]
    public async Task An_api_only_node_serves_a_whole_call_through_proxies_hosts_no_shard_and_its_kill_loses_nothing()
    {
        // The API node gets the lower address: on a one-to-one split, keep-majority's tie-break keeps the side
        // with the lowest address, so only counting routing nodes keeps the routing node alive when it is killed.
        var ports = new[] { HostProcess.FreePort(), HostProcess.FreePort() }.Order().ToArray();
        string[] seeds = [$"akka.tcp://contact-center@127.0.0.1:{ports[1]}"];
        var database = _bench.Database("contactcenter.db");
        var routing = _bench.Start("routing", database, seeds, ports[1]);
        await routing.WaitReady(StartWithin);
        var proxy = _bench.Start("api", database, seeds, ports[0], roles: ["api"]);
        await proxy.WaitReady(StartWithin);
        Log($"routing node {routing.AkkaAddress}, API-only node {proxy.AkkaAddress}: both ready");

        var readiness = await proxy.Http.GetFromJsonAsync<JsonElement>("/healthz/ready");
        Assert.All(readiness.GetProperty("regions").EnumerateArray(), r =>
        {
            Assert.Equal("proxy", r.GetProperty("mode").GetString());
            Assert.True(r.GetProperty("registered").GetBoolean());
        });
        var members = (await proxy.Http.GetFromJsonAsync<JsonElement>("/v1/admin/cluster")).GetProperty("members").EnumerateArray()
            .ToDictionary(m => m.GetProperty("address").GetString()!, m => string.Join(",", m.GetProperty("roles").EnumerateArray().Select(r => r.GetString())));
        Assert.Equal("api", members[proxy.AkkaAddress]);
        Assert.Equal("routing", members[routing.AkkaAddress]);

        // A whole call through the API node alone: supervisor, agent desktop, adapter (the ring from its command stream).
        var viaProxy = new ApiDriver(new CallCenterLoad(() => [proxy], Queue, [], Log));
        await viaProxy.Put($"/v1/queues/{Queue}", new { name = "General", requiredSkill = "general", wrapUp = "00:00:00" });
        await viaProxy.Put("/v1/agents/anna/profile", new { name = "Anna", team = "KBS-1", department = "KBS", kind = "CitizenService", skills = new { general = 7 } });
        await ApiDriver.Routes(proxy, Queue);
        await ApiDriver.Routes(routing, Queue);
        await viaProxy.Post("/v1/agents/anna/login");
        await viaProxy.Ready("anna");
        await viaProxy.AgentIs("anna", "Ready");

        using var stream = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ring = RingFromStream(proxy, "p1", stream.Token);
        await viaProxy.Offer("p1", Queue);
        var token = await ring;
        Log($"p1 rings anna (ring-agent read from the API node's command stream)");
        await viaProxy.Answer("p1", "anna", token);
        await ApiDriver.Until("the API node's queue view counts anna on a call (statistics singleton through its proxy)", async () =>
        {
            var queue = await viaProxy.Get($"/v1/queues/{Queue}");
            return queue.GetProperty("agents") is { ValueKind: JsonValueKind.Object } agents && agents.GetProperty("onCall").GetInt32() == 1;
        });
        await viaProxy.Event("p1", new { type = "CallerHungUp" });
        await viaProxy.CallIs("p1", "Ended");
        await viaProxy.AgentIs("anna", "Ready");
        Assert.Equal(1, Outcomes(await viaProxy.Get("/v1/calls/p1")));

        // No shard on the API node: its proxies know only the routing node, which holds every shard.
        var regions = await proxy.Http.GetFromJsonAsync<JsonElement>("/v1/admin/shards/regions");
        Assert.All(regions.EnumerateArray(), r =>
        {
            Assert.Equal("proxy", r.GetProperty("mode").GetString());
            Assert.Equal(0, r.GetProperty("localShards").GetInt32());
            Assert.Equal([routing.AkkaAddress], r.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()));
        });
        foreach (var node in new[] { routing, proxy })
        {
            var stats = await node.Http.GetFromJsonAsync<JsonElement>("/v1/admin/shards/stats");
            Assert.All(stats.EnumerateArray(), t =>
                Assert.Equal([routing.AkkaAddress], t.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("address").GetString())));
            var calls = stats.EnumerateArray().Single(t => t.GetProperty("typeName").GetString() == "call");
            Assert.True(calls.GetProperty("nodes")[0].GetProperty("shards").GetInt32() > 0, $"{node.Name}: no call shard on the routing node");
        }
        Log("every shard is on the routing node; the API node hosts none");

        // A call in progress when the API node dies: the routing node holds it and finishes it.
        await viaProxy.Offer("p2", Queue);
        await viaProxy.Answer("p2", "anna");
        Log("kill -9 the API node with p2 connected");
        proxy.Kill();
        await proxy.WaitExit(TimeSpan.FromSeconds(10));
        var viaRouting = new ApiDriver(new CallCenterLoad(() => [routing], Queue, [], Log));
        await ApiDriver.Until("the routing node has removed the API node and is ready", async () =>
        {
            Assert.True(routing.Running, "the routing node exited after the API node was killed");
            using var ready = await routing.Http.GetAsync("/healthz/ready");
            var view = await routing.Http.GetFromJsonAsync<JsonElement>("/v1/admin/cluster");
            return ready.StatusCode == HttpStatusCode.OK && view.GetProperty("members").GetArrayLength() == 1;
        }, TimeSpan.FromSeconds(60));
        Log("the routing node removed the API node and stayed ready");
        await viaRouting.CallIs("p2", "Connected");
        await viaRouting.Event("p2", new { type = "AgentHungUp" });
        await viaRouting.CallIs("p2", "Ended");
        await viaRouting.AgentIs("anna", "Ready");
        await viaRouting.Offer("p3", Queue);
        await viaRouting.Answer("p3", "anna");
        await viaRouting.Event("p3", new { type = "CallerHungUp" });
        await viaRouting.CallIs("p3", "Ended");
        foreach (var callId in new[] { "p1", "p2", "p3" }) Assert.Equal(1, Outcomes(await viaRouting.Get($"/v1/calls/{callId}")));
        var anna = await viaRouting.Get("/v1/agents/anna");
        Assert.Equal(3, anna.GetProperty("today").GetProperty("callsHandled").GetInt32());
    }

    private static int Outcomes(JsonElement call) => call.GetProperty("history").EnumerateArray()
        .Count(e => e.GetProperty("$event").GetString() is "ended" or "abandoned" or "forwarded" or "closed-announced");

    /// <summary>Follows the node's adapter command stream from its start until it rings an agent for the call; the token.</summary>
    private static async Task<string> RingFromStream(HostProcess node, string callId, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/adapter/commands?from=earliest");
        using var client = new HttpClient { BaseAddress = node.Url, Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.Authorization = node.Http.DefaultRequestHeaders.Authorization;
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct));
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (!line.StartsWith("data: ", StringComparison.Ordinal)) continue;
            var command = JsonDocument.Parse(line["data: ".Length..]).RootElement;
            if (command.GetProperty("kind").GetString() == "ring-agent" && command.GetProperty("callId").GetString() == callId)
                return command.GetProperty("token").GetString()!;
        }
        throw new InvalidOperationException($"the command stream ended without ringing {callId}");
    }

    public async Task DisposeAsync() => await _bench.DisposeAsync();
}
