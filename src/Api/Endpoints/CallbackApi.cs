using Akka.Hosting;
using ContactCenter.Actors.Calls;
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

/// <summary>The caller accepted a callback: at its place in line (no <c>at</c>) or at a time within opening hours.</summary>
public sealed record CallbackRequest(string? Number = null, DateTimeOffset? At = null);

/// <summary>How dialling the citizen went, for the attempt the <c>dial-callback</c> command carried the token of.</summary>
public sealed record CallbackDialReport(string Token, CallbackDialResult Result);

/// <summary>Callback endpoints for telephony adapters (role adapter).</summary>
public static class CallbackApi
{
    public static IEndpointRouteBuilder MapCallbackApi(this IEndpointRouteBuilder app)
    {
        var calls = app.MapGroup("/v1/calls/{callId}/callback").WithTags("Adapter")
            .RequireAuthorization(ApiPolicies.Adapter)
            .AddEndpointFilter(IdempotencyFilter.Invoke);
        calls.MapPost("", RequestCallback);
        calls.MapPost("/dial-result", ReportDial);
        return app;
    }

    private static async Task<Results<Ok<CommandAccepted>, ProblemHttpResult>> RequestCallback(
        string callId, CallbackRequest? body, IRequiredActor<CallRegion> calls)
    {
        body ??= new CallbackRequest();
        if (body.Number is { Length: > 32 }) return ApiProblems.Invalid("number: at most 32 characters");
        return await CoreAsk.Send(calls, new CallbackCommands.RequestCallback(callId, body.Number, body.At));
    }

    private static async Task<Results<Ok<CommandAccepted>, ProblemHttpResult>> ReportDial(
        string callId, CallbackDialReport body, IRequiredActor<CallRegion> calls)
    {
        if (string.IsNullOrWhiteSpace(body.Token)) return ApiProblems.Invalid("token: the dial-callback command's token is required");
        if (!Enum.IsDefined(body.Result)) return ApiProblems.Invalid($"result: '{body.Result}' is not Answered, NoAnswer, Busy or Failed");
        return await CoreAsk.Send(calls, new CallbackCommands.ReportCallbackDial(callId, body.Token, body.Result));
    }
}
