using System.Globalization;

namespace ContactCenter.Benchmarks.Lifecycle;

public enum JournalKind
{
    /// <summary>The production setting: Akka.Persistence.Sql on a SQLite file in WAL mode.</summary>
    Sqlite,
    /// <summary>Akka's in-memory journal and snapshot store: the same flow without the database (diagnosis only).</summary>
    InMemory,
}

/// <summary>Sizes and bounds of one lifecycle run; every phase stops by itself at its count or its time limit.</summary>
public sealed record LifecycleOptions(
    int Agents = 50,
    int Queues = 1,
    int Calls = 10_000,
    int WarmupCalls = 2_000,
    int InFlight = 300,
    TimeSpan PhaseTimeout = default,
    JournalKind Journal = JournalKind.Sqlite,
    bool RawSqlite = true,
    bool DeferredReads = false,
    string? ExtraHocon = null,
    int MinThreads = 0,
    int TalkMilliseconds = 0)
{
    public TimeSpan EffectivePhaseTimeout => PhaseTimeout == default ? TimeSpan.FromSeconds(240) : PhaseTimeout;

    public const string Usage = """
        usage: lifecycle [--agents 50] [--queues 1] [--calls 10000] [--warmup 2000] [--in-flight 300]
                         [--max-seconds 240] [--journal sqlite|inmem] [--no-raw-sqlite] [--deferred-reads]
                         [--hocon 'akka.some.setting = value' ...] [--min-threads N] [--talk-ms 0]
          --talk-ms         hang up this long after the bridge instead of at once; with enough talk time the
                            agents, not the node, limit throughput, and the free-agent gap shows routing latency
          --deferred-reads  diagnosis: run the SQL plugin's reads with read-isolation-level = read-uncommitted,
                            which Microsoft.Data.Sqlite opens as a deferred "BEGIN" instead of "BEGIN IMMEDIATE"
          --hocon           diagnosis: extra Akka configuration that overrides the node's (repeatable)
          --min-threads     diagnosis: ThreadPool.SetMinThreads(N, N) before the node starts (the SQLite calls
                            block pool threads; the pool otherwise starts with one worker per core)
        """;

    /// <summary>Null when an option is unknown or its value does not parse.</summary>
    public static LifecycleOptions? Parse(ReadOnlySpan<string> args)
    {
        var options = new LifecycleOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name == "--no-raw-sqlite")
            {
                options = options with { RawSqlite = false };
                continue;
            }
            if (name == "--deferred-reads")
            {
                options = options with { DeferredReads = true };
                continue;
            }
            if (i + 1 >= args.Length) return null;
            var value = args[++i];
            switch (name)
            {
                case "--journal" when value is "sqlite" or "inmem":
                    options = options with { Journal = value == "sqlite" ? JournalKind.Sqlite : JournalKind.InMemory };
                    break;
                case "--hocon":
                    options = options with { ExtraHocon = options.ExtraHocon + value + "\n" };
                    break;
                case "--talk-ms" when Positive(value) is { } n: options = options with { TalkMilliseconds = n }; break;
                case "--min-threads" when Positive(value) is { } n: options = options with { MinThreads = n }; break;
                case "--agents" when Positive(value) is { } n: options = options with { Agents = n }; break;
                case "--queues" when Positive(value) is { } n: options = options with { Queues = n }; break;
                case "--calls" when Positive(value) is { } n: options = options with { Calls = n }; break;
                case "--warmup" when Positive(value) is { } n: options = options with { WarmupCalls = n }; break;
                case "--in-flight" when Positive(value) is { } n: options = options with { InFlight = n }; break;
                case "--max-seconds" when Positive(value) is { } n:
                    options = options with { PhaseTimeout = TimeSpan.FromSeconds(n) };
                    break;
                default:
                    return null;
            }
        }
        return options.Queues > options.Agents ? null : options;
    }

    private static int? Positive(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
}
