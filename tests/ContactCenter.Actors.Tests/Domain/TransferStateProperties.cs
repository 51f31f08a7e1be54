using ContactCenter.Actors.Calls;
using ContactCenter.Actors.Routing;
using ContactCenter.Actors.Transfers;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;
using static ContactCenter.Actors.Calls.CallCommands;
using static ContactCenter.Actors.Calls.CallEvents;
using static ContactCenter.Actors.Calls.CallProtocol;
using static ContactCenter.Actors.Calls.TransferCommands;
using static ContactCenter.Actors.Calls.TransferEvents;
using static ContactCenter.Actors.Calls.TransferProtocol;

namespace ContactCenter.Actors.Tests.Domain;

/// <summary>Everything that can happen to a call during transfers, in any order, current or stale.</summary>
public enum TransferStep
{
    ColdToQueue, ColdToAgent, ColdToExternal, WarmToQueue, WarmToAgent, WarmToExternal,
    TargetAccepts, TargetRefuses, QueueRoutesLeg, LegAgentAnswers, LegAgentMisses, StaleAnswer,
    AdapterAnswered, AdapterBusy, Deadline, StaleDeadline, Complete, Cancel, Conference,
    QueueRoutes, AgentAnswers, CallerHangsUp, AgentHangsUp,
}

public sealed record TransferOp(TransferStep Step, int SecondsLater)
{
    public override string ToString() => $"+{SecondsLater}s {Step}";
}

public sealed class TransferStateProperties
{
    private const string CallId = "call-1";

    private static Arbitrary<TransferOp[]> Scripts()
    {
        var step = Gen.Elements(Enum.GetValues<TransferStep>());
        var op = from st in step from s in Gen.Choose(0, 40) select new TransferOp(st, s);
        return Arb.From(Gen.ArrayOf(op));
    }

    /// <summary>A call connected to "a0", then the script; every agent a target names is fresh, every token too.</summary>
    private sealed class Run
    {
        private int _n;
        public CallState State { get; private set; }
        public List<ICallEvent> Journal { get; } = [];
        public DateTimeOffset Now { get; private set; } = Clock.T0;

        public Run()
        {
            State = CallState.Empty(CallId);
            Persist(State.Decide(new OfferCall(CallId, "+4512345678", "33663366", "front"), Now, OpenDirectory.Route));
            Persist(State.Decide(new RouteToAgent(CallId, "front", "a0", "t0"), Now));
            Persist(State.Decide(new AgentConnected(CallId, "a0", "t0"), Now));
        }

        private static QueueRoute? Routes(string id) => OpenDirectory.Route(id);

        private void Persist(Decision<ICallEvent> decision)
        {
            foreach (var e in decision.Events)
            {
                State = State.Apply(e);
                Journal.Add(e);
            }
        }

        private string Fresh(string prefix) => $"{prefix}{++_n}";

        private TransferCall Transfer(TransferMode mode, TransferTargetKind kind) =>
            new(CallId, State.AgentId ?? "a0", mode, new TransferTarget(kind, kind switch
            {
                TransferTargetKind.Queue => "dept",
                TransferTargetKind.Agent => Fresh("b"),
                _ => "+4533173317",
            }));

        public void Do(TransferOp op)
        {
            Now += TimeSpan.FromSeconds(op.SecondsLater);
            var leg = State.Leg;
            var legId = leg?.LegId ?? "no-leg";
            var legAgent = leg?.AgentId ?? (leg?.Target.Kind == TransferTargetKind.Agent ? leg.Target.Id : "nobody");
            var me = State.AgentId ?? "a0";
            Persist(op.Step switch
            {
                TransferStep.ColdToQueue => State.Decide(Transfer(TransferMode.Cold, TransferTargetKind.Queue), Now, Routes),
                TransferStep.ColdToAgent => State.Decide(Transfer(TransferMode.Cold, TransferTargetKind.Agent), Now, Routes),
                TransferStep.ColdToExternal => State.Decide(Transfer(TransferMode.Cold, TransferTargetKind.External), Now, Routes),
                TransferStep.WarmToQueue => State.Decide(Transfer(TransferMode.Warm, TransferTargetKind.Queue), Now, Routes),
                TransferStep.WarmToAgent => State.Decide(Transfer(TransferMode.Warm, TransferTargetKind.Agent), Now, Routes),
                TransferStep.WarmToExternal => State.Decide(Transfer(TransferMode.Warm, TransferTargetKind.External), Now, Routes),
                TransferStep.TargetAccepts => State.Decide(new DirectOfferAccepted(CallId, legAgent, legId, Fresh("t")), Now),
                TransferStep.TargetRefuses => State.Decide(new DirectOfferRefused(CallId, legAgent, legId, "not ready"), Now, Routes),
                TransferStep.QueueRoutesLeg => State.Decide(new RouteToAgent(CallId, "dept", Fresh("q"), Fresh("t")), Now),
                TransferStep.LegAgentAnswers => State.Decide(new AgentConnected(CallId, legAgent, leg?.Token ?? "none"), Now),
                TransferStep.LegAgentMisses => State.Decide(new OfferWithdrawn(CallId, legAgent, leg?.Token ?? "none", "no answer"), Now, Routes),
                TransferStep.StaleAnswer => State.Decide(new AgentConnected(CallId, "stale", "stale-token"), Now),
                TransferStep.AdapterAnswered => State.Decide(new ReportLeg(CallId, LegOutcome.Answered), Now, Routes),
                TransferStep.AdapterBusy => State.Decide(new ReportLeg(CallId, LegOutcome.Busy), Now, Routes),
                TransferStep.Deadline => State.Decide(new LegDeadlineReached(CallId, legId), Now, Routes),
                TransferStep.StaleDeadline => State.Decide(new LegDeadlineReached(CallId, "old-leg"), Now, Routes),
                TransferStep.Complete => State.Decide(new CompleteTransfer(CallId, me), Now),
                TransferStep.Cancel => State.Decide(new CancelTransfer(CallId, me), Now),
                TransferStep.Conference => State.Decide(new ConferenceTransfer(CallId, me), Now),
                TransferStep.QueueRoutes => State.Decide(new RouteToAgent(CallId, State.Details!.QueueId, Fresh("c"), Fresh("t")), Now),
                TransferStep.AgentAnswers => State.Decide(new AgentConnected(CallId, State.AgentId ?? "nobody", State.Token ?? "none"), Now),
                TransferStep.CallerHangsUp => State.Decide(new HangUp(CallId, CallParty.Caller), Now),
                TransferStep.AgentHangsUp => State.Decide(new HangUp(CallId, CallParty.Agent), Now),
                _ => throw new ArgumentOutOfRangeException(nameof(op)),
            });
        }
    }

    private static void AssertConsistent(CallState s)
    {
        switch (s.Status)
        {
            case CallStatus.Connected:
                Assert.NotNull(s.AgentId);
                Assert.Null(s.Leg);
                break;
            case CallStatus.Consulting:
                Assert.NotNull(s.AgentId);
                Assert.Equal(TransferMode.Warm, s.Leg!.Mode);
                Assert.NotEqual(s.AgentId, s.Leg.AgentId); // the consulted agent is never the one holding the call
                break;
            case CallStatus.Transferring:
                Assert.Null(s.AgentId);
                Assert.Equal(TransferMode.Cold, s.Leg!.Mode);
                break;
            case CallStatus.Ringing when s.Leg is not null:
                Assert.Equal(s.Leg.Token, s.Token);
                break;
            case CallStatus.Queued:
                Assert.Null(s.Leg);
                Assert.Null(s.AgentId);
                break;
        }
        if (s.IsFinal) Assert.Null(s.Leg);
    }

    [Property]
    public Property A_call_in_transfer_holds_one_agent_at_most_and_its_leg_matches_its_status() =>
        Prop.ForAll(Scripts(), ops =>
        {
            var run = new Run();
            foreach (var op in ops)
            {
                run.Do(op);
                AssertConsistent(run.State);
            }
        });

    [Property]
    public Property Every_leg_ends_exactly_once_and_replaying_the_journal_gives_the_live_state() =>
        Prop.ForAll(Scripts(), ops =>
        {
            var run = new Run();
            foreach (var op in ops) run.Do(op);

            var started = run.Journal.OfType<TransferLegStarted>().Select(e => e.Leg.LegId).ToList();
            var ended = run.Journal.Select(e => e switch
            {
                TransferLegFailed f => f.Leg.LegId,
                WarmTransferCompleted w => w.Leg.LegId,
                TransferLegAnswered { Leg.Mode: TransferMode.Cold } a => a.Leg.LegId,
                _ => null,
            }).OfType<string>().ToList();
            Assert.Equal(ended.Count, ended.Distinct().Count());
            Assert.Equal(started.Count, ended.Count + (run.State.Leg is null ? 0 : 1));
            Assert.Equal(started.Count, started.Distinct().Count());

            var replayed = run.Journal.Aggregate(CallState.Empty(CallId), (s, e) => s.Apply(e));
            Assert.Equal((run.State.Status, run.State.AgentId, run.State.Token, run.State.Leg, run.State.Returned),
                (replayed.Status, replayed.AgentId, replayed.Token, replayed.Leg, replayed.Returned));
        });
}
