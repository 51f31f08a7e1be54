using Akka.Hosting;
using ContactCenter.Actors.Departments;
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

/// <summary>A department message as the department reads it, with its age now.</summary>
public sealed record DepartmentMessageView(DepartmentMessage Message, double AgeSeconds);

public sealed record ClaimMessageRequest(string? By = null);

public sealed record CloseMessageRequest(string Outcome, string? By = null);

/// <summary>Endpoints for departments: their inbox of messages and callback requests from the contact center.</summary>
public static class DepartmentApi
{
    public static IEndpointRouteBuilder MapDepartmentApi(this IEndpointRouteBuilder app)
    {
        var inbox = app.MapGroup("/v1/departments/{departmentId}/messages").WithTags("Departments")
            .RequireAuthorization(ApiPolicies.Department)
            .AddEndpointFilter(ApiPolicies.OwnDepartmentOnly)
            .AddEndpointFilter(IdempotencyFilter.Invoke);

        inbox.MapGet("", List);
        inbox.MapPost("/{messageId}/claim", (string departmentId, string messageId, ClaimMessageRequest? body, HttpContext http,
                IRequiredActor<DepartmentInboxRegion> inboxes) =>
            CoreAsk.Send(inboxes, new DepartmentCommands.ClaimMessage(departmentId, messageId, By(body?.By, http))));
        inbox.MapPost("/{messageId}/close", (string departmentId, string messageId, CloseMessageRequest body, HttpContext http,
                IRequiredActor<DepartmentInboxRegion> inboxes) =>
            CoreAsk.Send(inboxes, new DepartmentCommands.CloseMessage(departmentId, messageId, By(body.By, http), body.Outcome ?? "")));
        return app;
    }

    /// <summary>Who acts: the name given, else the key's name.</summary>
    private static string By(string? given, HttpContext http) =>
        string.IsNullOrWhiteSpace(given) ? http.User.FindFirst(ApiRoles.KeyNameClaim)?.Value ?? "unknown" : given.Trim();

    private static async Task<Ok<IReadOnlyList<DepartmentMessageView>>> List(
        string departmentId, bool? includeClosed, IRequiredActor<DepartmentInboxRegion> inboxes, TimeProvider time)
    {
        var list = (DepartmentMessageList)await CoreAsk.Ask(inboxes, new DepartmentCommands.ListMessages(departmentId, includeClosed ?? false));
        var now = time.GetUtcNow();
        return TypedResults.Ok<IReadOnlyList<DepartmentMessageView>>(list.Messages
            .Select(m => new DepartmentMessageView(m, Math.Round(((m.ClosedAt ?? now) - m.CreatedAt).TotalSeconds, 1))).ToList());
    }
}
