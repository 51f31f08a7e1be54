using System.Text.Json;
using ContactCenter.Actors.Calendar;

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
    private readonly ApiDriver _api = new(api);
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
        await _api.Ready("anna");
        await Offer("c01", General);
        await _api.Answer("c01", "anna");
        await _api.Event("c01", new { type = "CallerHungUp" });
        await _api.CallIs("c01", "Ended");
        await _api.AgentIs("anna", "Ready");

        Step("2: anna answers, the agent hangs up");
        await Offer("c02", General);
        await _api.Answer("c02", "anna");
        await _api.Event("c02", new { type = "AgentHungUp" });
        await _api.CallIs("c02", "Ended");
        await _api.AgentIs("anna", "Ready");

        Step("3: anna pauses; four callers queue, the third with priority");
        await _api.Post("/v1/agents/anna/pause", new { reason = "break" });
        await _api.AgentIs("anna", "Paused");
        await Offer("c03", General);
        await Offer("c04", General);
        await Offer("c05", General, priority: 50);
        await Offer("c06", General);
        await _api.WaitingAre(General, "c05", "c03", "c04", "c06");

        Step("4: the caller of c04 hangs up while queued");
        await _api.Event("c04", new { type = "CallerHungUp" });
        await _api.CallIs("c04", "Abandoned");
        await _api.WaitingAre(General, "c05", "c03", "c06");

        Step("5: anna is ready and gets the priority call first");
        await _api.Ready("anna");
        await _api.Answer("c05", "anna");
        await _api.Event("c05", new { type = "CallerHungUp" });
        await _api.CallIs("c05", "Ended");

        Step("6: anna is offered c03 and does not answer: it goes back to its place, she is paused");
        await _api.RingsAgent("c03", "anna");
        await _api.AgentIs("anna", "Paused", TimeSpan.FromSeconds(30));
        await _api.WaitingAre(General, "c03", "c06");

        Step("7: bob takes c03 and transfers it cold to the library; then he takes c06");
        await _api.Ready("bob");
        await _api.Answer("c03", "bob");
        await _api.Post("/v1/agents/bob/transfer", new { callId = "c03", targetType = "Queue", target = Library });
        await _api.WaitingAre(Library, "c03");
        await _api.Answer("c06", "bob");
        await _api.Event("c06", new { type = "CallerHungUp" });
        await _api.CallIs("c06", "Ended");
        await _api.AgentIs("bob", "Ready");

        Step("8: carl in the library answers c03 and hangs up");
        await _api.Ready("carl");
        await _api.Answer("c03", "carl");
        await _api.Event("c03", new { type = "AgentHungUp" });
        await _api.CallIs("c03", "Ended");

        Step("9: closed queues announce and forward");
        await Offer("c07", Evening);
        await _api.CallIs("c07", "ClosedAnnounced");
        await Offer("c08", Homecare);
        await _api.CallIs("c08", "Forwarded");

        Step("10: nobody serves this queue; the caller gives up");
        await Offer("c09", Nobody);
        await _api.WaitingAre(Nobody, "c09");
        await _api.Event("c09", new { type = "CallerHungUp" });
        await _api.CallIs("c09", "Abandoned");

        Step("11: bob logs out");
        await _api.Post("/v1/agents/bob/logout");
        await _api.AgentIs("bob", "LoggedOut");

        return await Outcome();
    }

    private async Task Offer(string callId, string queueId, int priority = 0)
    {
        await _api.Offer(callId, queueId, priority);
        _calls.Add(callId);
    }

    private void Step(string text) => log("step " + text);

    private async Task SetUp(IReadOnlyList<HostProcess> nodes)
    {
        await _api.Put($"/v1/queues/{General}", new { name = "General", requiredSkill = "general", wrapUp = "00:00:00", offerTimeout = "00:00:03" });
        await _api.Put($"/v1/queues/{Library}", new { name = "Library", requiredSkill = "library", wrapUp = "00:00:00", offerTimeout = "00:00:10" });
        await _api.Put($"/v1/queues/{Evening}", new { name = "Evening", requiredSkill = "evening", whenClosed = new { action = "Announce" } });
        await _api.Put($"/v1/queues/{Homecare}", new { name = "Home care", requiredSkill = "homecare", whenClosed = new { action = "Forward", target = "+4533173317" } });
        await _api.Put($"/v1/queues/{Nobody}", new { name = "Nobody", requiredSkill = "nobody" });
        await _api.Post($"/v1/queues/{Evening}/close");
        await _api.Post($"/v1/queues/{Homecare}/close");
        foreach (var (agent, skills) in new[]
                 {
                     ("anna", new Dictionary<string, int> { ["general"] = 9 }),
                     ("bob", new Dictionary<string, int> { ["general"] = 5 }),
                     ("carl", new Dictionary<string, int> { ["library"] = 6 }),
                 })
        {
            await _api.Put($"/v1/agents/{agent}/profile", new { name = agent, team = "KBS-1", department = "KBS", kind = "CitizenService", skills });
            await _api.Post($"/v1/agents/{agent}/login");
            await _api.AgentIs(agent, "Paused");
        }
        // Offers are routed by each node's replica of the queue directory: wait until every node has every queue,
        // with the closed ones closed, before the first call.
        foreach (var node in nodes)
        {
            foreach (var queue in Queues) await ApiDriver.Routes(node, queue, closed: queue is Evening or Homecare);
        }
        log($"set up: {Queues.Length} queues, {Agents.Length} agents logged in, in the directory of {nodes.Count} node(s)");
    }

    private async Task<ScenarioOutcome> Outcome()
    {
        var calls = new List<CallFate>();
        foreach (var callId in _calls)
        {
            var call = await _api.Get($"/v1/calls/{callId}");
            var history = call.GetProperty("history").EnumerateArray().ToList();
            var kinds = history.Select(e => e.GetProperty("$event").GetString()!).ToList();
            var outcomes = history.Where(e => Terminal.Contains(e.GetProperty("$event").GetString())).ToList();
            var endedBy = outcomes.LastOrDefault() is { ValueKind: JsonValueKind.Object } last && last.TryGetProperty("by", out var by) ? by.ToString() : null;
            calls.Add(new CallFate(callId, call.GetProperty("status").GetString()!, outcomes.LastOrDefault().ValueKind == JsonValueKind.Object
                    ? outcomes.Last().GetProperty("$event").GetString() : null, outcomes.Count, endedBy,
                ApiDriver.Text(call, "agentId"), ApiDriver.Text(call, "queueId"), string.Join(" > ", kinds)));
        }
        var agents = new List<AgentFate>();
        foreach (var agentId in Agents)
        {
            var agent = await _api.Get($"/v1/agents/{agentId}");
            var today = agent.GetProperty("today");
            agents.Add(new AgentFate(agentId, agent.GetProperty("status").GetString()!, ApiDriver.Text(agent, "pauseReason"),
                today.GetProperty("callsHandled").GetInt32(), today.GetProperty("missedOffers").GetInt32()));
        }
        return new ScenarioOutcome(calls, agents);
    }

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
}
