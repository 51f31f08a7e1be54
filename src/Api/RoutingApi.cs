using System.Collections.Immutable;
using Akka.Actor;
using Akka.Hosting;
using ContactCenter.Actors.Agents;
using ContactCenter.Actors.Calls;
using ContactCenter.Actors.Queues;
using ContactCenter.Actors.Routing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Api;

/// <summary>
/// The first, thin surface over the routing core: configure queues and agents, drive agent state, offer and
/// end calls, read state. Authentication, the adapter command stream and idempotency keys come next.
/// </summary>
public static class RoutingApi
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(10);

    public sealed record OfferCallRequest(
        string? CallId, string From, string Dialled, string QueueId, string? Language, int Priority = 0,
        Dictionary<string, string>? AttachedData = null);

    public sealed record AnswerRequest(string CallId, string Token);

    public sealed record PauseRequest(string Reason, int? DurationSeconds = null);

    public sealed record HangUpRequest(CallParty Party = CallParty.Caller, string? Disposition = null);

    public static IEndpointRouteBuilder MapRoutingApi(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/v1");

        v1.MapPut("/queues/{queueId}", (string queueId, QueueConfig config, IRequiredActor<QueueRegion> queues) =>
            Send(queues, new QueueCommands.ConfigureQueue(queueId, config)));
        v1.MapGet("/queues/{queueId}", async Task<Results<Ok<QueueView>, ProblemHttpResult>> (string queueId, IRequiredActor<QueueRegion> queues) =>
        {
            var view = await queues.ActorRef.Ask<QueueView>(new QueueCommands.GetQueueState(queueId), AskTimeout);
            return view.Config is null
                ? EntityReplies.Problem(new CommandRejected(queueId, RejectionCode.NotFound, $"queue '{queueId}' does not exist"))
                : TypedResults.Ok(view);
        });

        v1.MapPut("/agents/{agentId}", (string agentId, AgentProfile profile, IRequiredActor<AgentRegion> agents) =>
            Send(agents, new AgentCommands.ConfigureAgent(agentId, profile with { Skills = profile.Skills ?? ImmutableDictionary<string, int>.Empty })));
        v1.MapGet("/agents/{agentId}", async Task<Results<Ok<AgentState>, ProblemHttpResult>> (string agentId, IRequiredActor<AgentRegion> agents) =>
        {
            var state = await agents.ActorRef.Ask<AgentState>(new AgentCommands.GetAgentState(agentId), AskTimeout);
            return state.Exists
                ? TypedResults.Ok(state)
                : EntityReplies.Problem(new CommandRejected(agentId, RejectionCode.NotFound, $"agent '{agentId}' does not exist"));
        });
        v1.MapPost("/agents/{agentId}/login", (string agentId, IRequiredActor<AgentRegion> agents) => Send(agents, new AgentCommands.LogIn(agentId)));
        v1.MapPost("/agents/{agentId}/ready", (string agentId, IRequiredActor<AgentRegion> agents) => Send(agents, new AgentCommands.MakeReady(agentId)));
        v1.MapPost("/agents/{agentId}/pause", (string agentId, PauseRequest body, IRequiredActor<AgentRegion> agents) =>
            Send(agents, new AgentCommands.Pause(agentId, body.Reason,
                body.DurationSeconds is { } s ? TimeSpan.FromSeconds(s) : null)));
        v1.MapPost("/agents/{agentId}/logout", (string agentId, bool? force, IRequiredActor<AgentRegion> agents) =>
            Send(agents, new AgentCommands.LogOut(agentId, force ?? false)));
        v1.MapPost("/agents/{agentId}/wrap-up/end", (string agentId, IRequiredActor<AgentRegion> agents) =>
            Send(agents, new AgentCommands.EndWrapUp(agentId)));
        v1.MapPost("/agents/{agentId}/answer", (string agentId, AnswerRequest body, IRequiredActor<AgentRegion> agents) =>
            Send(agents, new AgentCommands.AnswerOffer(agentId, body.CallId, body.Token)));

        v1.MapPost("/calls", (OfferCallRequest body, IRequiredActor<CallRegion> calls) =>
        {
            var callId = string.IsNullOrWhiteSpace(body.CallId) ? Guid.NewGuid().ToString("N") : body.CallId;
            return Send(calls, new CallCommands.OfferCall(callId, body.From, body.Dialled, body.QueueId, body.Language ?? "da",
                body.Priority, body.AttachedData?.ToImmutableDictionary()));
        });
        v1.MapGet("/calls/{callId}", async Task<Results<Ok<CallState>, ProblemHttpResult>> (string callId, IRequiredActor<CallRegion> calls) =>
        {
            var reply = await calls.ActorRef.Ask<object>(new CallCommands.GetCallState(callId), AskTimeout);
            return reply is CallState state ? TypedResults.Ok(state) : EntityReplies.Problem((CommandRejected)reply);
        });
        v1.MapPost("/calls/{callId}/hangup", (string callId, HangUpRequest body, IRequiredActor<CallRegion> calls) =>
            Send(calls, new CallCommands.HangUp(callId, body.Party, body.Disposition)));

        return app;
    }

    private static async Task<Results<Ok<CommandAccepted>, ProblemHttpResult>> Send<TRegion>(IRequiredActor<TRegion> region, object command) =>
        EntityReplies.ToResult(await region.ActorRef.Ask<object>(command, AskTimeout));
}
