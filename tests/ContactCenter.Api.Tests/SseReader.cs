using System.Text.Json;

namespace ContactCenter.Api.Tests;

public sealed record SseEvent(long Id, string Event, JsonElement Data);

/// <summary>Reads a text/event-stream response frame by frame.</summary>
public sealed class SseReader : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private SseReader(HttpResponseMessage response, Stream body)
    {
        _response = response;
        _reader = new StreamReader(body);
    }

    public static async Task<SseReader> Open(HttpClient client, string url = "/v1/adapter/commands", long? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (lastEventId is { } id) request.Headers.Add("Last-Event-ID", id.ToString());
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        return new SseReader(response, await response.Content.ReadAsStreamAsync());
    }

    /// <summary>Opens a stream whose frames are read raw with <see cref="NextFrame"/>.</summary>
    public static Task<SseReader> OpenRaw(HttpClient client, string url) => Open(client, url);

    /// <summary>The next frame (up to its blank line) as text, comments included.</summary>
    public async Task<string> NextFrame(TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(15));
        var frame = new System.Text.StringBuilder();
        while (true)
        {
            var line = await _reader.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException("the stream ended");
            if (line.Length == 0 && frame.Length > 0) return frame.ToString();
            frame.AppendLine(line);
        }
    }

    /// <summary>The next event (comments and heartbeats skipped), or a timeout.</summary>
    public async Task<SseEvent> Next(TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(15));
        long id = -1;
        string? name = null, data = null;
        while (true)
        {
            var line = await _reader.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException("the stream ended");
            if (line.Length == 0)
            {
                if (name is not null && data is not null) return new SseEvent(id, name, JsonDocument.Parse(data).RootElement.Clone());
                continue;
            }
            if (line.StartsWith(':')) continue;
            var colon = line.IndexOf(':');
            var (field, value) = (line[..colon], line[(colon + 1)..].TrimStart());
            switch (field)
            {
                case "id": id = long.Parse(value); break;
                case "event": name = value; break;
                case "data": data = value; break;
            }
        }
    }

    /// <summary>Skips events until one of the kind for the call arrives.</summary>
    public async Task<SseEvent> NextFor(string callId, string kind)
    {
        while (true)
        {
            var e = await Next();
            if (e.Event == kind && e.Data.GetProperty("callId").GetString() == callId) return e;
        }
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        return ValueTask.CompletedTask;
    }
}
