using ContactCenter.Actors.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContactCenter.Api.Problems;

/// <summary>RFC 9457 problem details: a stable type per problem class and a detail that names what was wrong.</summary>
public static class ApiProblems
{
    public const string TypeBase = "https://contactcenter.kk.dk/problems/";

    public static ProblemHttpResult Create(int status, string slug, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: slug.Replace('-', ' '), type: TypeBase + slug);

    public static ProblemHttpResult From(CommandRejected rejected) => rejected.Code switch
    {
        RejectionCode.NotFound => Create(StatusCodes.Status404NotFound, "not-found", rejected.Reason),
        RejectionCode.Invalid => Create(StatusCodes.Status400BadRequest, "invalid-field", rejected.Reason),
        RejectionCode.StaleToken => Create(StatusCodes.Status409Conflict, "stale-token", rejected.Reason),
        _ => Create(StatusCodes.Status409Conflict, "illegal-transition", rejected.Reason),
    };

    public static ProblemHttpResult NotFound(string what) => Create(StatusCodes.Status404NotFound, "not-found", $"{what} does not exist");

    public static ProblemHttpResult Invalid(string detail) => Create(StatusCodes.Status400BadRequest, "invalid-field", detail);
}
