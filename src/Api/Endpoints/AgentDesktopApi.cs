using Akka.Hosting;
using ContactCenter.Actors.Agents;
using ContactCenter.Actors.Routing;
using ContactCenter.Api.Endpoints;
using ContactCenter.Api.Idempotency;
using ContactCenter.Api.Problems;
using ContactCenter.Api.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Api;

public sealed record PauseRequest(string Reason, int? DurationSeconds = null);

public sealed record ExtendWrapUpRequest(int Seconds);

/// <summary>An agent's state as a desktop shows it.</summary>
public sealed record AgentView(
    string AgentId, AgentProfile Profile, AgentStatus Status, DateTimeOffset StatusSince, AgentOffer? Offer, AgentCall? Call,
    DateTimeOffset? WrapUpUntil, string? PauseReason, DateTimeOffset? PauseUntil, AgentDailyStats Today)
{
    public static AgentView From(AgentState s) =>
        new(s.AgentId, s.Profile!, s.Status, s.StatusSince, s.Offer, s.Call, s.WrapUpUntil, s.PauseReason, s.PauseUntil, s.Stats);
}

/// <summary>Endpoints for agent desktops (an agent key for its own agent; supervisors and admins for any).</summary>
public static class AgentDesktopApi
{
    public static IEndpointRouteBuilder MapAgentDesktopApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/v1/agents/{agentId}").WithTags("Agent desktop")
            .RequireAuthorization(ApiPolicies.AgentDesktop)
            .AddEndpointFilter(ApiPolicies.OwnAgentOnly)
            .AddEndpointFilter(IdempotencyFilter.Invoke);

        me.MapGet("", GetAgent);
        me.MapPost("/login", (string agentId, IRequiredActor<AgentRegion> agents) => CoreAsk.Send(agents, new AgentCommands.LogIn(agentId)));
        me.MapPost("/ready", (string agentId, IRequiredActor<AgentRegion> agents) => CoreAsk.Send(agents, new AgentCommands.MakeReady(agentId)));
        me.MapPost("/pause", (string agentId, PauseRequest body, IRequiredActor<AgentRegion> agents) =>
            CoreAsk.Send(agents, new AgentCommands.Pause(agentId, body.Reason,
                body.DurationSeconds is { } s ? TimeSpan.FromSeconds(s) : null)));
        me.MapPost("/logout", (string agentId, bool? force, IRequiredActor<AgentRegion> agents) =>
            CoreAsk.Send(agents, new AgentCommands.LogOut(agentId, force ?? false)));
        me.MapPost("/wrap-up/end", (string agentId, IRequiredActor<AgentRegion> agents) =>
            CoreAsk.Send(agents, new AgentCommands.EndWrapUp(agentId)));
        me.MapPost("/wrap-up/extend", (string agentId, ExtendWrapUpRequest body, IRequiredActor<AgentRegion> agents) =>
            CoreAsk.Send(agents, new AgentCommands.ExtendWrapUp(agentId, TimeSpan.FromSeconds(body.Seconds))));
        return app;
    }

    private static async Task<Results<Ok<AgentView>, ProblemHttpResult>> GetAgent(string agentId, IRequiredActor<AgentRegion> agents)
    {
        var state = (AgentState)await CoreAsk.Ask(agents, new AgentCommands.GetAgentState(agentId));
        return state.Exists ? TypedResults.Ok(AgentView.From(state)) : ApiProblems.NotFound($"agent '{agentId}'");
    }
}
