using System.Collections.Immutable;
using Akka.Hosting;
using ContactCenter.Actors.Agents;
using ContactCenter.Actors.Queues;
using ContactCenter.Actors.Routing;
using ContactCenter.Actors.Statistics;
using ContactCenter.Api.Endpoints;
using ContactCenter.Api.Idempotency;
using ContactCenter.Api.Problems;
using ContactCenter.Api.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Api;

public sealed record SkillsRequest(Dictionary<string, int> Skills);

public sealed record WaitingCallView(string CallId, int Priority, DateTimeOffset OriginalArrival, DateTimeOffset EnqueuedAt, double WaitingSeconds);

/// <summary>
/// A queue's live state: its settings, its line with each caller's wait, its idle agents, and the agents that
/// serve it by state (from the statistics projection; null when the projection did not answer).
/// </summary>
public sealed record QueueLiveView(
    string QueueId, QueueConfig Config, IReadOnlyList<WaitingCallView> Waiting, double LongestWaitSeconds,
    IReadOnlyList<IdleAgent> IdleAgents, int OpenProposals, QueueOverride Override, AgentsByState? Agents = null)
{
    /// <summary>The queue's state with each caller's wait measured at <paramref name="now"/>.</summary>
    public static QueueLiveView From(QueueView view, DateTimeOffset now, AgentsByState? agents = null)
    {
        var waiting = view.Waiting
            .Select(w => new WaitingCallView(w.CallId, w.Rank.Priority, w.Rank.OriginalArrival, w.EnqueuedAt,
                Math.Round((now - w.Rank.OriginalArrival).TotalSeconds, 1)))
            .ToList();
        return new QueueLiveView(view.QueueId, view.Config!, waiting, waiting.Count == 0 ? 0 : waiting.Max(w => w.WaitingSeconds),
            view.IdleAgents, view.OpenProposals, view.Override, agents);
    }
}

/// <summary>Endpoints for supervisors: configure queues and agents, change skills live, read live state.</summary>
public static class SupervisorApi
{
    public static IEndpointRouteBuilder MapSupervisorApi(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/v1").WithTags("Supervisor")
            .RequireAuthorization(ApiPolicies.Supervisor)
            .AddEndpointFilter(IdempotencyFilter.Invoke);

        v1.MapPut("/queues/{queueId}", (string queueId, QueueConfig config, IRequiredActor<QueueRegion> queues) =>
            CoreAsk.Send(queues, new QueueCommands.ConfigureQueue(queueId, config)));
        v1.MapGet("/queues/{queueId}", GetQueue);
        v1.MapPost("/queues/{queueId}/close", (string queueId, IRequiredActor<QueueRegion> queues) =>
            CoreAsk.Send(queues, new QueueCommands.SetOverride(queueId, QueueOverride.Closed)));
        v1.MapPost("/queues/{queueId}/drain", (string queueId, IRequiredActor<QueueRegion> queues) =>
            CoreAsk.Send(queues, new QueueCommands.SetOverride(queueId, QueueOverride.Draining)));
        v1.MapPost("/queues/{queueId}/open", (string queueId, IRequiredActor<QueueRegion> queues) =>
            CoreAsk.Send(queues, new QueueCommands.SetOverride(queueId, QueueOverride.None)));
        v1.MapDelete("/queues/{queueId}", (string queueId, IRequiredActor<QueueRegion> queues) =>
            CoreAsk.Send(queues, new QueueCommands.RemoveQueue(queueId)));
        v1.MapDelete("/agents/{agentId}", (string agentId, IRequiredActor<AgentRegion> agents) =>
            CoreAsk.Send(agents, new AgentCommands.RemoveAgent(agentId)));
        v1.MapPut("/agents/{agentId}/profile", (string agentId, AgentProfile profile, IRequiredActor<AgentRegion> agents) =>
            CoreAsk.Send(agents, new AgentCommands.ConfigureAgent(agentId, profile)));
        v1.MapPut("/agents/{agentId}/skills", (string agentId, SkillsRequest body, IRequiredActor<AgentRegion> agents) =>
            CoreAsk.Send(agents, new AgentCommands.SetSkills(agentId, body.Skills.ToImmutableDictionary())));
        return app;
    }

    private static async Task<Results<Ok<QueueLiveView>, ProblemHttpResult>> GetQueue(
        string queueId, IRequiredActor<QueueRegion> queues, IRequiredActor<ContactCenter.Actors.Statistics.StatisticsProjectionKey> projection,
        TimeProvider time)
    {
        var view = (QueueView)await CoreAsk.Ask(queues, new QueueCommands.GetQueueState(queueId));
        if (view.Config is null) return ApiProblems.NotFound($"queue '{queueId}'");
        var now = time.GetUtcNow();
        AgentsByState? agents = null;
        try
        {
            var today = ContactCenter.Actors.Calendar.CopenhagenTime.DayOf(now);
            agents = StatisticsReports.AgentsOf(await StatisticsApi.Read(projection, today, today, TimeSpan.FromSeconds(2)), queueId);
        }
        catch (Akka.Actor.AskTimeoutException)
        {
            // The line is still worth showing without the agents.
        }
        return TypedResults.Ok(QueueLiveView.From(view, now, agents));
    }
}
