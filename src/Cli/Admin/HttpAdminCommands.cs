using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace ContactCenter.Cli.Admin;

/// <summary>The admin commands over the node's HTTP admin API (/v1/admin, role admin).</summary>
public sealed class HttpAdminCommands : IAdminCommands, IDisposable
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _http;
    private readonly string? _key;
    private readonly TimeSpan _timeout;
    private readonly bool _ownsClient;

    /// <param name="http">
    /// A client whose BaseAddress is the node. Give it an infinite Timeout: <paramref name="timeout"/> applies per
    /// request, and to a followed log only until the stream opens.
    /// </param>
    public HttpAdminCommands(HttpClient http, string? key, TimeSpan timeout, bool ownsClient = false)
    {
        _http = http;
        _key = key;
        _timeout = timeout;
        _ownsClient = ownsClient;
        Target = http.BaseAddress?.ToString().TrimEnd('/') ?? "(no address)";
    }

    public static HttpAdminCommands Create(Uri url, string? key, TimeSpan timeout) =>
        new(new HttpClient { BaseAddress = url, Timeout = Timeout.InfiniteTimeSpan }, key, timeout, ownsClient: true);

    public string Target { get; }

    public Task<ClusterStatus> GetClusterAsync(CancellationToken ct) => Get<ClusterStatus>("v1/admin/cluster", ct);

    public Task<ClusterActionResult> JoinAsync(string address, CancellationToken ct) =>
        Send<ClusterActionResult>(HttpMethod.Post, "v1/admin/cluster/join", new { address }, ct);

    public Task<ClusterActionResult> LeaveAsync(string address, CancellationToken ct) =>
        Send<ClusterActionResult>(HttpMethod.Post, "v1/admin/cluster/leave", new { address }, ct);

    public Task<ClusterActionResult> DownAsync(string address, CancellationToken ct) =>
        Send<ClusterActionResult>(HttpMethod.Post, "v1/admin/cluster/down", new { address }, ct);

    public Task<ClusterActionResult> DownUnreachableAsync(CancellationToken ct) =>
        Send<ClusterActionResult>(HttpMethod.Post, "v1/admin/cluster/down-unreachable", null, ct);

    public Task<IReadOnlyList<RegionInfo>> GetRegionsAsync(CancellationToken ct) => Get<IReadOnlyList<RegionInfo>>("v1/admin/shards/regions", ct);

    public Task<IReadOnlyList<RegionStats>> GetShardStatsAsync(string? typeName, CancellationToken ct) =>
        Get<IReadOnlyList<RegionStats>>("v1/admin/shards/stats" + (typeName is null ? "" : "?type=" + Uri.EscapeDataString(typeName)), ct);

    public Task<ActorNode> GetActorTreeAsync(string path, int depth, CancellationToken ct) =>
        Get<ActorNode>($"v1/admin/actors?path={Uri.EscapeDataString(path)}&depth={depth}", ct);

    public Task<CallDetails> GetCallAsync(string callId, CancellationToken ct) => Get<CallDetails>($"v1/admin/calls/{Segment(callId)}", ct);

    public Task<AgentDetails> GetAgentAsync(string agentId, CancellationToken ct) => Get<AgentDetails>($"v1/admin/agents/{Segment(agentId)}", ct);

    public Task<QueueDetails> GetQueueAsync(string queueId, CancellationToken ct) => Get<QueueDetails>($"v1/admin/queues/{Segment(queueId)}", ct);

    public Task<CommandOutcome> LogOutAgentAsync(string agentId, bool force, CancellationToken ct) =>
        Send<CommandOutcome>(HttpMethod.Post, $"v1/admin/agents/{Segment(agentId)}/logout?force={(force ? "true" : "false")}", null, ct);

    public Task<CommandOutcome> SteerQueueAsync(string queueId, string verb, CancellationToken ct) =>
        Send<CommandOutcome>(HttpMethod.Post, $"v1/admin/queues/{Segment(queueId)}/{verb}", null, ct);

    public Task<LogLevels> GetLogLevelAsync(CancellationToken ct) => Get<LogLevels>("v1/admin/log/level", ct);

    public Task<LogLevels> SetLogLevelAsync(string level, CancellationToken ct) =>
        Send<LogLevels>(HttpMethod.Put, "v1/admin/log/level", new { level }, ct);

    public async IAsyncEnumerable<LogLine> TailLogAsync(int lines, bool follow, [EnumeratorCancellation] CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"v1/admin/log/tail?lines={lines}&follow={(follow ? "true" : "false")}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        Authorize(request);
        // The timeout covers the response headers only: a followed stream stays open until the operator stops it.
        using var response = await Call(c => _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, c), ct);
        await EnsureSuccess(response, ct);
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        using var reader = new StreamReader(body);
        string? data = null;
        while (true)
        {
            string? line;
            try
            {
                line = await reader.ReadLineAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                yield break;
            }
            catch (IOException e)
            {
                throw new AdminUnreachableException($"the connection to {Target} broke while streaming its log: {e.Message}", e);
            }
            if (line is null) yield break;
            if (line.Length == 0)
            {
                if (data is not null) yield return JsonSerializer.Deserialize<LogLine>(data, Json)!;
                data = null;
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data = line["data:".Length..].TrimStart();
            }
        }
    }

    private Task<T> Get<T>(string path, CancellationToken ct) => Send<T>(HttpMethod.Get, path, null, ct);

    private async Task<T> Send<T>(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = JsonContent.Create(body, options: Json);
        Authorize(request);
        using var response = await Call(c => _http.SendAsync(request, c), ct);
        await EnsureSuccess(response, ct);
        return (await response.Content.ReadFromJsonAsync<T>(Json, ct))!;
    }

    /// <summary>Runs an HTTP call under the timeout, turning transport failures into <see cref="AdminUnreachableException"/>.</summary>
    private async Task<HttpResponseMessage> Call(Func<CancellationToken, Task<HttpResponseMessage>> send, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_timeout);
        try
        {
            return await send(timeout.Token);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new AdminUnreachableException($"the node at {Target} did not answer within {_timeout.TotalSeconds:0.#} s", e);
        }
        catch (HttpRequestException e)
        {
            var why = e.InnerException is SocketException s ? Describe(s) : e.Message;
            throw new AdminUnreachableException($"cannot reach the node at {Target}: {why}", e);
        }
    }

    private static string Describe(SocketException s) => s.SocketErrorCode switch
    {
        SocketError.ConnectionRefused => "connection refused (is a node listening there?)",
        SocketError.HostNotFound or SocketError.NoData => "unknown host",
        SocketError.TimedOut => "connection timed out",
        _ => s.Message,
    };

    private async Task EnsureSuccess(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode) return;
        switch (response.StatusCode)
        {
            case HttpStatusCode.Unauthorized:
                throw new AdminRefusedException($"the node at {Target} refused the API key (401 Unauthorized); check --key, CCCTL_KEY or the context's key");
            case HttpStatusCode.Forbidden:
                throw new AdminRefusedException($"the API key is not allowed to do this (403 Forbidden): ccctl needs a key with the admin role");
        }
        string title = ((int)response.StatusCode).ToString(), detail = response.ReasonPhrase ?? "";
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Json, ct);
            if (problem.ValueKind == JsonValueKind.Object)
            {
                if (problem.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String) title = t.GetString()!;
                if (problem.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String) detail = d.GetString()!;
            }
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            // Not problem details: the status line says enough.
        }
        throw new AdminProblemException((int)response.StatusCode, title, detail);
    }

    private void Authorize(HttpRequestMessage request)
    {
        if (!string.IsNullOrEmpty(_key)) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _key);
    }

    private static string Segment(string id) => Uri.EscapeDataString(id);

    public void Dispose()
    {
        if (_ownsClient) _http.Dispose();
    }
}
