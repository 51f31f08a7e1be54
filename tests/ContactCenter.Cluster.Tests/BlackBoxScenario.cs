using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContactCenter.Actors.Calendar;
using Xunit;

namespace ContactCenter.Cluster.Tests;

/// <summary>How one call ended, without times or tokens: what must be the same on any deployment.</summary>
public sealed record CallFate(
    string CallId, string Status, string? Outcome, int Outcomes, string? EndedBy, string? AgentId, string? QueueId, string Events)
{
    public override string ToString() =>
        $"{CallId}: {Status} ({Outcome} x{Outcomes}, by {EndedBy ?? "-"}, agent {AgentId ?? "-"}, queue {QueueId ?? "-"}) [{Events}]";
}

/// <summary>How one agent ended the scenario.</summary>
public sealed record AgentFate(string AgentId, string Status, string? PauseReason, int CallsHandled, int MissedOffers)
{
    public override string ToString() => $"{AgentId}: {Status}{(PauseReason is null ? "" : $" ({PauseReason})")}, handled {CallsHandled}, missed {MissedOffers}";
}

public sealed record ScenarioOutcome(IReadOnlyList<CallFate> Calls, IReadOnlyList<AgentFate> Agents)
{
    public IEnumerable<string> Lines => Calls.Select(c => c.ToString()).Concat(Agents.Select(a => a.ToString()));
}

/// <summary>
/// A scripted day in miniature, driven only through the HTTP API (requests spread round-robin over the given
/// nodes) and step by step: every step waits until the core shows the state the script expects, so each call's
/// fate is fixed by the script and not by timing. Calls: answered and ended by the caller, ended by the agent,
/// abandoned while queued, a priority call that jumps the line, a missed offer (ring timeout) that goes back to
/// its place, a cold transfer to another queue, a closed queue that announces, a closed queue that forwards, a
/// queue nobody serves.
/// </summary>
public sealed class BlackBoxScenario(CallCenterLoad api, Action<string> log)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);
    private static readonly string[] Terminal = ["ended", "abandoned", "forwarded", "closed-announced"];

    private const string General = "bb-general";
    private const string Library = "bb-library";
    private const string Evening = "bb-evening";
    private const string Homecare = "bb-homecare";
    private const string Nobody = "bb-nobody";
    private static readonly string[] Queues = [General, Library, Evening, Homecare, Nobody];
    private static readonly string[] Agents = ["anna", "bob", "carl"];
    private readonly List<string> _calls = [];

    public async Task<ScenarioOutcome> Run(IReadOnlyList<HostProcess> nodes)
    {
        await SetUp(nodes);

        Step("1: anna answers, the caller hangs up");
        await Ready("anna");
        await Offer("c01", General);
        await Answer("c01", "anna");
        await Event("c01", new { type = "CallerHungUp" });
        await CallIs("c01", "Ended");
        await AgentIs("anna", "Ready");

        Step("2: anna answers, the agent hangs up");
        await Offer("c02", General);
        await Answer("c02", "anna");
        await Event("c02", new { type = "AgentHungUp" });
        await CallIs("c02", "Ended");
        await AgentIs("anna", "Ready");

        Step("3: anna pauses; four callers queue, the third with priority");
        await Post("/v1/agents/anna/pause", new { reason = "break" });
        await AgentIs("anna", "Paused");
        await Offer("c03", General);
        await Offer("c04", General);
        await Offer("c05", General, priority: 50);
        await Offer("c06", General);
        await WaitingAre(General, "c05", "c03", "c04", "c06");

        Step("4: the caller of c04 hangs up while queued");
        await Event("c04", new { type = "CallerHungUp" });
        await CallIs("c04", "Abandoned");
        await WaitingAre(General, "c05", "c03", "c06");

        Step("5: anna is ready and gets the priority call first");
        await Ready("anna");
        await Answer("c05", "anna");
        await Event("c05", new { type = "CallerHungUp" });
        await CallIs("c05", "Ended");

        Step("6: anna is offered c03 and does not answer: it goes back to its place, she is paused");
        await RingsAgent("c03", "anna");
        await AgentIs("anna", "Paused", TimeSpan.FromSeconds(30));
        await WaitingAre(General, "c03", "c06");

        Step("7: bob takes c03 and transfers it cold to the library; then he takes c06");
        await Ready("bob");
        await Answer("c03", "bob");
        await Post("/v1/agents/bob/transfer", new { callId = "c03", targetType = "Queue", target = Library });
        await WaitingAre(Library, "c03");
        await Answer("c06", "bob");
        await Event("c06", new { type = "CallerHungUp" });
        await CallIs("c06", "Ended");
        await AgentIs("bob", "Ready");

        Step("8: carl in the library answers c03 and hangs up");
        await Ready("carl");
        await Answer("c03", "carl");
        await Event("c03", new { type = "AgentHungUp" });
        await CallIs("c03", "Ended");

        Step("9: closed queues announce and forward");
        await Offer("c07", Evening);
        await CallIs("c07", "ClosedAnnounced");
        await Offer("c08", Homecare);
        await CallIs("c08", "Forwarded");

        Step("10: nobody serves this queue; the caller gives up");
        await Offer("c09", Nobody);
        await WaitingAre(Nobody, "c09");
        await Event("c09", new { type = "CallerHungUp" });
        await CallIs("c09", "Abandoned");

        Step("11: bob logs out");
        await Post("/v1/agents/bob/logout");
        await AgentIs("bob", "LoggedOut");

        return await Outcome();
    }

    private void Step(string text) => log("step " + text);

    private async Task SetUp(IReadOnlyList<HostProcess> nodes)
    {
        await Put($"/v1/queues/{General}", new { name = "General", requiredSkill = "general", wrapUp = "00:00:00", offerTimeout = "00:00:03" });
        await Put($"/v1/queues/{Library}", new { name = "Library", requiredSkill = "library", wrapUp = "00:00:00", offerTimeout = "00:00:10" });
        await Put($"/v1/queues/{Evening}", new { name = "Evening", requiredSkill = "evening", whenClosed = new { action = "Announce" } });
        await Put($"/v1/queues/{Homecare}", new { name = "Home care", requiredSkill = "homecare", whenClosed = new { action = "Forward", target = "+4533173317" } });
        await Put($"/v1/queues/{Nobody}", new { name = "Nobody", requiredSkill = "nobody" });
        await Post($"/v1/queues/{Evening}/close");
        await Post($"/v1/queues/{Homecare}/close");
        foreach (var (agent, skills) in new[]
                 {
                     ("anna", new Dictionary<string, int> { ["general"] = 9 }),
                     ("bob", new Dictionary<string, int> { ["general"] = 5 }),
                     ("carl", new Dictionary<string, int> { ["library"] = 6 }),
                 })
        {
            await Put($"/v1/agents/{agent}/profile", new { name = agent, team = "KBS-1", department = "KBS", kind = "CitizenService", skills });
            await Post($"/v1/agents/{agent}/login");
            await AgentIs(agent, "Paused");
        }
        // Offers are routed by each node's replica of the queue directory: wait until every node has every queue,
        // with the closed ones closed, before the first call.
        foreach (var node in nodes)
        {
            foreach (var queue in Queues)
            {
                var closed = queue is Evening or Homecare;
                await Until($"{node.Name} routes {queue}", async () =>
                {
                    using var response = await node.Http.GetAsync($"/v1/admin/queues/{queue}");
                    if (response.StatusCode != HttpStatusCode.OK) return false;
                    var view = await response.Content.ReadFromJsonAsync<JsonElement>();
                    return view.GetProperty("route") is { ValueKind: JsonValueKind.Object } route &&
                           route.GetProperty("override").GetString() == (closed ? "Closed" : "None");
                });
            }
        }
        log($"set up: {Queues.Length} queues, {Agents.Length} agents logged in, in the directory of {nodes.Count} node(s)");
    }

    private async Task<ScenarioOutcome> Outcome()
    {
        var calls = new List<CallFate>();
        foreach (var callId in _calls)
        {
            var call = await Get($"/v1/calls/{callId}");
            var history = call.GetProperty("history").EnumerateArray().ToList();
            var kinds = history.Select(e => e.GetProperty("$event").GetString()!).ToList();
            var outcomes = history.Where(e => Terminal.Contains(e.GetProperty("$event").GetString())).ToList();
            var endedBy = outcomes.LastOrDefault() is { ValueKind: JsonValueKind.Object } last && last.TryGetProperty("by", out var by) ? by.ToString() : null;
            calls.Add(new CallFate(callId, call.GetProperty("status").GetString()!, outcomes.LastOrDefault().ValueKind == JsonValueKind.Object
                    ? outcomes.Last().GetProperty("$event").GetString() : null, outcomes.Count, endedBy,
                Text(call, "agentId"), Text(call, "queueId"), string.Join(" > ", kinds)));
        }
        var agents = new List<AgentFate>();
        foreach (var agentId in Agents)
        {
            var agent = await Get($"/v1/agents/{agentId}");
            var today = agent.GetProperty("today");
            agents.Add(new AgentFate(agentId, agent.GetProperty("status").GetString()!, Text(agent, "pauseReason"),
                today.GetProperty("callsHandled").GetInt32(), today.GetProperty("missedOffers").GetInt32()));
        }
        return new ScenarioOutcome(calls, agents);
    }

    private static string? Text(JsonElement e, string property) =>
        e.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>
    /// Agents' counters are per Copenhagen day: a run that straddles midnight would count differently. Waits out
    /// the last <paramref name="runTakes"/> before midnight (only ever in that window).
    /// </summary>
    public static async Task AvoidMidnight(TimeSpan runTakes, Action<string> log)
    {
        var now = DateTimeOffset.UtcNow;
        var untilMidnight = CopenhagenTime.ToInstant(CopenhagenTime.DayOf(now).AddDays(1), TimeSpan.Zero) - now;
        if (untilMidnight >= runTakes) return;
        log($"Copenhagen midnight in {untilMidnight.TotalSeconds:F0} s: waiting for it, so agents' day counters do not reset mid-run");
        await Task.Delay(untilMidnight + TimeSpan.FromSeconds(1));
    }

    private async Task Offer(string callId, string queueId, int priority = 0)
    {
        using var response = await Send(http => http.PostAsJsonAsync("/v1/calls", new { callId, from = "+4512345678", queueId, priority }));
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"offer {callId}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        _calls.Add(callId);
    }

    private async Task Ready(string agentId)
    {
        await Post($"/v1/agents/{agentId}/ready");
    }

    /// <summary>Waits until the call rings the agent (the adapter's ring-agent) and returns the offer's token.</summary>
    private async Task<string> RingsAgent(string callId, string agentId)
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

    private async Task Answer(string callId, string agentId)
    {
        var token = await RingsAgent(callId, agentId);
        await Event(callId, new { type = "Answered", agentId, token });
        await CallIs(callId, "Connected");
        await AgentIs(agentId, "OnCall");
    }

    private Task Event(string callId, object body) => Post($"/v1/calls/{callId}/events", body);

    private Task CallIs(string callId, string status) =>
        Until($"{callId} is {status}", async () => Text(await Get($"/v1/calls/{callId}"), "status") == status);

    private Task AgentIs(string agentId, string status, TimeSpan? within = null) =>
        Until($"{agentId} is {status}", async () => Text(await Get($"/v1/agents/{agentId}"), "status") == status, within);

    private Task WaitingAre(string queueId, params string[] callIds) =>
        Until($"{queueId} has [{string.Join(", ", callIds)}] waiting, in this order", async () =>
        {
            var queue = await Get($"/v1/queues/{queueId}");
            return queue.GetProperty("waiting").EnumerateArray().Select(w => w.GetProperty("callId").GetString()).SequenceEqual(callIds);
        });

    private async Task Until(string what, Func<Task<bool>> condition, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? Within);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"not within {(within ?? Within).TotalSeconds} s: {what}");
            await Task.Delay(100);
        }
    }

    private async Task<JsonElement> Get(string path) =>
        await api.Get(path, Within) ?? throw new InvalidOperationException($"GET {path}: no node answered 200");

    private async Task Put(string path, object body)
    {
        using var response = await Send(http => http.PutAsJsonAsync(path, body));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"PUT {path}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private async Task Post(string path, object? body = null)
    {
        using var response = await Send(http => body is null ? http.PostAsync(path, null) : http.PostAsJsonAsync(path, body));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST {path}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private async Task<HttpResponseMessage> Send(Func<HttpClient, Task<HttpResponseMessage>> request) =>
        await api.Send(request, Within) ?? throw new InvalidOperationException("no node answered");
}
