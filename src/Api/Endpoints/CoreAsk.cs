using Akka.Actor;
using Akka.Hosting;
using ContactCenter.Actors.Routing;
using ContactCenter.Api.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContactCenter.Api.Endpoints;

/// <summary>Sends a command to a shard region and turns the typed reply into an HTTP result.</summary>
internal static class CoreAsk
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static async Task<Results<Ok<CommandAccepted>, ProblemHttpResult>> Send<TRegion>(IRequiredActor<TRegion> region, object command) =>
        await region.ActorRef.Ask<object>(command, Timeout) switch
        {
            CommandAccepted accepted => TypedResults.Ok(accepted),
            CommandRejected rejected => ApiProblems.From(rejected),
            var other => throw new InvalidOperationException($"unexpected reply {other.GetType().Name}"),
        };

    public static Task<object> Ask<TRegion>(IRequiredActor<TRegion> region, object query) => region.ActorRef.Ask<object>(query, Timeout);
}
