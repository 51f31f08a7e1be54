using System.Diagnostics;
using System.Globalization;
using HdrHistogram;

namespace ContactCenter.Simulator;

/// <summary>Random draws for arrivals and durations. Not thread-safe: draw on the generator loop only.</summary>
public sealed class Draws(int? seed)
{
    private readonly Random _random = seed is { } s ? new Random(s) : new Random();

    /// <summary>An exponentially distributed duration with the given mean (inverse transform).</summary>
    public TimeSpan Exponential(double meanSeconds) =>
        meanSeconds <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-meanSeconds * Math.Log(1 - _random.NextDouble()));

    /// <summary>A duration spread evenly over [mean/2, 3·mean/2].</summary>
    public TimeSpan Around(double meanSeconds) =>
        meanSeconds <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(meanSeconds * (0.5 + _random.NextDouble()));

    public string DanishNumber() => "+45" + _random.Next(20_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
}

/// <summary>Counts fire-and-forget work so a run can wait for it to finish before it cleans up.</summary>
public sealed class Tracker(Action<Exception> onFault)
{
    private int _running;

    public int Running => Volatile.Read(ref _running);

    public void Run(Func<Task> work)
    {
        Interlocked.Increment(ref _running);
        _ = Task.Run(async () =>
        {
            try
            {
                await work();
            }
            catch (OperationCanceledException)
            {
                // The run is stopping.
            }
            catch (Exception e)
            {
                onFault(e);
            }
            finally
            {
                Interlocked.Decrement(ref _running);
            }
        });
    }

    /// <summary>Waits until nothing runs, or the timeout; true when idle.</summary>
    public async Task<bool> WhenIdle(TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Running > 0)
        {
            if (Stopwatch.GetTimestamp() > deadline) return false;
            await Task.Delay(20);
        }
        return true;
    }
}

public static class Time
{
    public static double Seconds(long from, long to) => (double)(to - from) / Stopwatch.Frequency;

    public static long Micros(long from, long to) => Math.Max(0, (to - from) * 1_000_000 / Stopwatch.Frequency);

    public static string Clock(TimeSpan elapsed) => $"[{elapsed.TotalSeconds,5:F0}s]";
}

/// <summary>A latency histogram in microseconds (1 µs to 5 min, 3 significant digits), safe to record from any thread.</summary>
public sealed class Latency
{
    private static readonly long Highest = (long)TimeSpan.FromMinutes(5).TotalMicroseconds;
    private readonly object _gate = new();
    private LongHistogram _histogram = New();

    private static LongHistogram New() => new(1, Highest, 3);

    public void Record(long micros)
    {
        lock (_gate) _histogram.RecordValue(Math.Clamp(micros, 1, Highest));
    }

    public void Record(TimeSpan elapsed) => Record((long)elapsed.TotalMicroseconds);

    public long Count
    {
        get { lock (_gate) return _histogram.TotalCount; }
    }

    /// <summary>A copy of what was recorded so far, and a fresh start (for per-interval numbers).</summary>
    public LongHistogram TakeInterval()
    {
        lock (_gate)
        {
            var taken = _histogram;
            _histogram = New();
            return taken;
        }
    }

    public Summary Summarize()
    {
        lock (_gate) return Summary.Of(_histogram);
    }
}

/// <summary>Percentiles of a latency histogram, in milliseconds.</summary>
public sealed record Summary(long Count, double P50, double P90, double P99, double P999, double Max, double Mean)
{
    public static Summary Of(LongHistogram h) => h.TotalCount == 0
        ? new Summary(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN)
        : new Summary(h.TotalCount, Ms(h.GetValueAtPercentile(50)), Ms(h.GetValueAtPercentile(90)), Ms(h.GetValueAtPercentile(99)),
            Ms(h.GetValueAtPercentile(99.9)), Ms(h.GetMaxValue()), h.GetMean() / 1000.0);

    private static double Ms(long micros) => micros / 1000.0;

    public static string Header => $"{"",-44} {"p50",8} {"p90",8} {"p99",8} {"p99.9",8} {"max",8} {"mean",8} {"n",7}";

    public string Row(string label) =>
        string.Create(CultureInfo.InvariantCulture, $"{label,-44} {P50,8:F1} {P90,8:F1} {P99,8:F1} {P999,8:F1} {Max,8:F1} {Mean,8:F1} {Count,7}");
}
