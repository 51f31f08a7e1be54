using System.Text.Json;
using Akka.Actor;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Api.Problems;

/// <summary>
/// Turns every exception into problem details: malformed or oversized input says what was wrong, a core
/// that did not answer in time is 503, anything else a bare 500 with a trace id. Never a stack trace.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, slug, detail) = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                (StatusCodes.Status413PayloadTooLarge, "body-too-large", "the request body is larger than this node accepts"),
            BadHttpRequestException bad => (bad.StatusCode, "malformed-request", Describe(bad)),
            AskTimeoutException => (StatusCodes.Status503ServiceUnavailable, "core-timeout",
                "the routing core did not answer in time; the request may be retried with the same Idempotency-Key"),
            _ => (StatusCodes.Status500InternalServerError, "internal-error", "the node could not complete the request"),
        };
        if (status >= 500) log.LogError(exception, "request {Method} {Path} failed", context.Request.Method, context.Request.Path);

        context.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable) context.Response.Headers.RetryAfter = "2";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Type = ApiProblems.TypeBase + slug, Title = slug.Replace('-', ' '), Detail = detail },
        });
    }

    /// <summary>The binder's message plus the JSON reader's (which names the path and position).</summary>
    private static string Describe(BadHttpRequestException bad) =>
        bad.InnerException is JsonException json ? $"{bad.Message} {json.Message}" : bad.Message;
}
