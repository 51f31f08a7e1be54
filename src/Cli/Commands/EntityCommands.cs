using System.CommandLine;
using System.Text.Json;
using ContactCenter.Cli.Admin;
using ContactCenter.Cli.Rendering;

namespace ContactCenter.Cli.Commands;

/// <summary>ccctl call show, agent show | logout, queue show | close | open | drain.</summary>
public static class EntityCommands
{
    public static Command Call(CliEnvironment env, GlobalOptions options)
    {
        var call = new Command("call", "Calls");
        var id = Id("call");
        var show = new Command("show", "A call's state and its full event history") { id };
        show.SetAction(CommandContext.Action(env, options, async (c, ct) =>
            c.Output.Result(await c.Admin.GetCallAsync(c.Parse.GetValue(id)!, ct), d => ShowCall(c.Output, d))));
        call.Add(show);
        return call;
    }

    public static Command Agent(CliEnvironment env, GlobalOptions options)
    {
        var agent = new Command("agent", "Agents");
        var id = Id("agent");
        var show = new Command("show", "An agent's profile, status, offer or call, and today's counters") { id };
        show.SetAction(CommandContext.Action(env, options, async (c, ct) =>
            c.Output.Result(await c.Admin.GetAgentAsync(c.Parse.GetValue(id)!, ct), d => ShowAgent(c.Output, d))));
        agent.Add(show);

        var logoutId = Id("agent");
        var force = new Option<bool>("--force") { Description = "Log out even while offered a call or on a call (withdraws the offer)" };
        var yes = GlobalOptions.Yes();
        var logout = new Command("logout", "Log an agent out") { logoutId, force, yes };
        logout.SetAction(CommandContext.Action(env, options, async (c, ct) =>
        {
            var agentId = c.Parse.GetValue(logoutId)!;
            var forced = c.Parse.GetValue(force);
            if (!c.Confirm(yes, $"Agent '{agentId}' will be logged out{(forced ? " even if offered a call or on one" : "")}")) return ExitCodes.Failed;
            return c.Output.Result(await c.Admin.LogOutAgentAsync(agentId, forced, ct), o => c.Output.Line($"agent {o.EntityId}: {o.Detail}"));
        }));
        agent.Add(logout);
        return agent;
    }

    public static Command Queue(CliEnvironment env, GlobalOptions options)
    {
        var queue = new Command("queue", "Skill queues");
        var id = Id("queue");
        var show = new Command("show", "A queue's settings, its waiting calls and its idle agents") { id };
        show.SetAction(CommandContext.Action(env, options, async (c, ct) =>
            c.Output.Result(await c.Admin.GetQueueAsync(c.Parse.GetValue(id)!, ct), d => ShowQueue(c.Output, d))));
        queue.Add(show);

        foreach (var (verb, description, destructive) in new[]
                 {
                     ("close", "Close now: new calls and the waiting ones get the queue's closed handling", true),
                     ("open", "Follow the queue's opening hours again", false),
                     ("drain", "Stop taking new calls and let the waiting ones be served", true),
                 })
        {
            var queueId = Id("queue");
            var yes = GlobalOptions.Yes();
            // open asks nothing, but takes --yes too so scripts can pass it to all three.
            var command = new Command(verb, description) { queueId, yes };
            command.SetAction(CommandContext.Action(env, options, async (c, ct) =>
            {
                var q = c.Parse.GetValue(queueId)!;
                if (destructive && !c.Confirm(yes, $"Queue '{q}' will {verb}")) return ExitCodes.Failed;
                return c.Output.Result(await c.Admin.SteerQueueAsync(q, verb, ct), o => c.Output.Line($"queue {o.EntityId}: {o.Detail}"));
            }));
            queue.Add(command);
        }
        return queue;
    }

    private static Argument<string> Id(string what) => new("id") { Description = $"The {what}'s id" };

    private static void ShowCall(Output output, CallDetails call)
    {
        var details = call.Details is { ValueKind: JsonValueKind.Object } d ? d : default;
        output.Write(Output.Properties(
        [
            ("Call", call.CallId),
            ("Status", call.Status),
            ("Queue", call.QueueId),
            ("Agent", call.AgentId),
            ("From", Text(details, "from")),
            ("Dialled", Text(details, "dialled")),
            ("Priority", details.ValueKind == JsonValueKind.Object && details.TryGetProperty("rank", out var rank) ? Text(rank, "priority") : null),
            ("Attached data", Text(details, "attachedData")),
        ]));
        output.Line($"History ({call.History.Count} events)");
        var table = Output.Table("#", "At", "Event", "Details");
        var n = 0;
        foreach (var e in call.History)
        {
            var at = e.TryGetProperty("at", out var a) && a.TryGetDateTimeOffset(out var time) ? Output.Time(time) : "-";
            var kind = e.TryGetProperty("$event", out var k) ? k.GetString() : "?";
            var rest = e.EnumerateObject()
                .Where(p => p.Name is not "$event" and not "at" && p.Value.ValueKind != JsonValueKind.Null)
                .Select(p => $"{p.Name}={Scalar(p.Value)}");
            Output.Row(table, (++n).ToString(), at, kind, string.Join(" ", rest));
        }
        output.Write(table);
    }

    private static void ShowAgent(Output output, AgentDetails agent)
    {
        var skills = agent.Profile.TryGetProperty("skills", out var s) && s.ValueKind == JsonValueKind.Object
            ? string.Join(", ", s.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => $"{p.Name}={p.Value}"))
            : "";
        output.Write(Output.Properties(
        [
            ("Agent", agent.AgentId),
            ("Name", Text(agent.Profile, "name")),
            ("Team", Text(agent.Profile, "team")),
            ("Department", Text(agent.Profile, "department")),
            ("Skills", skills),
            ("Status", agent.Status),
            ("Since", agent.StatusSince == default ? "-" : Output.Time(agent.StatusSince)),
            ("Offer", agent.Offer is { ValueKind: JsonValueKind.Object } o ? $"call {Text(o, "callId")} from {Text(o, "queueId")} until {Text(o, "deadline")}" : null),
            ("Call", agent.Call is { ValueKind: JsonValueKind.Object } c ? $"call {Text(c, "callId")} from {Text(c, "queueId")} since {Text(c, "connectedAt")}" : null),
            ("Wrap-up until", agent.WrapUpUntil is null ? null : Output.Time(agent.WrapUpUntil)),
            ("Pause", agent.PauseReason is null ? null : agent.PauseReason + (agent.PauseUntil is null ? "" : " until " + Output.Time(agent.PauseUntil))),
            ("Calls today", Text(agent.Today, "callsHandled")),
            ("Talk time today", Text(agent.Today, "talkTime")),
            ("Missed offers today", Text(agent.Today, "missedOffers")),
        ]));
    }

    private static void ShowQueue(Output output, QueueDetails queue)
    {
        var config = queue.Config;
        output.Write(Output.Properties(
        [
            ("Queue", queue.QueueId),
            ("Name", Text(config, "name")),
            ("Required skill", Text(config, "requiredSkill")),
            ("Minimum level", Text(config, "minLevel")),
            ("Strategy", Text(config, "strategy")),
            ("Wrap-up", Text(config, "wrapUp") ?? "default"),
            ("Offer timeout", Text(config, "offerTimeout") ?? "default"),
            ("Service level", $"{Text(config, "serviceLevelPercent")}% within {Text(config, "serviceLevelThreshold") ?? "default"}"),
            ("Routed on this node", queue.Route is null ? "no (not in the node's queue directory)" : $"yes (incarnation {queue.Route.Incarnation})"),
            ("Open proposals", queue.OpenProposals.ToString()),
        ]));
        output.Line($"Waiting calls: {queue.Waiting.Count} (longest wait {queue.LongestWaitSeconds:0.#} s)");
        var waiting = Output.Table("Call", "Priority", "Arrived", "Waiting (s)");
        foreach (var w in queue.Waiting) Output.Row(waiting, w.CallId, w.Priority.ToString(), Output.Time(w.OriginalArrival), w.WaitingSeconds.ToString("0.#"));
        output.Write(waiting);
        output.Line($"Idle agents: {queue.IdleAgents.Count}");
        var agents = Output.Table("Agent", "Level", "Idle since", "Calls today", "Talk time today");
        foreach (var a in queue.IdleAgents) Output.Row(agents, a.AgentId, a.Level.ToString(), Output.Time(a.IdleSince), a.CallsToday.ToString(), a.TalkTimeToday);
        output.Write(agents);
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null
            ? Scalar(value)
            : null;

    private static string Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Object or JsonValueKind.Array => value.GetRawText(),
        _ => value.ToString(),
    };
}
