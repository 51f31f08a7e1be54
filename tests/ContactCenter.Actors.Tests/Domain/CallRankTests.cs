using ContactCenter.Actors.Routing;
using Xunit;

namespace ContactCenter.Actors.Tests.Domain;

public sealed class CallRankTests
{
    [Fact]
    public void Higher_priority_is_served_first_even_when_it_arrived_later()
    {
        var urgentLate = new CallRank(10, Clock.At(600));
        var normalEarly = new CallRank(0, Clock.T0);

        Assert.True(urgentLate.IsBetterThan(normalEarly));
        Assert.False(normalEarly.IsBetterThan(urgentLate));
        Assert.True(urgentLate.CompareTo(normalEarly) < 0);
        Assert.True(normalEarly.CompareTo(urgentLate) > 0);
    }

    [Fact]
    public void Caller_who_waited_longest_is_served_first_at_equal_priority()
    {
        var early = new CallRank(5, Clock.T0);
        var late = new CallRank(5, Clock.At(1));

        Assert.True(early.IsBetterThan(late));
        Assert.False(late.IsBetterThan(early));
    }

    [Fact]
    public void Original_arrival_is_compared_as_an_instant_whatever_its_utc_offset()
    {
        // 09:30 in Copenhagen (UTC+1) is 08:30 UTC: earlier than 08:45 UTC.
        var copenhagen = new CallRank(0, new DateTimeOffset(2025, 3, 10, 9, 30, 0, TimeSpan.FromHours(1)));
        var utc = new CallRank(0, new DateTimeOffset(2025, 3, 10, 8, 45, 0, TimeSpan.Zero));

        Assert.True(copenhagen.IsBetterThan(utc));
    }

    [Fact]
    public void Identical_ranks_are_equivalent_and_neither_is_better()
    {
        var a = new CallRank(3, Clock.T0);
        var b = new CallRank(3, Clock.T0);

        Assert.Equal(0, a.CompareTo(b));
        Assert.False(a.IsBetterThan(b));
        Assert.False(b.IsBetterThan(a));
    }

    [Fact]
    public void Sorting_ranks_gives_priority_descending_then_arrival_ascending()
    {
        var ranks = new[]
        {
            new CallRank(0, Clock.At(1)), new CallRank(9, Clock.At(30)), new CallRank(0, Clock.At(0)),
            new CallRank(9, Clock.At(5)), new CallRank(4, Clock.At(2)),
        };

        var sorted = ranks.OrderBy(r => r).ToArray();

        Assert.Equal(
            [
                new CallRank(9, Clock.At(5)), new CallRank(9, Clock.At(30)), new CallRank(4, Clock.At(2)),
                new CallRank(0, Clock.At(0)), new CallRank(0, Clock.At(1)),
            ],
            sorted);
    }
}
