using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContactCenter.Simulator;

/// <summary>The outcome of one request: its status (0 when no response came) and, on failure, why.</summary>
public readonly record struct Reply(int Status, string? Problem, JsonElement Body)
{
    public bool Is(HttpStatusCode code) => Status == (int)code;
    public override string ToString() => Status == 0 ? $"no response ({Problem})" : $"{Status} {Problem}";
}

/// <summary>
/// The node's HTTP API as the simulator uses it: adapter, agent desktop and supervisor endpoints with one
/// key (an admin key may use them all). Loopback only: a simulator never sends traffic anywhere else.
/// </summary>
public sealed class NodeClient : IDisposable
{
    public static readonly JsonSerializerOptions Json = CreateJson();

    private readonly HttpClient _http;
    private readonly HttpClient _stream;

    public NodeClient(Uri baseAddress, string key)
    {
        if (!IsLoopback(baseAddress))
            throw new ArgumentException($"--url {baseAddress}: the simulator only talks to a node on this machine (127.0.0.0/8, localhost or [::1])");
        BaseAddress = baseAddress;
        _http = Create(baseAddress, key, TimeSpan.FromSeconds(15));
        _stream = Create(baseAddress, key, Timeout.InfiniteTimeSpan);
    }

    public Uri BaseAddress { get; }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }

    private static HttpClient Create(Uri baseAddress, string key, TimeSpan timeout)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 256,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            ConnectTimeout = TimeSpan.FromSeconds(5),
            UseProxy = false,
        };
        var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = timeout };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return http;
    }

    public static bool IsLoopback(Uri url)
    {
        if (url.IsLoopback) return true;
        return IPAddress.TryParse(url.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
    }

    public Task<Reply> Post(string path, object? body, CancellationToken ct) => Send(HttpMethod.Post, path, body, ct);

    public Task<Reply> Put(string path, object body, CancellationToken ct) => Send(HttpMethod.Put, path, body, ct);

    public Task<Reply> Get(string path, CancellationToken ct) => Send(HttpMethod.Get, path, null, ct);

    private async Task<Reply> Send(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        try
        {
            using var response = await _http.SendAsync(request, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            var json = default(JsonElement);
            if (text.Length > 0 && (response.Content.Headers.ContentType?.MediaType?.Contains("json") ?? false))
            {
                try { json = JsonDocument.Parse(text).RootElement.Clone(); }
                catch (JsonException) { }
            }
            if (response.IsSuccessStatusCode) return new Reply((int)response.StatusCode, null, json);
            var detail = json.ValueKind == JsonValueKind.Object && json.TryGetProperty("detail", out var d) ? d.GetString()
                : json.ValueKind == JsonValueKind.Object && json.TryGetProperty("title", out var t) ? t.GetString()
                : response.ReasonPhrase;
            return new Reply((int)response.StatusCode, detail, json);
        }
        catch (HttpRequestException e) when (!ct.IsCancellationRequested)
        {
            return new Reply(0, e.HttpRequestError.ToString(), default);
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return new Reply(0, "timeout", default);
        }
        catch (IOException e) when (!ct.IsCancellationRequested)
        {
            return new Reply(0, e.Message, default);
        }
        catch (SocketException e) when (!ct.IsCancellationRequested)
        {
            return new Reply(0, e.SocketErrorCode.ToString(), default);
        }
    }

    /// <summary>Opens the adapter command stream (Server-Sent Events); the caller reads it.</summary>
    public async Task<HttpResponseMessage> OpenCommandStream(long? lastEventId, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, lastEventId is null ? "/v1/adapter/commands?from=latest" : "/v1/adapter/commands");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is { } id) request.Headers.Add("Last-Event-ID", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var response = await _stream.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        if (!response.IsSuccessStatusCode)
        {
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync(ct);
            response.Dispose();
            throw new InvalidOperationException($"GET /v1/adapter/commands answered {status}: {text}");
        }
        return response;
    }

    public void Dispose()
    {
        _http.Dispose();
        _stream.Dispose();
    }
}
