using Xunit;

namespace ContactCenter.Actors.Tests.Support;

/// <summary>
/// Timing-heavy tests (many concurrent calls, several nodes, restarts) run alone rather than beside other test
/// classes, so two cores are not shared with the rest of the suite while they run.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SlowCollection
{
    public const string Name = "Slow, run alone";
}
