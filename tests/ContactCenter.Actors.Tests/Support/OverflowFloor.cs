using System.Collections.Immutable;
using ContactCenter.Actors.Agents;
using ContactCenter.Actors.Calls;
using ContactCenter.Actors.Routing;
using Xunit;

namespace ContactCenter.Actors.Tests.Support;

/// <summary>Floor actions for callbacks, escalation and hypercare.</summary>
public static class OverflowFloor
{
    public static async Task CreateStaff(this TestNode node, string agentId, string department, string team, params (string Skill, int Level)[] skills)
    {
        var profile = new AgentProfile(agentId, team, department, AgentKind.DepartmentStaff,
            skills.ToImmutableDictionary(s => s.Skill, s => s.Level), AutoPauseOnMissedOffer: false);
        Assert.IsType<CommandAccepted>(await node.Ask<object>(node.Agents, new AgentCommands.ConfigureAgent(agentId, profile)));
        Assert.IsType<CommandAccepted>(await node.Ask<object>(node.Agents, new AgentCommands.LogIn(agentId)));
    }

    public static async Task<object> RequestCallback(this TestNode node, string callId, DateTimeOffset? at = null, string? number = null) =>
        await node.Ask<object>(node.Calls, new CallbackCommands.RequestCallback(callId, number, at));

    public static async Task<object> ReportDial(this TestNode node, string callId, string token, CallbackDialResult result) =>
        await node.Ask<object>(node.Calls, new CallbackCommands.ReportCallbackDial(callId, token, result));

    /// <summary>Waits for the callback to be dialled (the agent answered its ring) and returns the call.</summary>
    public static async Task<CallState> Dialling(this TestNode node, string callId)
    {
        CallState? state = null;
        await Eventually.Holds(async () =>
        {
            state = await node.Call(callId);
            Assert.Equal(CallStatus.CallbackDialling, state.Status);
        }, TimeSpan.FromSeconds(30));
        return state!;
    }

    /// <summary>Rings, then the agent picks up: for a callback this starts the dial-out.</summary>
    public static async Task<CallState> AgentTakesCallback(this TestNode node, string callId)
    {
        var ringing = await node.Ringing(callId);
        Assert.IsType<CommandAccepted>(await node.Answer(ringing));
        return await node.Dialling(callId);
    }
}

/// <summary>Reads an entity's persisted events back from the journal.</summary>
public static class JournalReader
{
    public static async Task<IReadOnlyList<T>> EventsOf<T>(this TestNode node, string persistenceId)
    {
        var journal = Akka.Persistence.Query.PersistenceQuery.Get(node.System)
            .ReadJournalFor<Akka.Persistence.Sql.Query.SqlReadJournal>(Akka.Persistence.Sql.Query.SqlReadJournal.Identifier);
        var events = await journal.CurrentEventsByPersistenceId(persistenceId, 0, long.MaxValue)
            .RunAggregate(new List<T>(), (list, e) =>
            {
                if (e.Event is T t) list.Add(t);
                return list;
            }, Akka.Streams.ActorMaterializer.Create(node.System));
        return events;
    }
}
