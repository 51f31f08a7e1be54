using System.Collections.Immutable;
using Akka.Hosting;
using ContactCenter.Actors.Calendar;
using ContactCenter.Actors.Departments;
using ContactCenter.Actors.Entries;
using ContactCenter.Actors.Routing;
using ContactCenter.Api.Endpoints;
using ContactCenter.Api.Idempotency;
using ContactCenter.Api.Problems;
using ContactCenter.Api.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using static ContactCenter.Actors.Entries.EntryPlanCommands;

namespace ContactCenter.Api;

public sealed record DirectoryTargetRequest(string Name, string Department, string Function, string Number, BusinessCalendar? Hours = null);

/// <summary>A directory target with whether it is open at the time of the request and when it opens next.</summary>
public sealed record DirectoryTargetView(DirectoryTarget Target, bool OpenNow, DateTimeOffset? NextOpening);

public sealed record EntryNumberRequest(string Name, Destination Destination, string Language = "da");

public sealed record MenuRequest(
    string Name,
    ImmutableDictionary<string, string> Prompts,
    ImmutableDictionary<string, Destination> Options,
    Destination Default,
    int TimeoutSeconds = 6,
    int MaxAttempts = 2,
    ExtensionDialling? Extension = null);

/// <summary>A change to the routing plan; without effectiveFrom it applies at once.</summary>
public sealed record PlanChangeRequest(string Area, Destination Destination, DateTimeOffset? EffectiveFrom = null, string? Note = null);

/// <summary>An area's route at an instant: the plan change in effect (its version) and where calls go.</summary>
public sealed record AreaRouteView(string Area, int Version, Destination Destination, DateTimeOffset Since, string? Note);

/// <summary>The routing plan at an instant: each area's route, the changes still ahead, and every change ever made.</summary>
public sealed record RoutingPlanView(DateTimeOffset At, IReadOnlyList<AreaRouteView> Areas, IReadOnlyList<PlanChange> Upcoming, IReadOnlyList<PlanChange> Changes);

/// <summary>
/// The directory of department targets, entry numbers, voice menus and the routing plan. Everyone with a key
/// reads (adapters play the menus, agents transfer to the directory); supervisors and admins change them.
/// </summary>
public static class EntriesApi
{
    public static IEndpointRouteBuilder MapEntriesApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/v1").WithTags("Entries")
            .RequireAuthorization(p => p.RequireRole(ApiRoles.All));
        var write = app.MapGroup("/v1").WithTags("Entries")
            .RequireAuthorization(ApiPolicies.Supervisor)
            .AddEndpointFilter(IdempotencyFilter.Invoke);

        read.MapGet("/directory", async (IRequiredActor<EntryPlanRegion> plans, TimeProvider time) =>
        {
            var plan = await Plan(plans);
            var now = time.GetUtcNow();
            return TypedResults.Ok(plan.Targets.Values.Select(t => View(plan, t.Id, now)!).ToList());
        });
        read.MapGet("/directory/{targetId}", async Task<Results<Ok<DirectoryTargetView>, ProblemHttpResult>> (
            string targetId, IRequiredActor<EntryPlanRegion> plans, TimeProvider time) =>
            View(await Plan(plans), targetId, time.GetUtcNow()) is { } view
                ? TypedResults.Ok(view)
                : ApiProblems.NotFound($"directory target '{targetId}'"));
        write.MapPut("/directory/{targetId}", (string targetId, DirectoryTargetRequest body, IRequiredActor<EntryPlanRegion> plans) =>
            CoreAsk.Send(plans, new SetTarget(EntryPlan.CenterId,
                new DirectoryTarget(targetId, body.Name, body.Department, body.Function, body.Number, body.Hours))));
        write.MapDelete("/directory/{targetId}", (string targetId, IRequiredActor<EntryPlanRegion> plans) =>
            CoreAsk.Send(plans, new RemoveTarget(EntryPlan.CenterId, targetId)));

        read.MapGet("/entry-numbers", async (IRequiredActor<EntryPlanRegion> plans) =>
            TypedResults.Ok((await Plan(plans)).Numbers.Values.ToList()));
        write.MapPut("/entry-numbers/{number}", async Task<Results<Ok<CommandAccepted>, ProblemHttpResult>> (
            string number, EntryNumberRequest body, IRequiredActor<EntryPlanRegion> plans, QueueDirectory queues) =>
            UnknownQueues(queues, [("destination", body.Destination)]) is { } problem
                ? problem
                : await CoreAsk.Send(plans, new SetNumber(EntryPlan.CenterId, new EntryNumber(number, body.Name, body.Destination, body.Language))));
        write.MapDelete("/entry-numbers/{number}", (string number, IRequiredActor<EntryPlanRegion> plans) =>
            CoreAsk.Send(plans, new RemoveNumber(EntryPlan.CenterId, number)));

        read.MapGet("/menus", async (IRequiredActor<EntryPlanRegion> plans) => TypedResults.Ok((await Plan(plans)).Menus.Values.ToList()));
        read.MapGet("/menus/{menuId}", async Task<Results<Ok<IvrMenu>, ProblemHttpResult>> (string menuId, IRequiredActor<EntryPlanRegion> plans) =>
            (await Plan(plans)).Menus.TryGetValue(menuId, out var menu) ? TypedResults.Ok(menu) : ApiProblems.NotFound($"menu '{menuId}'"));
        write.MapPut("/menus/{menuId}", async Task<Results<Ok<CommandAccepted>, ProblemHttpResult>> (
            string menuId, MenuRequest body, IRequiredActor<EntryPlanRegion> plans, QueueDirectory queues) =>
        {
            var menu = new IvrMenu(menuId, body.Name, body.Prompts, body.Options, body.Default, body.TimeoutSeconds, body.MaxAttempts, body.Extension);
            return UnknownQueues(queues, menu.Destinations().Select(d => (d.Key == "default" ? "default" : "options." + d.Key, d.Destination))) is { } problem
                ? problem
                : await CoreAsk.Send(plans, new SetMenu(EntryPlan.CenterId, menu));
        });
        write.MapDelete("/menus/{menuId}", (string menuId, IRequiredActor<EntryPlanRegion> plans) =>
            CoreAsk.Send(plans, new RemoveMenu(EntryPlan.CenterId, menuId)));

        read.MapGet("/routing-plan", async (DateTimeOffset? at, IRequiredActor<EntryPlanRegion> plans, TimeProvider time) =>
            TypedResults.Ok(PlanView(await Plan(plans), at ?? time.GetUtcNow())));
        write.MapPost("/routing-plan/changes", async Task<Results<Ok<CommandAccepted>, ProblemHttpResult>> (
            PlanChangeRequest body, IRequiredActor<EntryPlanRegion> plans, QueueDirectory queues) =>
            UnknownQueues(queues, [("destination", body.Destination)]) is { } problem
                ? problem
                : await CoreAsk.Send(plans, new ScheduleChange(EntryPlan.CenterId, body.Area, body.EffectiveFrom, body.Destination, body.Note)));
        write.MapPost("/routing-plan/changes/{version:int}/cancel", (int version, IRequiredActor<EntryPlanRegion> plans) =>
            CoreAsk.Send(plans, new CancelChange(EntryPlan.CenterId, version)));
        return app;
    }

    private static async Task<EntryPlan> Plan(IRequiredActor<EntryPlanRegion> plans) =>
        (EntryPlan)await CoreAsk.Ask(plans, new GetEntryPlan(EntryPlan.CenterId));

    private static DirectoryTargetView? View(EntryPlan plan, string targetId, DateTimeOffset now) =>
        plan.Lookup(targetId, now) is { } lookup ? new DirectoryTargetView(plan.Targets[targetId], lookup.OpenNow, lookup.NextOpening) : null;

    public static RoutingPlanView PlanView(EntryPlan plan, DateTimeOffset at) => new(
        at,
        plan.Areas.Select(a => plan.RouteFor(a, at)).OfType<PlanChange>()
            .Select(c => new AreaRouteView(c.Area, c.Version, c.Destination, c.EffectiveFrom, c.Note)).ToList(),
        plan.Upcoming(at).ToList(),
        plan.Changes);

    /// <summary>Queues live in their own entities: a destination naming one this node has never seen is refused here.</summary>
    private static ProblemHttpResult? UnknownQueues(QueueDirectory queues, IEnumerable<(string Path, Destination Destination)> destinations)
    {
        var unknown = destinations
            .Where(d => d.Destination?.Queue is { } q && !queues.Routes.ContainsKey(q))
            .Select(d => $"{d.Path}.queue: queue '{d.Destination.Queue}' does not exist")
            .ToList();
        return unknown.Count > 0 ? ApiProblems.Invalid(string.Join("; ", unknown)) : null;
    }
}
