using ContactCenter.Actors.Calendar;
using ContactCenter.Actors.Calls;
using ContactCenter.Actors.Departments;
using ContactCenter.Actors.Entries;
using ContactCenter.Actors.Routing;
using ContactCenter.Actors.Transfers;
using Xunit;
using static ContactCenter.Actors.Calls.TransferCommands;
using static ContactCenter.Actors.Calls.TransferEvents;
using static ContactCenter.Actors.Tests.Domain.CallGiven;

namespace ContactCenter.Actors.Tests.Domain;

/// <summary>Transfers to a department directory target: resolved through the entry plan, refused while closed.</summary>
public sealed class DirectoryTransferTests
{
    /// <summary>BUF Pladsanvisningen with its hours: Mon 9-13, Tue 9-13, Wed closed, Thu 13-18, Fri 9-13.</summary>
    private static readonly DirectoryTarget Buf =
        new("buf-pladsanvisning", "BUF Pladsanvisningen", "BUF", "casework", "33 17 10 00", CopenhagenSample.Pladsanvisning);

    private static EntryPlan Plan()
    {
        var decision = EntryPlan.Empty.Decide(new EntryPlanCommands.SetTarget(EntryPlan.CenterId, Buf), Clock.T0);
        Assert.Null(decision.Rejection);
        return decision.Events.Aggregate(EntryPlan.Empty, (p, e) => p.Apply(e));
    }

    private static TransferCall ToDirectory(string id, TransferMode mode = TransferMode.Cold) =>
        new(CallId, "anna", mode, new TransferTarget(TransferTargetKind.Directory, id));

    private static Func<string, QueueRoute?> NoQueues => _ => null;

    [Theory]
    [InlineData(TransferMode.Cold)]
    [InlineData(TransferMode.Warm)]
    public void An_open_directory_target_becomes_an_external_leg_on_its_number(TransferMode mode)
    {
        // Monday 09:01 in Copenhagen: BUF is open 9-13.
        var started = Assert.IsType<TransferLegStarted>(Decided.Single(Connected().Decide(ToDirectory("buf-pladsanvisning", mode), Clock.At(60), NoQueues, Plan())));

        Assert.Equal(new TransferTarget(TransferTargetKind.External, "+4533171000"), started.Leg.Target);
        Assert.Equal(mode, started.Leg.Mode);
    }

    [Fact]
    public void A_closed_directory_target_is_refused_naming_it_and_its_next_opening()
    {
        // Wednesday 09:01: BUF is closed all day and opens Thursday 13:00 (Copenhagen, UTC+1).
        var wednesday = Clock.At(60).AddDays(2);

        var rejected = Decided.Rejected(Connected().Decide(ToDirectory("buf-pladsanvisning"), wednesday, NoQueues, Plan()),
            RejectionCode.IllegalTransition, "target");

        Assert.Contains("'buf-pladsanvisning' (BUF Pladsanvisningen) is closed now", rejected.Reason, StringComparison.Ordinal);
        Assert.Contains(new DateTimeOffset(2025, 3, 13, 13, 0, 0, TimeSpan.FromHours(1)).ToString("O"), rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_or_malformed_directory_id_is_refused_naming_the_target_field()
    {
        var unknown = Decided.Rejected(Connected().Decide(ToDirectory("nobody"), Clock.At(60), NoQueues, Plan()), RejectionCode.NotFound, "target");
        Assert.Contains("'nobody'", unknown.Reason, StringComparison.Ordinal);

        Decided.Rejected(Connected().Decide(ToDirectory("not an id!"), Clock.At(60), NoQueues, Plan()), RejectionCode.Invalid, "target");
    }

    [Fact]
    public void Only_the_connected_agent_can_transfer_to_a_directory_target()
    {
        Decided.Rejected(Queued().Decide(ToDirectory("buf-pladsanvisning"), Clock.At(60), NoQueues, Plan()), RejectionCode.IllegalTransition);
    }
}
