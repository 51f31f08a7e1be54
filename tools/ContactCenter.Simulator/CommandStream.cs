using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace ContactCenter.Simulator;

/// <summary>One command from the node's adapter stream, stamped with the moment the simulator read it.</summary>
public sealed record StreamCommand(
    long Id, string Kind, string CallId, string? AgentId, string? Token, string? Detail, DateTimeOffset? At, long ReceivedTimestamp);

/// <summary>
/// Follows GET /v1/adapter/commands (Server-Sent Events) like a PBX adapter: starts at the journal's end,
/// resumes after the last id it read when the connection drops, and hands every command to a callback as
/// soon as its frame is complete. The callback must not block: the read loop is what the latency is
/// measured against.
/// <para>
/// If a resumed connection fails again before it delivers anything, the node cannot get past the next
/// journal event (see docs/simulator.md: a call event that maps to no command fails the node's stream, and
/// resuming before it fails every time). The reader then starts again at the journal's end and calls
/// <c>onGap</c>, so its owner can read the state of its open calls instead of the commands it missed.
/// </para>
/// </summary>
public sealed class CommandStream(NodeClient node, Action<StreamCommand> onCommand, Action<string> log, Func<Task>? onGap = null)
{
    private const int MaxReconnects = 5;
    private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _lastId = -1;
    private long _received;
    private bool _skipToLatest;
    private bool _answered;

    /// <summary>Completes when the node has answered the subscription (its first comment line).</summary>
    public Task Subscribed => _subscribed.Task;

    public long Received => Interlocked.Read(ref _received);

    public int Reconnects { get; private set; }

    /// <summary>How often the reader gave up resuming and started again at the journal's end.</summary>
    public int Gaps { get; private set; }

    /// <summary>Why the stream was given up, if it was.</summary>
    public string? Failure { get; private set; }

    public async Task Run(CancellationToken ct)
    {
        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            var receivedBefore = Received;
            _answered = false;
            var resuming = _lastId >= 0 && !_skipToLatest;
            try
            {
                using var response = await node.OpenCommandStream(resuming ? _lastId : null, ct);
                await using var body = await response.Content.ReadAsStreamAsync(ct);
                using var reader = new StreamReader(body);
                var gap = _skipToLatest;
                _skipToLatest = false;
                await ReadFrames(reader, gap, ct);
                if (ct.IsCancellationRequested) return;
                log("command stream: the node closed it");
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or IOException or InvalidOperationException or JsonException)
            {
                log($"command stream: {e.Message}");
            }
            if (resuming && Received == receivedBefore)
            {
                _skipToLatest = true;
                log($"command stream: resuming after id {_lastId} failed before any command; starting at the journal's end and reading call states instead");
            }
            Reconnects++;
            // A connection that delivered commands, or a fresh subscription the node answered, resets the count.
            failures = Received > receivedBefore || (_answered && !resuming) ? 0 : failures + 1;
            if (failures > MaxReconnects)
            {
                Failure = $"the command stream failed {failures} times in a row; giving up";
                _subscribed.TrySetException(new InvalidOperationException(Failure));
                return;
            }
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100 * Math.Max(1, failures)), ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ReadFrames(StreamReader reader, bool gap, CancellationToken ct)
    {
        string? kind = null, data = null;
        long id = -1;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (line.Length == 0)
            {
                if (kind is not null && data is not null) Dispatch(id, kind, data);
                kind = data = null;
                id = -1;
                continue;
            }
            if (line[0] == ':')
            {
                _subscribed.TrySetResult(); // ": resuming after N" comes first; heartbeats later
                _answered = true;
                if (gap)
                {
                    gap = false;
                    Gaps++;
                    if (onGap is not null) await onGap();
                }
                continue;
            }
            var colon = line.IndexOf(':');
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..].TrimStart(' ');
            switch (field)
            {
                case "id": id = long.Parse(value, CultureInfo.InvariantCulture); break;
                case "event": kind = value; break;
                case "data": data = data is null ? value : data + "\n" + value; break;
            }
        }
    }

    private void Dispatch(long id, string kind, string data)
    {
        var received = Stopwatch.GetTimestamp();
        _subscribed.TrySetResult();
        _answered = true;
        if (id >= 0) _lastId = id;
        Interlocked.Increment(ref _received);
        using var doc = JsonDocument.Parse(data);
        var root = doc.RootElement;
        var command = new StreamCommand(
            id, kind, Text(root, "callId") ?? "", Text(root, "agentId"), Text(root, "token"), Text(root, "detail"),
            root.TryGetProperty("at", out var at) && at.ValueKind == JsonValueKind.String ? at.GetDateTimeOffset() : null,
            received);
        onCommand(command);
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
