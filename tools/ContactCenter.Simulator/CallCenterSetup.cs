using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace ContactCenter.Simulator;

/// <summary>
/// Creates the simulator's queue and agents through the supervisor and agent desktop APIs, and takes the
/// agents out again afterwards. Each run gets its own queue (and skill), so calls a stopped run left
/// behind are never routed to a later run's agents; agent ids are stable per prefix and reused.
/// </summary>
public sealed class CallCenterSetup(NodeClient node, string queueId, string agentPrefix, int agents, TimeSpan wrapUp, Action<string> log)
{
    private const int Parallelism = 16;

    public string QueueId => queueId;

    public IReadOnlyList<string> AgentIds { get; } =
        Enumerable.Range(1, agents).Select(i => $"{agentPrefix}-{i:D4}").ToList();

    public async Task CreateQueue(CancellationToken ct)
    {
        var config = new
        {
            name = $"Simulator {queueId}",
            requiredSkill = queueId,
            minLevel = 1,
            wrapUp = wrapUp.ToString("c"),
            offerTimeout = "00:00:15",
        };
        await Required(() => node.Put($"/v1/queues/{queueId}", config, ct), $"PUT /v1/queues/{queueId}", ct);

        // The queue directory is replicated; the node routes to a new queue shortly after it is created.
        var probe = $"probe-{queueId}";
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 15;
        while (true)
        {
            var offered = await node.Post("/v1/calls", new { callId = probe, from = "+4500000000", dialled = "sim", queueId }, ct);
            if (offered.Is(HttpStatusCode.Created)) break;
            if (Stopwatch.GetTimestamp() > deadline)
                throw new InvalidOperationException($"queue {queueId} did not accept calls within 15 s: last answer {offered}");
            await Task.Delay(100, ct);
        }
        await node.Post($"/v1/calls/{probe}/events", new { type = "CallerHungUp" }, ct);
    }

    /// <summary>Profiles the agents for this run's skill, logs them in and makes them ready.</summary>
    public async Task StartAgents(CancellationToken ct)
    {
        var started = Stopwatch.StartNew();
        await Parallel.ForEachAsync(AgentIds, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct }, async (id, token) =>
        {
            // A previous run may have left the agent logged in (to its own queue): start from logged out.
            await node.Post($"/v1/agents/{id}/logout?force=true", null, token);
            var profile = new
            {
                name = $"Simulated {id}",
                team = "SIM",
                department = "KBS",
                kind = "CitizenService",
                skills = new Dictionary<string, int> { [queueId] = 5 },
                // A missed offer would pause the agent; the simulator always answers, so keep them available.
                autoPauseOnMissedOffer = false,
            };
            await Required(() => node.Put($"/v1/agents/{id}/profile", profile, token), $"PUT /v1/agents/{id}/profile", token);
            await Required(() => node.Post($"/v1/agents/{id}/login", null, token), $"POST /v1/agents/{id}/login", token);
            await Required(() => node.Post($"/v1/agents/{id}/ready", null, token), $"POST /v1/agents/{id}/ready", token);
        });
        log($"{AgentIds.Count} agents ready in {started.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>Logs every agent out (forced), whatever it is doing. Best effort.</summary>
    public async Task StopAgents(CancellationToken ct)
    {
        var failed = 0;
        await Parallel.ForEachAsync(AgentIds, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct }, async (id, token) =>
        {
            var reply = await node.Post($"/v1/agents/{id}/logout?force=true", null, token);
            if (!reply.Is(HttpStatusCode.OK)) Interlocked.Increment(ref failed);
        });
        log(failed == 0 ? $"{AgentIds.Count} agents logged out" : $"{AgentIds.Count} agents logged out, {failed} refused");
    }

    /// <summary>The queue's live view: (callers waiting, idle agents), or null when the node did not answer.</summary>
    public async Task<(int Waiting, int IdleAgents)?> QueueLive(CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(1));
        try
        {
            var reply = await node.Get($"/v1/queues/{queueId}", timeout.Token);
            if (!reply.Is(HttpStatusCode.OK) || reply.Body.ValueKind != JsonValueKind.Object) return null;
            return (reply.Body.GetProperty("waiting").GetArrayLength(), reply.Body.GetProperty("idleAgents").GetArrayLength());
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>A setup step must succeed; overload (429) and transport failures are retried a few times.</summary>
    private static async Task Required(Func<Task<Reply>> send, string what, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var reply = await send();
            if (reply.Status is >= 200 and < 300) return;
            var transient = reply.Status is 0 or 429 or >= 500;
            if (!transient || attempt == 4)
                throw new InvalidOperationException($"{what} answered {reply}");
            await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), ct);
        }
    }
}
