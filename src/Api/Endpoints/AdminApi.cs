using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;
using Akka.Hosting;
using ContactCenter.Actors.Agents;
using ContactCenter.Actors.Calls;
using ContactCenter.Actors.Queues;
using ContactCenter.Actors.Routing;
using ContactCenter.Api.Endpoints;
using ContactCenter.Api.Problems;
using ContactCenter.Api.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Akka.Event;
using AkkaLogLevel = Akka.Event.LogLevel;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace ContactCenter.Api;

/// <summary>A cluster member as an operator reads it.</summary>
public sealed record MemberView(string Address, string Status, IReadOnlyList<string> Roles, bool Reachable, bool Self, bool Leader, bool Oldest);

/// <summary>The cluster as this node sees it: members, who leads, who is oldest, who is unreachable.</summary>
public sealed record ClusterStateView(string Self, string? Leader, string? Oldest, IReadOnlyList<MemberView> Members, IReadOnlyList<string> Unreachable);

public sealed record AddressRequest(string Address);

/// <summary>What a join, leave or down did, and to which addresses.</summary>
public sealed record ClusterActionView(string Action, IReadOnlyList<string> Addresses, string Detail);

/// <summary>A shard region type on this node: region or proxy, the nodes that host it, what it holds here.</summary>
public sealed record RegionView(string TypeName, string Mode, string Path, IReadOnlyList<string> Nodes, int LocalShards, int LocalEntities);

public sealed record NodeShardStats(string Address, int Shards, int Entities, IReadOnlyList<string> FailedShards);

public sealed record ShardTypeStats(string TypeName, IReadOnlyList<NodeShardStats> Nodes);

/// <summary>One actor of the node's tree; children past the depth or the size bound are only counted.</summary>
public sealed record ActorNodeView(string Name, string Path, string? Type, IReadOnlyList<ActorNodeView> Children, int OmittedChildren);

/// <summary>A queue for operators: its settings, its directory entry, its line and its idle agents.</summary>
public sealed record AdminQueueView(
    string QueueId, QueueConfig Config, QueueRoute? Route, IReadOnlyList<WaitingCallView> Waiting, double LongestWaitSeconds,
    IReadOnlyList<IdleAgent> IdleAgents, int OpenProposals);

public sealed record LogLevelRequest(string Level);

/// <summary>The node's default log level (Microsoft.Extensions.Logging) and Akka's.</summary>
public sealed record LogLevelView(string Level, string AkkaLevel);

public sealed record LogLineView(long Seq, DateTimeOffset At, string Level, string Category, string Message, string? Exception);

/// <summary>
/// The admin surface behind <c>ccctl</c>: cluster membership, shards, the actor tree, entity state, forced
/// logout, log level and log tail. Role admin only. The operations live in <see cref="NodeAdmin"/>, which knows
/// nothing of HTTP, so another front end (a Petabridge.Cmd palette) could call the same code.
/// </summary>
public static class AdminApi
{
    public const string Path = "/v1/admin";

    /// <summary>The region type names the node starts (as regions or as proxies).</summary>
    public static readonly string[] RegionTypes = ["call", "agent", "queue", "idempotency", "adapter-cursor", "entry-plan", "transfer-watch", "department-inbox"];

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var log = NodeLog.Attach(app.ServiceProvider);
        var admin = app.MapGroup(Path).WithTags("Admin").RequireAuthorization(ApiPolicies.Admin);

        admin.MapGet("/cluster", (ActorSystem system) => TypedResults.Ok(new NodeAdmin(system).ClusterState()));
        admin.MapPost("/cluster/join", (AddressRequest body, ActorSystem system) => ClusterAction(body, a => new NodeAdmin(system).Join(a)));
        admin.MapPost("/cluster/leave", (AddressRequest body, ActorSystem system) => ClusterAction(body, a => new NodeAdmin(system).Leave(a)));
        admin.MapPost("/cluster/down", (AddressRequest body, ActorSystem system) => ClusterAction(body, a => new NodeAdmin(system).Down(a)));
        admin.MapPost("/cluster/down-unreachable", (ActorSystem system) => TypedResults.Ok(new NodeAdmin(system).DownUnreachable()));

        admin.MapGet("/shards/regions", async (ActorSystem system) => TypedResults.Ok(await new NodeAdmin(system).Regions()));
        admin.MapGet("/shards/stats", ShardStats);
        admin.MapGet("/actors", ActorTree);

        admin.MapGet("/calls/{callId}", GetCall);
        admin.MapGet("/agents/{agentId}", GetAgent);
        admin.MapGet("/queues/{queueId}", GetQueue);
        admin.MapPost("/agents/{agentId}/logout", (string agentId, bool? force, IRequiredActor<AgentRegion> agents) =>
            CoreAsk.Send(agents, new AgentCommands.LogOut(agentId, force ?? false)));
        foreach (var (verb, state) in new[] { ("close", QueueOverride.Closed), ("open", QueueOverride.None), ("drain", QueueOverride.Draining) })
        {
            admin.MapPost($"/queues/{{queueId}}/{verb}", (string queueId, IRequiredActor<QueueRegion> queues) =>
                CoreAsk.Send(queues, new QueueCommands.SetOverride(queueId, state)));
        }

        admin.MapGet("/log/level", (ActorSystem system) => TypedResults.Ok(log.Levels(system)));
        admin.MapPut("/log/level", (LogLevelRequest body, ActorSystem system) => SetLevel(log, body, system));
        admin.MapGet("/log/tail", (HttpContext http, int? lines, bool? follow, IOptions<JsonOptions> json) =>
            Tail(http, log, lines ?? 100, follow ?? false, json.Value.SerializerOptions))
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
        return app;
    }

    private static Results<Ok<ClusterActionView>, ProblemHttpResult> ClusterAction(
        AddressRequest body, Func<Address, Results<Ok<ClusterActionView>, ProblemHttpResult>> act) =>
        NodeAdmin.TryParseAddress(body.Address, out var address)
            ? act(address)
            : ApiProblems.Invalid($"address: '{body.Address}' is not an Akka address (akka.tcp://system@host:port)");

    private static async Task<Results<Ok<IReadOnlyList<ShardTypeStats>>, ProblemHttpResult>> ShardStats(string? type, ActorSystem system)
    {
        if (type is not null && !RegionTypes.Contains(type))
            return ApiProblems.NotFound($"region type '{type}' (known: {string.Join(", ", RegionTypes)})");
        return TypedResults.Ok(await new NodeAdmin(system).Stats(type is null ? RegionTypes : [type]));
    }

    private static Results<Ok<ActorNodeView>, ProblemHttpResult> ActorTree(string? path, int? depth, ActorSystem system)
    {
        var levels = depth ?? 2;
        if (levels is < 0 or > NodeAdmin.MaxDepth) return ApiProblems.Invalid($"depth: {levels} is outside 0-{NodeAdmin.MaxDepth}");
        var tree = new NodeAdmin(system).Hierarchy(path ?? "/user", levels);
        return tree is null ? ApiProblems.NotFound($"an actor at '{path}'") : TypedResults.Ok(tree);
    }

    private static async Task<Results<Ok<CallView>, ProblemHttpResult>> GetCall(string callId, IRequiredActor<CallRegion> calls) =>
        await CoreAsk.Ask(calls, new CallCommands.GetCallState(callId)) switch
        {
            CallState { Status: CallStatus.None } => ApiProblems.NotFound($"call '{callId}'"),
            CallState s => TypedResults.Ok(new CallView(s.CallId, s.Status, s.Details?.QueueId, s.AgentId, s.Token, s.Details, s.History, s.Callback)),
            CommandRejected rejected => ApiProblems.From(rejected),
            _ => throw new InvalidOperationException("unexpected reply"),
        };

    private static async Task<Results<Ok<AgentView>, ProblemHttpResult>> GetAgent(string agentId, IRequiredActor<AgentRegion> agents)
    {
        var state = (AgentState)await CoreAsk.Ask(agents, new AgentCommands.GetAgentState(agentId));
        return state.Exists ? TypedResults.Ok(AgentView.From(state)) : ApiProblems.NotFound($"agent '{agentId}'");
    }

    private static async Task<Results<Ok<AdminQueueView>, ProblemHttpResult>> GetQueue(
        string queueId, IRequiredActor<QueueRegion> queues, QueueDirectory directory, TimeProvider time)
    {
        var view = (QueueView)await CoreAsk.Ask(queues, new QueueCommands.GetQueueState(queueId));
        if (view.Config is null) return ApiProblems.NotFound($"queue '{queueId}'");
        var live = QueueLiveView.From(view, time.GetUtcNow());
        return TypedResults.Ok(new AdminQueueView(queueId, view.Config, directory.Routes.GetValueOrDefault(queueId), live.Waiting,
            live.LongestWaitSeconds, view.IdleAgents, view.OpenProposals));
    }

    private static Results<Ok<LogLevelView>, ProblemHttpResult> SetLevel(NodeLog log, LogLevelRequest body, ActorSystem system)
    {
        if (!NodeLog.TryParseLevel(body.Level, out var level))
            return ApiProblems.Invalid($"level: '{body.Level}' is not one of trace, debug, information, warning, error, critical");
        log.SetLevel(level, system);
        return TypedResults.Ok(log.Levels(system));
    }

    /// <summary>Server-Sent Events: the last lines, then (when following) every new one until the client leaves.</summary>
    private static async Task Tail(HttpContext http, NodeLog log, int lines, bool follow, JsonSerializerOptions json)
    {
        if (lines is < 0 or > NodeLog.Capacity)
        {
            await ApiProblems.Invalid($"lines: {lines} is outside 0-{NodeLog.Capacity}").ExecuteAsync(http);
            return;
        }
        var ct = http.RequestAborted;
        var (recent, live) = log.Subscribe(lines, follow);
        try
        {
            http.Response.ContentType = "text/event-stream";
            http.Response.Headers.CacheControl = "no-cache";
            http.Response.Headers["X-Accel-Buffering"] = "no";
            foreach (var line in recent) await http.Response.WriteAsync(Frame(line, json), ct);
            await http.Response.WriteAsync(": end of recent lines\n\n", ct);
            await http.Response.Body.FlushAsync(ct);
            if (live is null) return;
            while (!ct.IsCancellationRequested)
            {
                using var heartbeat = CancellationTokenSource.CreateLinkedTokenSource(ct);
                heartbeat.CancelAfter(CommandStreamApi.Heartbeat);
                try
                {
                    var line = await live.ReadAsync(heartbeat.Token);
                    await http.Response.WriteAsync(Frame(line, json), ct);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    await http.Response.WriteAsync(": heartbeat\n\n", ct);
                }
                await http.Response.Body.FlushAsync(ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The operator stopped following.
        }
        finally
        {
            if (live is not null) log.Unsubscribe(live);
        }
    }

    private static string Frame(LogLineView line, JsonSerializerOptions json) =>
        $"id: {line.Seq}\nevent: log\ndata: {JsonSerializer.Serialize(line, json)}\n\n";
}

/// <summary>
/// The node's admin operations, free of HTTP: the seam that another front end (a Petabridge.Cmd command palette,
/// where that package is available) would call. Reads the cluster and the actor tree; never blocks.
/// </summary>
public sealed class NodeAdmin(ActorSystem system)
{
    public const int MaxDepth = 10;
    public const int MaxActors = 1000;
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(10);

    public static bool TryParseAddress(string? text, out Address address)
    {
        address = Address.AllSystems;
        if (string.IsNullOrWhiteSpace(text)) return false;
        try
        {
            address = Address.Parse(text.Trim());
            return address.HasGlobalScope;
        }
        catch (Exception e) when (e is UriFormatException or ArgumentException or FormatException)
        {
            return false;
        }
    }

    public ClusterStateView ClusterState()
    {
        var cluster = Cluster.Get(system);
        var state = cluster.State;
        var unreachable = state.Unreachable.Select(m => m.Address).ToHashSet();
        Member? oldest = null;
        foreach (var m in state.Members.Where(m => m.Status is MemberStatus.Up or MemberStatus.Leaving))
            if (oldest is null || m.IsOlderThan(oldest)) oldest = m;
        var members = state.Members
            .Select(m => new MemberView(m.Address.ToString(), m.Status.ToString(), m.Roles.OrderBy(r => r, StringComparer.Ordinal).ToList(),
                !unreachable.Contains(m.Address), m.Address == cluster.SelfAddress, m.Address == state.Leader, m == oldest))
            .ToList();
        return new ClusterStateView(cluster.SelfAddress.ToString(), state.Leader?.ToString(), oldest?.Address.ToString(), members,
            unreachable.Select(a => a.ToString()).ToList());
    }

    public Results<Ok<ClusterActionView>, ProblemHttpResult> Join(Address address)
    {
        var cluster = Cluster.Get(system);
        var members = cluster.State.Members;
        if (members.Any(m => m.Address == address))
            return Done("join", address, $"{cluster.SelfAddress} is already in the cluster of {address}; nothing to do");
        if (members.Any(m => m.Address == cluster.SelfAddress))
            return ApiProblems.Create(StatusCodes.Status409Conflict, "illegal-transition",
                $"{cluster.SelfAddress} is already a member of another cluster; a node joins a new cluster only after it left and restarted");
        cluster.Join(address);
        return Done("join", address, $"{cluster.SelfAddress} is joining {address}");
    }

    public Results<Ok<ClusterActionView>, ProblemHttpResult> Leave(Address address)
    {
        var cluster = Cluster.Get(system);
        if (!cluster.State.Members.Any(m => m.Address == address)) return NotMember(address);
        cluster.Leave(address);
        return Done("leave", address, $"{address} is leaving the cluster; its shards move to the other nodes");
    }

    public Results<Ok<ClusterActionView>, ProblemHttpResult> Down(Address address)
    {
        var cluster = Cluster.Get(system);
        if (!cluster.State.Members.Any(m => m.Address == address)) return NotMember(address);
        cluster.Down(address);
        return Done("down", address, $"{address} is marked down and will be removed from the cluster");
    }

    public ClusterActionView DownUnreachable()
    {
        var cluster = Cluster.Get(system);
        var unreachable = cluster.State.Unreachable.Select(m => m.Address).ToList();
        foreach (var address in unreachable) cluster.Down(address);
        return new ClusterActionView("down-unreachable", unreachable.Select(a => a.ToString()).ToList(),
            unreachable.Count == 0 ? "no member is unreachable; nothing was downed" : $"downed {unreachable.Count} unreachable member(s)");
    }

    public async Task<IReadOnlyList<RegionView>> Regions()
    {
        var sharding = ClusterSharding.Get(system);
        var views = new List<RegionView>();
        foreach (var type in AdminApi.RegionTypes)
        {
            var region = RegionOf(sharding, type);
            if (region is null) continue;
            var hosted = sharding.ShardTypeNames.Contains(type);
            var current = await region.Ask<CurrentRegions>(GetCurrentRegions.Instance, AskTimeout);
            var local = hosted
                ? await region.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, AskTimeout)
                : new CurrentShardRegionState(ImmutableHashSet<ShardState>.Empty, ImmutableHashSet<string>.Empty);
            views.Add(new RegionView(type, hosted ? "region" : "proxy", region.Path.ToStringWithoutAddress(),
                current.Regions.Select(a => a.ToString()).OrderBy(a => a, StringComparer.Ordinal).ToList(),
                local.Shards.Count, local.Shards.Sum(s => s.EntityIds.Count)));
        }
        return views;
    }

    public async Task<IReadOnlyList<ShardTypeStats>> Stats(IEnumerable<string> types)
    {
        var sharding = ClusterSharding.Get(system);
        var result = new List<ShardTypeStats>();
        foreach (var type in types)
        {
            var region = RegionOf(sharding, type);
            if (region is null) continue;
            var stats = await region.Ask<ClusterShardingStats>(new GetClusterShardingStats(TimeSpan.FromSeconds(5)), AskTimeout);
            var nodes = stats.Regions
                .OrderBy(r => r.Key.ToString(), StringComparer.Ordinal)
                .Select(r => new NodeShardStats(r.Key.ToString(), r.Value.Stats.Count, r.Value.Stats.Values.Sum(),
                    (r.Value.Failed ?? ImmutableHashSet<string>.Empty).OrderBy(s => s, StringComparer.Ordinal).ToList()))
                .ToList();
            result.Add(new ShardTypeStats(type, nodes));
        }
        return result;
    }

    /// <summary>
    /// The actor tree under a path, read from the actor cells' child containers (immutable snapshots, so this
    /// is safe off the actors' threads), bounded by depth and by <see cref="MaxActors"/>.
    /// </summary>
    public ActorNodeView? Hierarchy(string path, int depth)
    {
        var root = ((ExtendedActorSystem)system).Provider.RootGuardian;
        var elements = path.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var start = elements.Length == 0 ? root : root.GetChild(elements);
        if (start is null || start.IsNobody()) return null;
        var budget = MaxActors;
        return Visit(start, depth, ref budget);
    }

    private static ActorNodeView Visit(IActorRef actor, int depth, ref int budget)
    {
        budget--;
        var cell = actor as ActorRefWithCell;
        var children = cell?.Children.OrderBy(c => c.Path.Name, StringComparer.Ordinal).ToList() ?? [];
        var shown = new List<ActorNodeView>();
        foreach (var child in children)
        {
            if (depth == 0 || budget <= 0) break;
            shown.Add(Visit(child, depth - 1, ref budget));
        }
        var name = actor.Path.Elements.Count == 0 ? "/" : actor.Path.Name;
        return new ActorNodeView(name, actor.Path.ToStringWithoutAddress(), cell?.Underlying.Props?.Type?.Name, shown, children.Count - shown.Count);
    }

    private IActorRef? RegionOf(ClusterSharding sharding, string type)
    {
        try
        {
            return sharding.ShardTypeNames.Contains(type) ? sharding.ShardRegion(type) : sharding.ShardRegionProxy(type);
        }
        catch (ArgumentException)
        {
            return null; // not started on this node
        }
    }

    private static Ok<ClusterActionView> Done(string action, Address address, string detail) =>
        TypedResults.Ok(new ClusterActionView(action, [address.ToString()], detail));

    private static ProblemHttpResult NotMember(Address address) => ApiProblems.NotFound($"a cluster member at {address}");
}

/// <summary>
/// The node's own log, for <c>ccctl log</c>: a ring of the last lines (API keys redacted) fed by a logger provider
/// attached to the node's logger factory, and a switch for the default level of both .NET logging and Akka.
/// </summary>
internal sealed partial class NodeLog
{
    public const int Capacity = 1000;
    private const string DefaultLevelKey = "Logging:LogLevel:Default";

    private readonly LogLineView[] _ring = new LogLineView[Capacity];
    private readonly List<Channel<LogLineView>> _followers = [];
    private readonly Lock _lock = new();
    private readonly string[] _secrets;
    private readonly LevelOverride? _override;
    private readonly IConfiguration? _configuration;
    private long _next;

    private NodeLog(IEnumerable<string> secrets, IConfiguration? configuration)
    {
        _secrets = secrets.Where(s => !string.IsNullOrEmpty(s)).Distinct().ToArray();
        _configuration = configuration;
        // A configuration source added last overrides the default level; its reload makes the logger factory re-filter.
        if (configuration is IConfigurationBuilder builder)
        {
            _override = new LevelOverride();
            builder.Add(new LevelOverrideSource(_override));
        }
    }

    public static NodeLog Attach(IServiceProvider services)
    {
        var keys = services.GetService<ApiKeyStore>()?.Keys.Select(k => k.Key) ?? [];
        var log = new NodeLog(keys, services.GetService<IConfiguration>());
        services.GetRequiredService<ILoggerFactory>().AddProvider(new RingLoggerProvider(log));
        // Akka logs through its own event stream; listen there once the actor system runs.
        services.GetService<IHostApplicationLifetime>()?.ApplicationStarted.Register(() =>
        {
            if (services.GetService<ActorSystem>() is { } system) log.Listen(system);
        });
        return log;
    }

    private void Listen(ActorSystem system)
    {
        var listener = system.ActorOf(Props.Create(() => new AkkaLogListener(this)), "admin-log-tail");
        system.EventStream.Subscribe(listener, typeof(LogEvent));
    }

    public static bool TryParseLevel(string? text, out LogLevel level)
    {
        level = (text ?? "").Trim().ToLowerInvariant() switch
        {
            "trace" => LogLevel.Trace,
            "debug" => LogLevel.Debug,
            "information" or "info" => LogLevel.Information,
            "warning" or "warn" => LogLevel.Warning,
            "error" => LogLevel.Error,
            "critical" => LogLevel.Critical,
            _ => LogLevel.None,
        };
        return level != LogLevel.None;
    }

    public void SetLevel(LogLevel level, ActorSystem system)
    {
        system.EventStream.SetLogLevel(level switch
        {
            LogLevel.Trace or LogLevel.Debug => AkkaLogLevel.DebugLevel,
            LogLevel.Information => AkkaLogLevel.InfoLevel,
            LogLevel.Warning => AkkaLogLevel.WarningLevel,
            _ => AkkaLogLevel.ErrorLevel,
        });
        _override?.SetDefault(level);
    }

    public LogLevelView Levels(ActorSystem system) =>
        new(_configuration?[DefaultLevelKey] ?? nameof(LogLevel.Information), system.EventStream.LogLevel switch
        {
            AkkaLogLevel.DebugLevel => "Debug",
            AkkaLogLevel.InfoLevel => "Information",
            AkkaLogLevel.WarningLevel => "Warning",
            _ => "Error",
        });

    public void Add(LogLevel level, string category, string message, Exception? exception, DateTimeOffset? at = null)
    {
        lock (_lock)
        {
            var line = new LogLineView(_next, at ?? DateTimeOffset.UtcNow, level.ToString(), category, Redact(message),
                exception is null ? null : Redact($"{exception.GetType().Name}: {exception.Message}"));
            _ring[_next % Capacity] = line;
            _next++;
            foreach (var follower in _followers) follower.Writer.TryWrite(line);
        }
    }

    /// <summary>The last <paramref name="count"/> lines and, when following, a channel of the ones after them.</summary>
    public (IReadOnlyList<LogLineView> Recent, ChannelReader<LogLineView>? Live) Subscribe(int count, bool follow)
    {
        lock (_lock)
        {
            var first = Math.Max(0, Math.Max(_next - Capacity, _next - count));
            var recent = new List<LogLineView>();
            for (var i = first; i < _next; i++) recent.Add(_ring[i % Capacity]);
            if (!follow) return (recent, null);
            var channel = Channel.CreateBounded<LogLineView>(new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest });
            _followers.Add(channel);
            return (recent, channel.Reader);
        }
    }

    public void Unsubscribe(ChannelReader<LogLineView> reader)
    {
        lock (_lock) _followers.RemoveAll(c => c.Reader == reader);
    }

    private string Redact(string text)
    {
        foreach (var secret in _secrets) text = text.Replace(secret, "[redacted]", StringComparison.Ordinal);
        return BearerToken().Replace(text, "$1[redacted]");
    }

    [GeneratedRegex(@"((?:Bearer|X-Api-Key:?)\s+)\S+", RegexOptions.IgnoreCase)]
    private static partial Regex BearerToken();

    private sealed class RingLoggerProvider(NodeLog log) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new RingLogger(log, categoryName);

        public void Dispose()
        {
        }
    }

    private sealed class RingLogger(NodeLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) log.Add(logLevel, category, formatter(state, exception), exception);
        }
    }

    /// <summary>Copies Akka's log events (already filtered by Akka's level) into the ring.</summary>
    private sealed class AkkaLogListener : ReceiveActor
    {
        public AkkaLogListener(NodeLog log) => Receive<LogEvent>(e => log.Add(e.LogLevel() switch
        {
            AkkaLogLevel.DebugLevel => LogLevel.Debug,
            AkkaLogLevel.InfoLevel => LogLevel.Information,
            AkkaLogLevel.WarningLevel => LogLevel.Warning,
            _ => LogLevel.Error,
        }, "Akka " + e.LogSource, e.Message?.ToString() ?? "", e.Cause, new DateTimeOffset(DateTime.SpecifyKind(e.Timestamp, DateTimeKind.Utc))));
    }

    private sealed class LevelOverride : ConfigurationProvider
    {
        public void SetDefault(LogLevel level)
        {
            Set(DefaultLevelKey, level.ToString());
            OnReload();
        }
    }

    private sealed class LevelOverrideSource(LevelOverride provider) : IConfigurationSource
    {
        public IConfigurationProvider Build(IConfigurationBuilder builder) => provider;
    }
}
