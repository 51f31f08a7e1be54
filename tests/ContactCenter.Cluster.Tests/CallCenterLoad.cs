using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ContactCenter.Cluster.Tests;

/// <summary>
/// Callers and agents played over the HTTP API of whichever nodes are alive: callers offer calls at a steady
/// rate; each agent's desktop polls its state, answers an offer with its token once the call rings it (as the adapter
/// would on the ring-agent command) and the caller hangs up after a short talk. A request that finds a node dead or a shard not yet recovered is retried on the next node, the
/// way a PBX adapter retries (offering a call id again changes nothing).
/// </summary>
public sealed class CallCenterLoad(Func<IReadOnlyList<HostProcess>> nodes, string queueId, IReadOnlyList<string> agents, Action<string> log)
{
    private static readonly TimeSpan Talk = TimeSpan.FromMilliseconds(800);
    private readonly ConcurrentDictionary<string, DateTime> _offered = new();
    private readonly ConcurrentDictionary<string, DateTime> _answered = new();
    private int _nextNode;
    private int _sequence;

    /// <summary>Calls the core acknowledged (201 at least once).</summary>
    public IReadOnlyCollection<string> Offered => _offered.Keys.ToList();

    public int OfferFailures { get; private set; }

    public DateTime? OfferedAt(string callId) => _offered.TryGetValue(callId, out var at) ? at : null;

    /// <summary>When each call was answered (the agent's answer accepted), by the test's clock.</summary>
    public IReadOnlyDictionary<string, DateTime> Answered => _answered;

    public async Task RunCallers(double perSecond, CancellationToken stop)
    {
        var interval = TimeSpan.FromSeconds(1 / perSecond);
        var pending = new List<Task>();
        while (!stop.IsCancellationRequested)
        {
            var callId = $"call-{Interlocked.Increment(ref _sequence):D5}";
            pending.Add(Offer(callId));
            try { await Task.Delay(interval, stop); } catch (OperationCanceledException) { }
        }
        await Task.WhenAll(pending);
    }

    private async Task Offer(string callId)
    {
        var body = new { callId, from = "+4512345678", dialled = "33663366", queueId };
        using var response = await Send(http => http.PostAsJsonAsync("/v1/calls", body), TimeSpan.FromSeconds(60));
        if (response?.StatusCode == HttpStatusCode.Created) _offered.TryAdd(callId, DateTime.UtcNow);
        else
        {
            OfferFailures++;
            log($"{callId}: not offered ({response?.StatusCode.ToString() ?? "no node answered"})");
        }
    }

    public Task RunAgents(CancellationToken stop) => Task.WhenAll(agents.Select(a => RunAgent(a, stop)));

    private async Task RunAgent(string agentId, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Step(agentId);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or IOException)
            {
                // a node went away mid-request: try again on the next one
            }
            try { await Task.Delay(150, stop); } catch (OperationCanceledException) { }
        }
    }

    private async Task Step(string agentId)
    {
        var state = await Get($"/v1/agents/{agentId}");
        if (state is not { } s) return;
        var status = s.GetProperty("status").GetString();
        var since = s.GetProperty("statusSince").GetDateTimeOffset();
        switch (status)
        {
            case "Offered":
                var offer = s.GetProperty("offer");
                var callId = offer.GetProperty("callId").GetString()!;
                var token = offer.GetProperty("token").GetString();
                // The adapter rings the agent only once the call has taken the offer (its ring-agent command):
                // answer when the call says it rings this agent with this token.
                var ringing = await Get($"/v1/calls/{callId}");
                if (ringing is not { } r || r.GetProperty("status").GetString() != "Ringing" ||
                    r.GetProperty("agentId").GetString() != agentId || r.GetProperty("token").GetString() != token) break;
                using (var answer = await Send(http => http.PostAsJsonAsync($"/v1/calls/{callId}/events",
                           new { type = "Answered", agentId, token }), TimeSpan.FromSeconds(5)))
                {
                    if (answer?.StatusCode == HttpStatusCode.OK) _answered.TryAdd(callId, DateTime.UtcNow);
                }
                break;
            case "OnCall" when DateTimeOffset.UtcNow - since > Talk:
                var call = s.GetProperty("call").GetProperty("callId").GetString()!;
                // The caller talks once the adapter has bridged them (the call is Connected), not before.
                if (await Get($"/v1/calls/{call}") is not { } talking || talking.GetProperty("status").GetString() != "Connected") break;
                (await Send(http => http.PostAsJsonAsync($"/v1/calls/{call}/events", new { type = "CallerHungUp" }), TimeSpan.FromSeconds(5)))?.Dispose();
                break;
            case "Paused":
                (await Send(http => http.PostAsync($"/v1/agents/{agentId}/ready", null), TimeSpan.FromSeconds(5)))?.Dispose();
                break;
            case "WrapUp" when DateTimeOffset.UtcNow - since > TimeSpan.FromSeconds(2):
                (await Send(http => http.PostAsync($"/v1/agents/{agentId}/wrap-up/end", null), TimeSpan.FromSeconds(5)))?.Dispose();
                break;
        }
    }

    /// <summary>GET on any live node; null when none answered 200.</summary>
    public async Task<JsonElement?> Get(string path, TimeSpan? within = null)
    {
        using var response = await Send(http => http.GetAsync(path), within ?? TimeSpan.FromSeconds(5));
        if (response?.StatusCode != HttpStatusCode.OK) return null;
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>
    /// Sends on the live nodes in turn until one gives an answer that is not a failure of the cluster (no
    /// response, 5xx); 4xx answers are the core's and are returned as they are.
    /// </summary>
    public async Task<HttpResponseMessage?> Send(Func<HttpClient, Task<HttpResponseMessage>> request, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < within)
        {
            var live = nodes().Where(n => n.Running).ToList();
            if (live.Count == 0) return null;
            var node = live[(int)((uint)Interlocked.Increment(ref _nextNode) % live.Count)];
            try
            {
                var response = await request(node.Http);
                if ((int)response.StatusCode < 500 && response.StatusCode != HttpStatusCode.TooManyRequests) return response;
                response.Dispose();
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
            }
            await Task.Delay(100);
        }
        return null;
    }
}
