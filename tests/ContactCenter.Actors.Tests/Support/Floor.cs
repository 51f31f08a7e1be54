using System.Collections.Immutable;
using ContactCenter.Actors.Agents;
using ContactCenter.Actors.Calls;
using ContactCenter.Actors.Queues;
using ContactCenter.Actors.Routing;
using Xunit;

namespace ContactCenter.Actors.Tests.Support;

/// <summary>Supervisor, desktop and adapter actions against a node, in the words of the domain.</summary>
public static class Floor
{
    public static async Task CreateQueue(this TestNode node, string queueId, string skill, QueueConfig? config = null)
    {
        config ??= new QueueConfig(queueId, skill, WrapUp: TimeSpan.Zero);
        var reply = await node.Ask<object>(node.Queues, new QueueCommands.ConfigureQueue(queueId, config));
        Assert.IsType<CommandAccepted>(reply);
    }

    /// <summary>Waits until the node's directory lists the queue, so agents and calls can find it.</summary>
    public static Task QueueIsRoutable(this TestNode node, string queueId) =>
        Eventually.Holds(() => Assert.Contains(queueId, node.Directory.Routes.Keys));

    public static async Task CreateAgent(this TestNode node, string agentId, params (string Skill, int Level)[] skills)
    {
        var profile = new AgentProfile(agentId, "team", "KBS", AgentKind.CitizenService,
            skills.ToImmutableDictionary(s => s.Skill, s => s.Level), AutoPauseOnMissedOffer: false);
        Assert.IsType<CommandAccepted>(await node.Ask<object>(node.Agents, new AgentCommands.ConfigureAgent(agentId, profile)));
        Assert.IsType<CommandAccepted>(await node.Ask<object>(node.Agents, new AgentCommands.LogIn(agentId)));
    }

    public static async Task Ready(this TestNode node, string agentId) =>
        Assert.IsType<CommandAccepted>(await node.Ask<object>(node.Agents, new AgentCommands.MakeReady(agentId)));

    public static async Task OfferCall(this TestNode node, string callId, string queueId, int priority = 0)
    {
        var reply = await node.Ask<object>(node.Calls, new CallCommands.OfferCall(callId, "+4512345678", "33663366", queueId, Priority: priority));
        Assert.IsType<CommandAccepted>(reply);
    }

    public static Task<AgentState> Agent(this TestNode node, string agentId) =>
        node.Ask<AgentState>(node.Agents, new AgentCommands.GetAgentState(agentId));

    public static Task<CallState> Call(this TestNode node, string callId) =>
        node.Ask<CallState>(node.Calls, new CallCommands.GetCallState(callId));

    public static Task<QueueView> Queue(this TestNode node, string queueId) =>
        node.Ask<QueueView>(node.Queues, new QueueCommands.GetQueueState(queueId));

    /// <summary>Waits for the call to ring an agent and returns who and with which token.</summary>
    public static async Task<CallState> Ringing(this TestNode node, string callId)
    {
        CallState? state = null;
        await Eventually.Holds(async () =>
        {
            state = await node.Call(callId);
            Assert.Equal(CallStatus.Ringing, state.Status);
        });
        return state!;
    }

    /// <summary>The adapter reports the agent picked up.</summary>
    public static async Task<object> Answer(this TestNode node, CallState ringing) =>
        await node.Ask<object>(node.Agents, new AgentCommands.AnswerOffer(ringing.AgentId!, ringing.CallId, ringing.Token!));

    public static async Task HangUp(this TestNode node, string callId, CallParty party = CallParty.Caller) =>
        Assert.IsType<CommandAccepted>(await node.Ask<object>(node.Calls, new CallCommands.HangUp(callId, party)));
}
