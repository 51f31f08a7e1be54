using System.Globalization;
using System.Text.Json;
using Akka.Actor;
using Akka.Hosting;
using ContactCenter.Actors.Calendar;
using ContactCenter.Actors.Hosting;
using ContactCenter.Actors.Queues;
using ContactCenter.Actors.Routing;
using ContactCenter.Actors.Statistics;
using ContactCenter.Api.Endpoints;
using ContactCenter.Api.Problems;
using ContactCenter.Api.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace ContactCenter.Api;

/// <summary>
/// Service-level statistics (docs/statistics.md): historical figures per queue, department and agent from the
/// statistics projection, live figures per queue (GET, and Server-Sent Events at most once a second), a rebuild.
/// </summary>
public static class StatisticsApi
{
    public const int MaxDays = 366;
    public static readonly TimeSpan PushInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static IEndpointRouteBuilder MapStatisticsApi(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/v1/statistics").WithTags("Statistics").RequireAuthorization(ApiPolicies.Supervisor);
        v1.MapGet("/queues", (HttpContext http, string? from, string? to, string? interval, string? queueId, string? format,
                IRequiredActor<StatisticsProjectionKey> projection, ContactCenterSettings settings, TimeProvider time) =>
            Report(http, from, to, interval, format, projection, time,
                (s, f, t, length) => StatisticsReports.Queues(s, f, t, length, settings.Statistics.ToReportSettings(), queueId)));
        v1.MapGet("/departments", (HttpContext http, string? from, string? to, string? interval, string? format,
                IRequiredActor<StatisticsProjectionKey> projection, ContactCenterSettings settings, TimeProvider time) =>
            Report(http, from, to, interval, format, projection, time,
                (s, f, t, length) => StatisticsReports.Departments(s, f, t, length, settings.Statistics.ToReportSettings())));
        v1.MapGet("/menus", (HttpContext http, string? from, string? to, string? interval, string? menuId, string? format,
                IRequiredActor<StatisticsProjectionKey> projection, TimeProvider time) =>
            Report(http, from, to, interval, format, projection, time,
                (s, f, t, length) => StatisticsReports.Menus(s, f, t, length, menuId), StatisticsReports.Csv));
        v1.MapGet("/agents", Agents);
        v1.MapGet("/live", async (IRequiredActor<StatisticsProjectionKey> projection, IRequiredActor<QueueRegion> queues,
            ContactCenterSettings settings, TimeProvider time) => TypedResults.Ok(await Live(projection, queues, settings, time, null)));
        v1.MapGet("/live/{queueId}", LiveQueue);
        v1.MapGet("/live/stream", LiveStream).Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
        app.MapPost("/v1/statistics/rebuild", async (IRequiredActor<StatisticsProjectionKey> projection) =>
                TypedResults.Ok((CommandAccepted)await projection.ActorRef.Ask<object>(new StatisticsMessages.RebuildStatistics(), Timeout)))
            .WithTags("Statistics").RequireAuthorization(ApiPolicies.Admin).AddEndpointFilter(Idempotency.IdempotencyFilter.Invoke);
        return app;
    }

    /// <summary>The figures the projection holds for the given Copenhagen days.</summary>
    public static async Task<CenterStatistics> Read(
        IRequiredActor<StatisticsProjectionKey> projection, DateOnly from, DateOnly to, TimeSpan? timeout = null) =>
        await projection.ActorRef.Ask<CenterStatistics>(new StatisticsMessages.GetStatistics(from, to), timeout ?? Timeout);

    private static Task<IResult> Report(
        HttpContext http, string? from, string? to, string? interval, string? format, IRequiredActor<StatisticsProjectionKey> projection,
        TimeProvider time, Func<CenterStatistics, DateOnly, DateOnly, IntervalLength, IReadOnlyList<QueueFigures>> rows) =>
        Report(http, from, to, interval, format, projection, time, rows, StatisticsReports.Csv);

    private static async Task<IResult> Report<TRow>(
        HttpContext http, string? from, string? to, string? interval, string? format, IRequiredActor<StatisticsProjectionKey> projection,
        TimeProvider time, Func<CenterStatistics, DateOnly, DateOnly, IntervalLength, IReadOnlyList<TRow>> rows, Func<IEnumerable<TRow>, string> toCsv)
    {
        if (Parse(from, to, interval, time) is not { } range) return Problem(from, to, interval, time);
        var csv = format switch
        {
            null or "json" => http.Request.Headers.Accept.ToString().Contains("text/csv", StringComparison.OrdinalIgnoreCase),
            "csv" => true,
            _ => (bool?)null,
        };
        if (csv is null) return ApiProblems.Invalid($"format: '{format}' is not json or csv");
        var result = rows(await Read(projection, range.From, range.To), range.From, range.To, range.Length);
        return csv.Value ? TypedResults.Text(toCsv(result), "text/csv; charset=utf-8") : TypedResults.Ok(result);
    }

    private static async Task<IResult> Agents(
        string? from, string? to, string? interval, string? agentId, IRequiredActor<StatisticsProjectionKey> projection, TimeProvider time)
    {
        if (Parse(from, to, interval, time) is not { } range) return Problem(from, to, interval, time);
        var stats = await Read(projection, range.From, range.To);
        return TypedResults.Ok(StatisticsReports.Agents(stats, range.From, range.To, range.Length, time.GetUtcNow(), agentId));
    }

    private static async Task<Results<Ok<LiveQueueFigures>, ProblemHttpResult>> LiveQueue(
        string queueId, IRequiredActor<StatisticsProjectionKey> projection, IRequiredActor<QueueRegion> queues,
        ContactCenterSettings settings, TimeProvider time)
    {
        var live = await Live(projection, queues, settings, time, queueId);
        return live.Count == 0 ? ApiProblems.NotFound($"queue '{queueId}'") : TypedResults.Ok(live[0]);
    }

    /// <summary>Live figures of one queue or of every configured queue: the line from the queue, the rest from the projection.</summary>
    public static async Task<IReadOnlyList<LiveQueueFigures>> Live(
        IRequiredActor<StatisticsProjectionKey> projection, IRequiredActor<QueueRegion> queues, ContactCenterSettings settings,
        TimeProvider time, string? queueId)
    {
        var now = time.GetUtcNow();
        var today = CopenhagenTime.DayOf(now);
        var stats = await Read(projection, today, today);
        var ids = queueId is not null ? [queueId] : stats.Queues.Keys.Order(StringComparer.Ordinal).ToList();
        var views = await Task.WhenAll(ids.Select(id => queues.ActorRef.Ask<QueueView>(new QueueCommands.GetQueueState(id), Timeout)));
        return views.Where(v => v.Config is not null).Select(v =>
        {
            var line = QueueLiveView.From(v, now);
            return StatisticsReports.Live(stats, v.QueueId, line.Waiting.Count, line.LongestWaitSeconds, now, settings.Statistics.ToReportSettings());
        }).ToList();
    }

    /// <summary>Server-Sent Events: the live figures of every queue (or one) once a second, sent only when they changed.</summary>
    private static async Task LiveStream(
        HttpContext http, string? queueId, IRequiredActor<StatisticsProjectionKey> projection, IRequiredActor<QueueRegion> queues,
        ContactCenterSettings settings, TimeProvider time, IOptions<JsonOptions> json)
    {
        var ct = http.RequestAborted;
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        await http.Response.Body.FlushAsync(ct);
        string? last = null;
        try
        {
            while (true)
            {
                var data = JsonSerializer.Serialize(await Live(projection, queues, settings, time, queueId), json.Value.SerializerOptions);
                var frame = data == last ? ": unchanged\n\n" : $"event: live\ndata: {data}\n\n";
                last = data;
                await http.Response.WriteAsync(frame, ct);
                await http.Response.Body.FlushAsync(ct);
                // A full second after this frame before the next is even computed: never two frames within a second.
                await Task.Delay(PushInterval, time, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The subscriber left.
        }
    }

    private sealed record Range(DateOnly From, DateOnly To, IntervalLength Length);

    /// <summary>from/to as yyyy-MM-dd (Copenhagen days, default today), interval 15, 30 or day (default 30).</summary>
    private static Range? Parse(string? from, string? to, string? interval, TimeProvider time)
    {
        var today = CopenhagenTime.DayOf(time.GetUtcNow());
        if (!TryDay(from, today, out var f) || !TryDay(to, f > today ? f : today, out var t) || t < f || t.DayNumber - f.DayNumber >= MaxDays)
            return null;
        IntervalLength? length = interval switch
        {
            null or "30" => IntervalLength.HalfHour,
            "15" => IntervalLength.Quarter,
            "day" => IntervalLength.Day,
            _ => null,
        };
        return length is null ? null : new Range(f, t, length.Value);
    }

    private static bool TryDay(string? value, DateOnly fallback, out DateOnly day)
    {
        if (value is null)
        {
            day = fallback;
            return true;
        }
        return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }

    /// <summary>Names the field that made <see cref="Parse"/> fail.</summary>
    private static ProblemHttpResult Problem(string? from, string? to, string? interval, TimeProvider time)
    {
        var today = CopenhagenTime.DayOf(time.GetUtcNow());
        if (!TryDay(from, today, out var f)) return ApiProblems.Invalid($"from: '{from}' is not a date (yyyy-MM-dd)");
        if (!TryDay(to, f > today ? f : today, out var t)) return ApiProblems.Invalid($"to: '{to}' is not a date (yyyy-MM-dd)");
        if (t < f) return ApiProblems.Invalid($"to: {t:yyyy-MM-dd} is before from ({f:yyyy-MM-dd})");
        if (t.DayNumber - f.DayNumber >= MaxDays) return ApiProblems.Invalid($"to: the range is longer than {MaxDays} days");
        return ApiProblems.Invalid($"interval: '{interval}' is not 15, 30 or day");
    }
}
