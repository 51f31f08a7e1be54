using System.Collections.Immutable;
using Akka.Hosting;
using ContactCenter.Actors.Agents;
using ContactCenter.Actors.Calls;
using ContactCenter.Actors.Routing;
using ContactCenter.Api.Idempotency;
using ContactCenter.Api.Problems;
using ContactCenter.Api.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Api;

/// <summary>A new call from the telephony adapter.</summary>
/// <summary>
/// A new call from the telephony adapter: for a queue, or (no queueId) for the entry number it dialled, with the
/// menu keys the adapter already collected, in order (null: nothing pressed before the timeout).
/// </summary>
public sealed record OfferCallRequest(
    string From,
    string? QueueId = null,
    string? CallId = null,
    string? Dialled = null,
    string? Language = null,
    int Priority = 0,
    Dictionary<string, string>? AttachedData = null,
    List<string?>? Choices = null);

/// <summary>The call's id and where it is: its queue (null while in a menu or when it left the center) and the outcome.</summary>
public sealed record OfferCallResponse(string CallId, string? QueueId, string Detail);

/// <summary>What the adapter saw happen to a call.</summary>
public enum CallEventType
{
    /// <summary>The agent's phone is ringing (informational; the offer deadline already runs).</summary>
    Ringing,
    /// <summary>The agent picked up; carries the offer's agent id and token.</summary>
    Answered,
    CallerHungUp,
    AgentHungUp,
    /// <summary>The media path failed on a connected call; it ends as ended by the system.</summary>
    MediaFailure,
    /// <summary>The caller keyed <c>digits</c> in the menu the call is in (one option key, or a whole extension).</summary>
    MenuInput,
    /// <summary>The caller pressed nothing before the menu's timeout.</summary>
    MenuTimeout,
    /// <summary>The external target of a transfer leg answered (optional legId).</summary>
    TransferAnswered,
    TransferNoAnswer,
    TransferBusy,
    TransferFailed,
}

public sealed record CallEventRequest(
    CallEventType Type, string? AgentId = null, string? Token = null, string? Disposition = null, string? Digits = null, string? LegId = null);

/// <summary>A call as the adapter and supervisors read it: state and full event history.</summary>
public sealed record CallView(
    string CallId, CallStatus Status, string? QueueId, string? AgentId, string? Token, CallEvents.CallOffered? Details,
    IReadOnlyList<CallEvents.ICallEvent> History, CallbackTicket? Callback = null, TransferLeg? Transfer = null, bool Returned = false)
{
    public static CallView From(CallState s) =>
        new(s.CallId, s.Status, s.Details?.QueueId, s.AgentId, s.Token, s.Details, s.History, s.Callback, s.Leg, s.Returned);
}

/// <summary>Endpoints for telephony adapters (role adapter).</summary>
public static class AdapterApi
{
    public static IEndpointRouteBuilder MapAdapterApi(this IEndpointRouteBuilder app)
    {
        var calls = app.MapGroup("/v1/calls").WithTags("Adapter");

        calls.MapPost("", OfferCall).RequireAuthorization(ApiPolicies.Adapter).AddEndpointFilter(IdempotencyFilter.Invoke);
        calls.MapPost("/{callId}/events", ReportEvent).RequireAuthorization(ApiPolicies.Adapter).AddEndpointFilter(IdempotencyFilter.Invoke);
        calls.MapGet("/{callId}", GetCall)
            .RequireAuthorization(p => p.RequireRole(ApiRoles.Adapter, ApiRoles.Supervisor, ApiRoles.Admin));
        return app;
    }

    internal static async Task<Results<Created<OfferCallResponse>, ProblemHttpResult>> OfferCall(
        OfferCallRequest body, IRequiredActor<CallRegion> calls)
    {
        var callId = string.IsNullOrWhiteSpace(body.CallId) ? Guid.NewGuid().ToString("N") : body.CallId.Trim();
        if (callId.Length > 128) return ApiProblems.Invalid("callId: at most 128 characters");
        var reply = await Endpoints.CoreAsk.Ask(calls, new CallCommands.OfferCall(callId, body.From, body.Dialled ?? "", body.QueueId ?? "",
            body.Language ?? (string.IsNullOrWhiteSpace(body.QueueId) ? "" : "da"), body.Priority, body.AttachedData?.ToImmutableDictionary(),
            body.Choices?.ToImmutableList()));
        return reply switch
        {
            CommandAccepted accepted => TypedResults.Created($"/v1/calls/{callId}", new OfferCallResponse(callId,
                string.IsNullOrWhiteSpace(body.QueueId) ? QueueOf(accepted.Detail) : body.QueueId, accepted.Detail)),
            CommandRejected rejected => ApiProblems.From(rejected),
            _ => throw new InvalidOperationException("unexpected reply"),
        };
    }

    internal static async Task<Results<Ok<CommandAccepted>, ProblemHttpResult>> ReportEvent(
        string callId, CallEventRequest body, IRequiredActor<CallRegion> calls, IRequiredActor<AgentRegion> agents)
    {
        switch (body.Type)
        {
            case CallEventType.Ringing:
                return TypedResults.Ok(new CommandAccepted(callId, "ringing noted"));
            case CallEventType.Answered:
                if (string.IsNullOrWhiteSpace(body.AgentId) || string.IsNullOrWhiteSpace(body.Token))
                    return ApiProblems.Invalid("agentId, token: an answered event names the agent and the offer token");
                return await Endpoints.CoreAsk.Send(agents, new AgentCommands.AnswerOffer(body.AgentId, callId, body.Token));
            case CallEventType.CallerHungUp:
                return await Endpoints.CoreAsk.Send(calls, new CallCommands.HangUp(callId, CallParty.Caller, body.Disposition));
            case CallEventType.AgentHungUp:
                return await Endpoints.CoreAsk.Send(calls, new CallCommands.HangUp(callId, CallParty.Agent, body.Disposition));
            case CallEventType.MediaFailure:
                return await Endpoints.CoreAsk.Send(calls, new CallCommands.HangUp(callId, CallParty.System, body.Disposition ?? "media-failure"));
            case CallEventType.MenuInput:
                if (string.IsNullOrEmpty(body.Digits)) return ApiProblems.Invalid("digits: a MenuInput event carries the keys pressed (MenuTimeout when none)");
                return await Endpoints.CoreAsk.Send(calls, new CallCommands.MenuInput(callId, body.Digits));
            case CallEventType.MenuTimeout:
                return await Endpoints.CoreAsk.Send(calls, new CallCommands.MenuInput(callId, null));
            case CallEventType.TransferAnswered or CallEventType.TransferNoAnswer or CallEventType.TransferBusy or CallEventType.TransferFailed:
                return await Endpoints.CoreAsk.Send(calls, TransferApi.LegReport(callId, body));
            default:
                return ApiProblems.Invalid($"type: '{body.Type}' is not a call event type");
        }
    }

    /// <summary>The queue named in "Queued in queue 'x'", for calls whose queue the menus chose.</summary>
    private static string? QueueOf(string detail)
    {
        const string prefix = "Queued in queue '";
        return detail.StartsWith(prefix, StringComparison.Ordinal) ? detail[prefix.Length..^1] : null;
    }

    private static async Task<Results<Ok<CallView>, ProblemHttpResult>> GetCall(string callId, IRequiredActor<CallRegion> calls) =>
        await Endpoints.CoreAsk.Ask(calls, new CallCommands.GetCallState(callId)) switch
        {
            CallState s => TypedResults.Ok(CallView.From(s)),
            CommandRejected rejected => ApiProblems.From(rejected),
            _ => throw new InvalidOperationException("unexpected reply"),
        };
}
