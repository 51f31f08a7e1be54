using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Akka.Actor;
using Akka.Hosting;
using ContactCenter.Actors.Idempotency;
using ContactCenter.Actors.Routing;
using ContactCenter.Api.Problems;
using ContactCenter.Api.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContactCenter.Api.Idempotency;

/// <summary>
/// Honours the Idempotency-Key header on POST and PUT: the first response is stored (durably, cluster-wide)
/// and a retry with the same key and body gets it again without touching the core. The same key with another
/// body is 422; a retry while the first is still running is 409. Keys are scoped to the calling API key.
/// </summary>
public static class IdempotencyFilter
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    private static readonly TimeSpan ClaimTimeout = TimeSpan.FromSeconds(30);

    public static async ValueTask<object?> Invoke(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.Request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(key) || !(HttpMethods.IsPost(http.Request.Method) || HttpMethods.IsPut(http.Request.Method)))
            return await next(context);
        if (key.Length > 255 || key.Any(char.IsControl))
            return ApiProblems.Invalid($"{Header}: must be 1-255 printable characters");

        var services = http.RequestServices;
        var records = services.GetRequiredService<IRequiredActor<IdempotencyRegion>>().ActorRef;
        var settings = services.GetRequiredService<ApiSettings>();
        var json = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

        var scope = $"{http.User.FindFirstValue(ApiRoles.KeyNameClaim)}\n{http.Request.Method}\n{http.Request.Path}\n{key}";
        var recordId = Hex(Encoding.UTF8.GetBytes(scope));
        var requestHash = Hex(JsonSerializer.SerializeToUtf8Bytes(
            context.Arguments.Where(IsRequestData).ToArray(), json));

        var claim = await records.Ask<object>(
            new IdempotencyCommands.Claim(recordId, requestHash, settings.IdempotencyRetention, ClaimTimeout), TimeSpan.FromSeconds(10));
        switch (claim)
        {
            case IdempotencyReplies.Replay replay:
                http.Response.Headers[ReplayedHeader] = "true";
                if (replay.Response.Location is { } location) http.Response.Headers.Location = location;
                return Results.Content(replay.Response.Body, replay.Response.ContentType, Encoding.UTF8, replay.Response.Status);
            case IdempotencyReplies.KeyReused:
                return ApiProblems.Create(StatusCodes.Status422UnprocessableEntity, "idempotency-key-reused",
                    $"{Header} '{key}' was already used for a different request");
            case IdempotencyReplies.InProgress:
                return ApiProblems.Create(StatusCodes.Status409Conflict, "idempotency-key-in-progress",
                    $"a request with {Header} '{key}' is still being processed; retry shortly");
        }

        object? result;
        try
        {
            result = await next(context);
        }
        catch
        {
            records.Tell(new IdempotencyCommands.Release(recordId, requestHash));
            throw;
        }
        var (inner, status, value) = Endpoints.ResultParts.Of(result);
        if (status >= 500)
        {
            records.Tell(new IdempotencyCommands.Release(recordId, requestHash));
            return result;
        }
        var contentType = inner is Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult ? "application/problem+json" : "application/json";
        var createdAt = (inner as Microsoft.AspNetCore.Http.HttpResults.Created<OfferCallResponse>)?.Location;
        var body = value is null ? "" : JsonSerializer.Serialize(value, value.GetType(), json);
        await records.Ask<object>(new IdempotencyCommands.Complete(recordId, requestHash, new StoredResponse(status, contentType, body, createdAt)),
            TimeSpan.FromSeconds(10));
        return result;
    }

    /// <summary>Route values and bodies, not injected services or the HttpContext.</summary>
    private static bool IsRequestData(object? argument) =>
        argument is null or string or ValueType || argument.GetType().Namespace?.StartsWith("ContactCenter.Api", StringComparison.Ordinal) == true;

    private static string Hex(byte[] data) => Convert.ToHexString(SHA256.HashData(data)).ToLowerInvariant();
}
