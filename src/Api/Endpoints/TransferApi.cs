using Akka.Hosting;
using ContactCenter.Actors.Agents;
using ContactCenter.Actors.Calls;
using ContactCenter.Actors.Departments;
using ContactCenter.Actors.Routing;
using ContactCenter.Actors.Transfers;
using ContactCenter.Api.Endpoints;
using ContactCenter.Api.Idempotency;
using ContactCenter.Api.Problems;
using ContactCenter.Api.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Api;

/// <summary>A cold or warm transfer of the agent's connected call to a queue, an agent or an external number.</summary>
public sealed record TransferRequest(string CallId, TransferTargetKind TargetType, string Target, TransferMode Mode = TransferMode.Cold, int? TimeoutSeconds = null);

/// <summary>Names the call a warm-transfer step applies to.</summary>
public sealed record CallReference(string CallId);

/// <summary>A message or callback request an agent leaves for a department.</summary>
public sealed record LeaveMessageRequest(
    string DepartmentId, string Text, DepartmentMessageKind Kind = DepartmentMessageKind.Message, string? CallId = null, string? CitizenNumber = null);

public sealed record LeaveMessageResponse(string MessageId, string DepartmentId, string Detail);

/// <summary>Agent desktop endpoints for transfers and department messages (same keys and rules as the desktop).</summary>
public static class TransferApi
{
    public static IEndpointRouteBuilder MapTransferApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/v1/agents/{agentId}").WithTags("Agent desktop: transfers")
            .RequireAuthorization(ApiPolicies.AgentDesktop)
            .AddEndpointFilter(ApiPolicies.OwnAgentOnly)
            .AddEndpointFilter(IdempotencyFilter.Invoke);

        me.MapPost("/transfer", Transfer);
        me.MapPost("/transfer/complete", (string agentId, CallReference body, IRequiredActor<CallRegion> calls) =>
            CoreAsk.Send(calls, new TransferCommands.CompleteTransfer(body.CallId, agentId)));
        me.MapPost("/transfer/cancel", (string agentId, CallReference body, IRequiredActor<CallRegion> calls) =>
            CoreAsk.Send(calls, new TransferCommands.CancelTransfer(body.CallId, agentId)));
        me.MapPost("/transfer/conference", (string agentId, CallReference body, IRequiredActor<CallRegion> calls) =>
            CoreAsk.Send(calls, new TransferCommands.ConferenceTransfer(body.CallId, agentId)));
        me.MapGet("/call", CurrentCall);
        me.MapPost("/department-messages", LeaveMessage);
        return app;
    }

    /// <summary>The adapter's report on an external transfer leg.</summary>
    internal static TransferCommands.ReportLeg LegReport(string callId, CallEventRequest body) => new(callId, body.Type switch
    {
        CallEventType.TransferAnswered => LegOutcome.Answered,
        CallEventType.TransferNoAnswer => LegOutcome.NoAnswer,
        CallEventType.TransferBusy => LegOutcome.Busy,
        _ => LegOutcome.Failed,
    }, body.LegId);

    private static async Task<Results<Ok<CommandAccepted>, ProblemHttpResult>> Transfer(
        string agentId, TransferRequest body, IRequiredActor<CallRegion> calls, IRequiredActor<AgentRegion> agents)
    {
        if (string.IsNullOrWhiteSpace(body.CallId)) return ApiProblems.Invalid("callId: must not be empty");
        if (body.TargetType == TransferTargetKind.Agent && !string.IsNullOrWhiteSpace(body.Target) && body.Target != agentId &&
            !((AgentState)await CoreAsk.Ask(agents, new AgentCommands.GetAgentState(body.Target))).Exists)
        {
            return ApiProblems.NotFound($"agent '{body.Target}'");
        }
        var timeout = body.TimeoutSeconds is { } s ? TimeSpan.FromSeconds(s) : (TimeSpan?)null;
        return await CoreAsk.Send(calls, new TransferCommands.TransferCall(body.CallId, agentId, body.Mode,
            new TransferTarget(body.TargetType, body.Target?.Trim() ?? ""), timeout));
    }

    /// <summary>The call the agent is offered or talking on, with its history (a returned transfer shows as returned).</summary>
    private static async Task<Results<Ok<CallView>, ProblemHttpResult>> CurrentCall(
        string agentId, IRequiredActor<AgentRegion> agents, IRequiredActor<CallRegion> calls)
    {
        var agent = (AgentState)await CoreAsk.Ask(agents, new AgentCommands.GetAgentState(agentId));
        if (!agent.Exists) return ApiProblems.NotFound($"agent '{agentId}'");
        var callId = agent.Call?.CallId ?? agent.Offer?.CallId;
        if (callId is null) return ApiProblems.Create(StatusCodes.Status404NotFound, "not-found", $"agent '{agentId}' has no call ({agent.Status})");
        return await CoreAsk.Ask(calls, new CallCommands.GetCallState(callId)) switch
        {
            CallState s => TypedResults.Ok(CallView.From(s)),
            CommandRejected rejected => ApiProblems.From(rejected),
            _ => throw new InvalidOperationException("unexpected reply"),
        };
    }

    /// <summary>Stores the message in the department's inbox, then notes the referral on the call (not resolved at first contact).</summary>
    private static async Task<Results<Created<LeaveMessageResponse>, ProblemHttpResult>> LeaveMessage(
        string agentId, LeaveMessageRequest body, IRequiredActor<DepartmentInboxRegion> inboxes, IRequiredActor<CallRegion> calls)
    {
        if (string.IsNullOrWhiteSpace(body.DepartmentId)) return ApiProblems.Invalid("departmentId: must not be empty");
        var departmentId = body.DepartmentId.Trim();
        var messageId = Guid.NewGuid().ToString("N");
        if (!string.IsNullOrWhiteSpace(body.CallId) &&
            await CoreAsk.Ask(calls, new CallCommands.GetCallState(body.CallId)) is CommandRejected missing)
        {
            return ApiProblems.From(missing);
        }
        var left = await CoreAsk.Ask(inboxes, new DepartmentCommands.LeaveMessage(
            departmentId, messageId, body.Kind, body.CallId, agentId, body.CitizenNumber?.Trim(), body.Text ?? ""));
        if (left is CommandRejected rejected) return ApiProblems.From(rejected);
        if (!string.IsNullOrWhiteSpace(body.CallId) &&
            await CoreAsk.Ask(calls, new TransferCommands.NoteDepartmentReferral(body.CallId, departmentId, messageId, body.Kind.ToString()))
                is CommandRejected noteRejected)
        {
            return ApiProblems.From(noteRejected);
        }
        return TypedResults.Created($"/v1/departments/{departmentId}/messages/{messageId}",
            new LeaveMessageResponse(messageId, departmentId, ((CommandAccepted)left).Detail));
    }
}
