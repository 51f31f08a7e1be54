using ContactCenter.Actors.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContactCenter.Api;

/// <summary>Maps the core's typed replies to HTTP: accepted → 200, rejections → RFC 9457 problem details.</summary>
public static class EntityReplies
{
    public const string ProblemTypeBase = "https://contactcenter.example/problems/";

    public static Results<Ok<CommandAccepted>, ProblemHttpResult> ToResult(object reply) => reply switch
    {
        CommandAccepted accepted => TypedResults.Ok(accepted),
        CommandRejected rejected => Problem(rejected),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "unexpected reply"),
    };

    public static ProblemHttpResult Problem(CommandRejected rejected)
    {
        var (status, slug) = rejected.Code switch
        {
            RejectionCode.NotFound => (StatusCodes.Status404NotFound, "not-found"),
            RejectionCode.Invalid => (StatusCodes.Status400BadRequest, "invalid"),
            RejectionCode.StaleToken => (StatusCodes.Status409Conflict, "stale-token"),
            _ => (StatusCodes.Status409Conflict, "illegal-transition"),
        };
        return TypedResults.Problem(detail: rejected.Reason, statusCode: status, title: slug.Replace('-', ' '),
            type: ProblemTypeBase + slug);
    }
}
