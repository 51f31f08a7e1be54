using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Akka.Hosting;
using Akka.Streams.Dsl;
using ContactCenter.Actors.Agents;
using ContactCenter.Actors.Routing;
using ContactCenter.Api.Endpoints;
using ContactCenter.Api.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ContactCenter.Api;

/// <summary>One line of a bulk batch: a new call ("Offered") or an event for an existing call.</summary>
public sealed record BulkLine(
    string CallId,
    string Type,
    string? From = null,
    string? QueueId = null,
    string? Dialled = null,
    string? Language = null,
    int Priority = 0,
    Dictionary<string, string>? AttachedData = null,
    string? AgentId = null,
    string? Token = null,
    string? Disposition = null);

/// <summary>The outcome of one line: the HTTP status its single request would have had, and why.</summary>
public sealed record BulkLineResult(int Line, string? CallId, int Status, string? Detail);

/// <summary>
/// Bulk ingestion for busy adapters: NDJSON in, NDJSON out, one result per line in input order. Lines are
/// processed with Akka.Streams at bounded parallelism while the body is read (back-pressure: a slow core
/// slows the reading); lines for the same call are applied in their order.
/// </summary>
public static class BulkIngestionApi
{
    public const int Parallelism = 16;
    public const int MaxLineBytes = 64 * 1024;
    public const string Path = "/v1/calls/events/bulk";

    public static IEndpointRouteBuilder MapBulkIngestionApi(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, Ingest).WithTags("Adapter").RequireAuthorization(ApiPolicies.Adapter)
            .WithDescription("Body: NDJSON, one BulkLine per line. Response: NDJSON, one BulkLineResult per line, in input order.")
            .Produces<BulkLineResult>(StatusCodes.Status200OK, "application/x-ndjson");
        return app;
    }

    private static async Task Ingest(
        HttpContext http, StreamMaterializer streams, IOptions<JsonOptions> json,
        IRequiredActor<CallRegion> calls, IRequiredActor<AgentRegion> agents)
    {
        var options = json.Value.SerializerOptions;
        var ct = http.RequestAborted;
        // Per call, the task of its latest line: the next line for that call waits for it.
        var tails = new ConcurrentDictionary<string, Task>(StringComparer.Ordinal);

        var results = Source.From(() => ReadLines(http.Request.Body, ct))
            .ZipWithIndex()
            .SelectAsync(Parallelism, item => Process((int)item.Item2 + 1, item.Item1, options, calls, agents, tails));

        http.Response.ContentType = "application/x-ndjson";
        await foreach (var result in results.RunAsAsyncEnumerable(streams.Materializer).WithCancellation(ct))
        {
            await http.Response.WriteAsync(JsonSerializer.Serialize(result, options) + "\n", ct);
        }
    }

    private static async Task<BulkLineResult> Process(
        int number, string text, JsonSerializerOptions options, IRequiredActor<CallRegion> calls, IRequiredActor<AgentRegion> agents,
        ConcurrentDictionary<string, Task> tails)
    {
        BulkLine? line;
        try
        {
            line = JsonSerializer.Deserialize<BulkLine>(text, options);
        }
        catch (JsonException e)
        {
            return new BulkLineResult(number, null, StatusCodes.Status400BadRequest, e.Message);
        }
        if (line is null || string.IsNullOrWhiteSpace(line.CallId))
            return new BulkLineResult(number, null, StatusCodes.Status400BadRequest, "callId: must not be empty");

        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var previous = tails.AddOrUpdate(line.CallId, done.Task, (_, _) => done.Task);
        try
        {
            if (!ReferenceEquals(previous, done.Task)) await previous;
            var result = await Apply(line, calls, agents);
            var (_, status, value) = ResultParts.Of(result);
            var detail = value switch
            {
                CommandAccepted a => a.Detail,
                OfferCallResponse o => o.Detail,
                Microsoft.AspNetCore.Mvc.ProblemDetails p => p.Detail,
                _ => null,
            };
            return new BulkLineResult(number, line.CallId, status, detail);
        }
        catch (Akka.Actor.AskTimeoutException)
        {
            return new BulkLineResult(number, line.CallId, StatusCodes.Status503ServiceUnavailable, "the routing core did not answer in time");
        }
        finally
        {
            done.TrySetResult();
            tails.TryRemove(new KeyValuePair<string, Task>(line.CallId, done.Task));
        }
    }

    private static async Task<object> Apply(BulkLine line, IRequiredActor<CallRegion> calls, IRequiredActor<AgentRegion> agents)
    {
        if (string.Equals(line.Type, "Offered", StringComparison.OrdinalIgnoreCase))
        {
            if (line.From is null || line.QueueId is null) return Problems.ApiProblems.Invalid("from, queueId: an Offered line names both");
            return await AdapterApi.OfferCall(
                new OfferCallRequest(line.From, line.QueueId, line.CallId, line.Dialled, line.Language, line.Priority, line.AttachedData), calls);
        }
        if (!Enum.TryParse<CallEventType>(line.Type, ignoreCase: true, out var type))
            return Problems.ApiProblems.Invalid($"type: '{line.Type}' is not Offered or a call event type");
        return await AdapterApi.ReportEvent(line.CallId, new CallEventRequest(type, line.AgentId, line.Token, line.Disposition), calls, agents);
    }

    /// <summary>The body's lines, read as they arrive; blank lines are skipped, over-long lines refused.</summary>
    private static async IAsyncEnumerable<string> ReadLines(Stream body, [EnumeratorCancellation] CancellationToken ct)
    {
        using var reader = new StreamReader(body, Encoding.UTF8);
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (line.Length > MaxLineBytes) throw new BadHttpRequestException($"a line is longer than {MaxLineBytes} characters");
            if (!string.IsNullOrWhiteSpace(line)) yield return line;
        }
    }
}
