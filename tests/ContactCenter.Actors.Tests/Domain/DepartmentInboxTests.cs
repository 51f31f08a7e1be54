using ContactCenter.Actors.Departments;
using ContactCenter.Actors.Routing;
using Xunit;
using static ContactCenter.Actors.Departments.DepartmentCommands;

namespace ContactCenter.Actors.Tests.Domain;

public sealed class DepartmentInboxTests
{
    private static DepartmentInbox Then(DepartmentInbox inbox, Decision<DepartmentEvents.IDepartmentEvent> decision)
    {
        Assert.True(decision.Rejection is null, decision.Rejection?.Reason);
        return decision.Events.Aggregate(inbox, (s, e) => s.Apply(e));
    }

    private static LeaveMessage Leave(string id, DepartmentMessageKind kind = DepartmentMessageKind.CallbackRequest, string? number = "+4512345678") =>
        new("BUF", id, kind, "call-1", "anna", number, "Ring om vuggestueplads");

    [Fact]
    public void A_message_is_left_claimed_and_closed_and_then_listed_only_when_closed_ones_are_asked_for()
    {
        var inbox = DepartmentInbox.Empty("BUF");
        inbox = Then(inbox, inbox.Decide(Leave("m-2"), Clock.At(20)));
        inbox = Then(inbox, inbox.Decide(Leave("m-1"), Clock.At(10)));
        Decided.Nothing(inbox.Decide(Leave("m-1"), Clock.At(30))); // a retried request

        Assert.Equal(["m-1", "m-2"], inbox.List(includeClosed: false).Select(m => m.MessageId));

        inbox = Then(inbox, inbox.Decide(new ClaimMessage("BUF", "m-1", "mette"), Clock.At(100)));
        Decided.Nothing(inbox.Decide(new ClaimMessage("BUF", "m-1", "mette"), Clock.At(101)));
        Decided.Rejected(inbox.Decide(new ClaimMessage("BUF", "m-1", "jens"), Clock.At(102)), RejectionCode.IllegalTransition);

        inbox = Then(inbox, inbox.Decide(new CloseMessage("BUF", "m-1", "mette", "called back"), Clock.At(200)));
        var closed = inbox.Messages["m-1"];
        Assert.Equal((DepartmentMessageStatus.Closed, "mette", "called back", Clock.At(200)), (closed.Status, closed.ClosedBy, closed.Outcome, closed.ClosedAt));
        Assert.Equal(["m-2"], inbox.List(includeClosed: false).Select(m => m.MessageId));
        Assert.Equal(2, inbox.List(includeClosed: true).Length);
        Decided.Rejected(inbox.Decide(new ClaimMessage("BUF", "m-1", "jens"), Clock.At(300)), RejectionCode.IllegalTransition);
    }

    [Fact]
    public void Invalid_messages_and_unknown_ids_are_refused_naming_the_field()
    {
        var inbox = DepartmentInbox.Empty("BUF");
        Decided.Rejected(inbox.Decide(Leave("m-1", number: null), Clock.T0), RejectionCode.Invalid, "citizenNumber");
        Decided.Rejected(inbox.Decide(Leave("m-1") with { Text = " " }, Clock.T0), RejectionCode.Invalid, "text");
        Decided.Rejected(inbox.Decide(Leave("m-1") with { CitizenNumber = "call me" }, Clock.T0), RejectionCode.Invalid, "citizenNumber");
        Decided.Rejected(inbox.Decide(new ClaimMessage("BUF", "nope", "mette"), Clock.T0), RejectionCode.NotFound);
        Decided.Rejected(inbox.Decide(new CloseMessage("BUF", "nope", "mette", "x"), Clock.T0), RejectionCode.NotFound);
        Assert.Empty(Then(inbox, inbox.Decide(Leave("m-1", DepartmentMessageKind.Message, null), Clock.T0)).Decide(
            new CloseMessage("BUF", "m-1", "mette", " "), Clock.T0).Events);
    }
}
