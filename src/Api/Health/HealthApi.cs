using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;
using ContactCenter.Api.Endpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ContactCenter.Api.Health;

/// <summary>One shard region type as readiness sees it.</summary>
public sealed record RegionReadiness(string TypeName, string Mode, bool Registered);

/// <summary>Why a node is (not) ready: its cluster status and whether each region is known to its coordinator.</summary>
public sealed record ReadinessView(bool Ready, string Member, bool Stopping, IReadOnlyList<RegionReadiness> Regions);

public sealed record LivenessView(bool Live, string ActorSystem);

/// <summary>
/// Probes for orchestrators and load balancers, unauthenticated and outside the request limit (a node at its
/// limit is still alive). <c>/healthz/live</c>: the process and its actor system run. <c>/healthz/ready</c>: the
/// node is Up in the cluster, not stopping, and every shard region (or proxy) is registered with its coordinator,
/// so a request it takes can reach the entities.
/// </summary>
public static class HealthApi
{
    public const string LivePath = "/healthz/live";
    public const string ReadyPath = "/healthz/ready";

    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(2);

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/healthz").WithTags("Health").AllowAnonymous().DisableRateLimiting().ExcludeFromDescription();
        group.MapGet("/live", Live);
        group.MapGet("/ready", Ready);
        return app;
    }

    private static Results<Ok<LivenessView>, JsonHttpResult<LivenessView>> Live(ActorSystem system) =>
        system.WhenTerminated.IsCompleted
            ? TypedResults.Json(new LivenessView(false, "terminated"), statusCode: StatusCodes.Status503ServiceUnavailable)
            : TypedResults.Ok(new LivenessView(true, "running"));

    private static async Task<Results<Ok<ReadinessView>, JsonHttpResult<ReadinessView>>> Ready(
        ActorSystem system, IHostApplicationLifetime lifetime, CancellationToken ct)
    {
        var view = await Readiness(system, lifetime.ApplicationStopping.IsCancellationRequested, ct);
        return view.Ready
            ? TypedResults.Ok(view)
            : TypedResults.Json(view, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    public static async Task<ReadinessView> Readiness(ActorSystem system, bool hostStopping, CancellationToken ct = default)
    {
        var cluster = Cluster.Get(system);
        var member = cluster.SelfMember.Status;
        var stopping = hostStopping || system.WhenTerminated.IsCompleted || CoordinatedShutdown.Get(system).ShutdownReason is not null;
        if (stopping || member != MemberStatus.Up) return new ReadinessView(false, member.ToString(), stopping, []);

        var sharding = ClusterSharding.Get(system);
        var hosted = sharding.ShardTypeNames;
        var regions = await Task.WhenAll(hosted.Union(AdminApi.RegionTypes).Order(StringComparer.Ordinal)
            .Select(type => Registered(sharding, type, hosted.Contains(type), cluster.SelfAddress, ct)));
        var known = regions.OfType<RegionReadiness>().ToList();
        return new ReadinessView(known.Count > 0 && known.All(r => r.Registered), member.ToString(), false, known);
    }

    /// <summary>
    /// A region is registered once its coordinator lists this node among the regions; a proxy once the
    /// coordinator answers with any region at all (there is somewhere to send to).
    /// </summary>
    private static async Task<RegionReadiness?> Registered(ClusterSharding sharding, string type, bool hosted, Address self, CancellationToken ct)
    {
        IActorRef region;
        try
        {
            region = hosted ? sharding.ShardRegion(type) : sharding.ShardRegionProxy(type);
        }
        catch (ArgumentException)
        {
            return null; // a type this node does not start at all
        }
        try
        {
            var current = await region.Ask<CurrentRegions>(GetCurrentRegions.Instance, AskTimeout, ct);
            var registered = hosted ? current.Regions.Contains(self) : current.Regions.Count > 0;
            return new RegionReadiness(type, hosted ? "region" : "proxy", registered);
        }
        catch (Exception e) when (e is AskTimeoutException or TaskCanceledException)
        {
            return new RegionReadiness(type, hosted ? "region" : "proxy", false);
        }
    }
}
