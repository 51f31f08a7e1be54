using System.Security.Claims;
using System.Text.Json;
using Akka.Actor;
using Akka.Hosting;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using ContactCenter.Actors.Adapters;
using ContactCenter.Actors.Routing;
using ContactCenter.Api.Endpoints;
using ContactCenter.Api.Problems;
using ContactCenter.Api.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ContactCenter.Api;

public sealed record AcknowledgeRequest(long UpTo);

/// <summary>One materializer for the node's HTTP streams; a stream ends when its request does.</summary>
public sealed class StreamMaterializer(ActorSystem system)
{
    public IMaterializer Materializer { get; } = ActorMaterializer.Create(system, namePrefix: "http-streams");
}

public sealed record CursorView(string AdapterId, long? Acknowledged);

/// <summary>
/// The adapter's command stream: Server-Sent Events read from the journal (events tagged "call") with
/// Akka.Streams, so every command has a durable, ordered id; a pulse from the node that persisted the event
/// wakes the reader at once (<see cref="CommandTail"/>). A subscriber resumes after Last-Event-ID; without
/// it, after what its adapter acknowledged, so unacknowledged commands are delivered again. Each adapter (API
/// key) has its own cursor; every subscriber gets every command.
/// </summary>
public static class CommandStreamApi
{
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static IEndpointRouteBuilder MapCommandStreamApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/adapter/commands").WithTags("Adapter").RequireAuthorization(ApiPolicies.Adapter);
        group.MapGet("", Stream).Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
        group.MapPost("/ack", Acknowledge);
        group.MapGet("/cursor", async (ClaimsPrincipal user, IRequiredActor<AdapterCursorRegion> cursors) =>
        {
            var cursor = (AdapterCursorMessages.Cursor)await CoreAsk.Ask(cursors, new AdapterCursorMessages.GetCursor(AdapterIdOf(user)));
            return TypedResults.Ok(new CursorView(cursor.AdapterId, cursor.Acknowledged));
        });
        return app;
    }

    private static string AdapterIdOf(ClaimsPrincipal user) => user.FindFirstValue(ApiRoles.KeyNameClaim) ?? "adapter";

    private static async Task<Results<Ok<CursorView>, ProblemHttpResult>> Acknowledge(
        AcknowledgeRequest body, ClaimsPrincipal user, IRequiredActor<AdapterCursorRegion> cursors)
    {
        if (body.UpTo < 0) return ApiProblems.Invalid("upTo: must be a command id (0 or more)");
        var cursor = (AdapterCursorMessages.Cursor)await CoreAsk.Ask(cursors, new AdapterCursorMessages.Acknowledge(AdapterIdOf(user), body.UpTo));
        return TypedResults.Ok(new CursorView(cursor.AdapterId, cursor.Acknowledged));
    }

    private static async Task Stream(
        HttpContext http, ActorSystem system, StreamMaterializer streams, JournalPulse pulse, ContactCenter.Actors.Hosting.JournalHead head,
        IRequiredActor<AdapterCursorRegion> cursors,
        IOptions<JsonOptions> json, IHostApplicationLifetime lifetime, string? from)
    {
        // A stopping node ends its streams at once, so the HTTP server can drain and the adapter resumes on
        // another node with Last-Event-ID.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        var ct = stopping.Token;
        var readJournal = PersistenceQuery.Get(system).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier);
        var materializer = streams.Materializer;
        var tail = new CommandTail(readJournal, materializer, pulse, head);

        var start = await StartOffset(http, cursors, tail, from);
        if (start is null)
        {
            await ApiProblems.Invalid("Last-Event-ID / from: must be a command id, 'earliest' or 'latest'").ExecuteAsync(http);
            return;
        }

        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        await http.Response.WriteAsync($": resuming after {start}\n\n", ct);
        await http.Response.Body.FlushAsync(ct);

        var commands = Source.From(() => tail.After(start.Value, ct))
            .Select(c => (object)c)
            .Merge(Source.Tick(Heartbeat, Heartbeat, (object)"heartbeat").MapMaterializedValue(_ => Akka.NotUsed.Instance));
        var options = json.Value.SerializerOptions;
        try
        {
            await foreach (var item in commands.RunAsAsyncEnumerable(materializer).WithCancellation(ct))
            {
                var frame = item is AdapterCommand c
                    ? $"id: {c.Id}\nevent: {c.Kind}\ndata: {JsonSerializer.Serialize(c, options)}\n\n"
                    : ": heartbeat\n\n";
                await http.Response.WriteAsync(frame, ct);
                await http.Response.Body.FlushAsync(ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The adapter disconnected or the node is stopping; it resumes with Last-Event-ID or from its acknowledged cursor.
        }
    }

    /// <summary>Last-Event-ID, else ?from=, else the adapter's acknowledged cursor, else the journal's end.</summary>
    private static async Task<long?> StartOffset(
        HttpContext http, IRequiredActor<AdapterCursorRegion> cursors, CommandTail tail, string? from)
    {
        var lastEventId = http.Request.Headers["Last-Event-ID"].ToString();
        if (!string.IsNullOrEmpty(lastEventId)) return long.TryParse(lastEventId, out var id) && id >= 0 ? id : null;
        switch (from)
        {
            case "earliest":
                return 0;
            case "latest":
                return await tail.End();
            case { } explicitId:
                return long.TryParse(explicitId, out var offset) && offset >= 0 ? offset : null;
        }
        var adapterId = AdapterIdOf(http.User);
        var cursor = (AdapterCursorMessages.Cursor)await CoreAsk.Ask(cursors, new AdapterCursorMessages.GetCursor(adapterId));
        if (cursor.Acknowledged is { } acknowledged) return acknowledged;
        // A new adapter starts live: history is not replayed to it.
        var end = await tail.End();
        var started = (AdapterCursorMessages.Cursor)await CoreAsk.Ask(cursors, new AdapterCursorMessages.StartAt(adapterId, end));
        return started.Acknowledged ?? end;
    }
}
