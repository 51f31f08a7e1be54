using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace ContactCenter.Cluster.Tests;

/// <summary>
/// Scripted steps over the HTTP API, as the adapter, the agents' desktops and a supervisor take them, each
/// asserting the status it expects; waits poll the core until it shows the expected state (generous
/// timeouts, no sleeps). Requests go through <see cref="CallCenterLoad.Send"/>: round-robin over its nodes.
/// </summary>
public sealed class ApiDriver(CallCenterLoad api)
{
    public static readonly TimeSpan Within = TimeSpan.FromSeconds(30);

    public async Task Offer(string callId, string queueId, int priority = 0)
    {
        using var response = await Send(http => http.PostAsJsonAsync("/v1/calls", new { callId, from = "+4512345678", queueId, priority }));
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"offer {callId}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public Task Ready(string agentId) => Post($"/v1/agents/{agentId}/ready");

    /// <summary>Waits until the call rings the agent (the adapter's ring-agent) and returns the offer's token.</summary>
    public async Task<string> RingsAgent(string callId, string agentId)
    {
        string? token = null;
        await Until($"{callId} rings {agentId}", async () =>
        {
            var call = await Get($"/v1/calls/{callId}");
            if (Text(call, "status") != "Ringing" || Text(call, "agentId") != agentId) return false;
            token = Text(call, "token");
            return token is not null;
        });
        return token!;
    }

    /// <summary>The adapter reports the agent's answer with the offer's token (from the call, or as given).</summary>
    public async Task Answer(string callId, string agentId, string? token = null)
    {
        token ??= await RingsAgent(callId, agentId);
        await Event(callId, new { type = "Answered", agentId, token });
        await CallIs(callId, "Connected");
        await AgentIs(agentId, "OnCall");
    }

    public Task Event(string callId, object body) => Post($"/v1/calls/{callId}/events", body);

    public Task CallIs(string callId, string status) =>
        Until($"{callId} is {status}", async () => Text(await Get($"/v1/calls/{callId}"), "status") == status);

    public Task AgentIs(string agentId, string status, TimeSpan? within = null) =>
        Until($"{agentId} is {status}", async () => Text(await Get($"/v1/agents/{agentId}"), "status") == status, within);

    public Task WaitingAre(string queueId, params string[] callIds) =>
        Until($"{queueId} has [{string.Join(", ", callIds)}] waiting, in this order", async () =>
        {
            var queue = await Get($"/v1/queues/{queueId}");
            return queue.GetProperty("waiting").EnumerateArray().Select(w => w.GetProperty("callId").GetString()).SequenceEqual(callIds);
        });

    /// <summary>Until a node's own replica of the queue directory holds the queue, open or closed as asked.</summary>
    public static Task Routes(HostProcess node, string queueId, bool closed = false) =>
        Until($"{node.Name} routes {queueId}", async () =>
        {
            using var response = await node.Http.GetAsync($"/v1/admin/queues/{queueId}");
            if (response.StatusCode != HttpStatusCode.OK) return false;
            var view = await response.Content.ReadFromJsonAsync<JsonElement>();
            return view.GetProperty("route") is { ValueKind: JsonValueKind.Object } route &&
                   route.GetProperty("override").GetString() == (closed ? "Closed" : "None");
        });

    public static async Task Until(string what, Func<Task<bool>> condition, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? Within);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"not within {(within ?? Within).TotalSeconds} s: {what}");
            await Task.Delay(100);
        }
    }

    public async Task<JsonElement> Get(string path) =>
        await api.Get(path, Within) ?? throw new InvalidOperationException($"GET {path}: no node answered 200");

    public async Task Put(string path, object body)
    {
        using var response = await Send(http => http.PutAsJsonAsync(path, body));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"PUT {path}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public async Task Post(string path, object? body = null)
    {
        using var response = await Send(http => body is null ? http.PostAsync(path, null) : http.PostAsJsonAsync(path, body));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST {path}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public static string? Text(JsonElement e, string property) =>
        e.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private async Task<HttpResponseMessage> Send(Func<HttpClient, Task<HttpResponseMessage>> request) =>
        await api.Send(request, Within) ?? throw new InvalidOperationException("no node answered");
}
