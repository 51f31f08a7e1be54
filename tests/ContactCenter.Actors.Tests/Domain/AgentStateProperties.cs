using ContactCenter.Actors.Agents;
using ContactCenter.Actors.Routing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;
using static ContactCenter.Actors.Agents.AgentCommands;
using static ContactCenter.Actors.Agents.AgentEvents;
using static ContactCenter.Actors.Agents.AgentProtocol;

namespace ContactCenter.Actors.Tests.Domain;

/// <summary>Everything that can happen to an agent: its own commands and the protocol messages of queues and calls.</summary>
public enum AgentStep
{
    LogIn, MakeReady, Pause, PauseFor, PauseBadDuration, LogOut, ForceLogOut, EndWrapUp, ExtendWrapUp, ExtendWrapUpTooLong,
    Answer, AnswerStaleToken, AnswerWrongCall, Propose, ProposeZeroWrapUp, OfferDeadline, OfferDeadlineStale,
    Revoke, RevokeStale, CallEnded, CallEndedStale, WrapUpDeadline, WrapUpDeadlineStale, PauseDeadline, PauseDeadlineStale,
    ToggleAutoPause,
}

/// <summary>One step, after <paramref name="SecondsLater"/> seconds.</summary>
public sealed record AgentOp(AgentStep Step, int SecondsLater)
{
    public override string ToString() => $"+{SecondsLater}s {Step}";
}

public sealed class AgentStateProperties
{
    private const string Id = "anna";

    private static Arbitrary<AgentOp[]> Scripts()
    {
        // Weighted so that scripts regularly get through offer, call and wrap-up, not only log in and out.
        var step = Gen.Frequency(Enum.GetValues<AgentStep>().Select(s => (Weight(s), Gen.Constant(s))));
        var op = from st in step
                 from seconds in Gen.Choose(0, 90)
                 select new AgentOp(st, seconds);
        return Arb.From(Gen.ArrayOf(op), Shrink);
    }

    private static int Weight(AgentStep step) => step switch
    {
        AgentStep.MakeReady or AgentStep.Propose or AgentStep.Answer or AgentStep.CallEnded => 8,
        AgentStep.LogIn or AgentStep.ProposeZeroWrapUp or AgentStep.OfferDeadline or AgentStep.Revoke
            or AgentStep.EndWrapUp or AgentStep.WrapUpDeadline => 3,
        _ => 1,
    };

    private static IEnumerable<AgentOp[]> Shrink(AgentOp[] ops)
    {
        if (ops.Length > 1)
        {
            yield return ops[..(ops.Length / 2)];
            yield return ops[(ops.Length / 2)..];
        }
        for (var i = 0; i < ops.Length; i++) yield return ops.Where((_, j) => j != i).ToArray();
    }

    /// <summary>Runs a script from a fresh, configured agent through Decide + Apply, checking after every step.</summary>
    private sealed class Run
    {
        private int _offers;
        private readonly List<string> _issuedTokens = ["never-issued"];
        private readonly List<DateTimeOffset> _pastDeadlines = [Clock.T0];
        private bool _autoPause = true;

        public AgentState State { get; private set; } = AgentState.Empty(Id);
        public List<IAgentEvent> Journal { get; } = [];
        public DateTimeOffset Now { get; private set; } = Clock.T0;

        public Run()
        {
            // Start logged in and ready: scripts spend their steps on the routing protocol, and log out by themselves.
            Persist(State.Decide(new ConfigureAgent(Id, AgentGiven.Profile()), Now));
            Persist(State.Decide(new LogIn(Id), Now));
            Persist(State.Decide(new MakeReady(Id), Now));
        }

        private void Persist(Decision<IAgentEvent> decision)
        {
            if (decision.IsRejected)
            {
                Assert.Empty(decision.Events);
                Assert.False(string.IsNullOrWhiteSpace(decision.Rejection!.Reason));
                return;
            }
            foreach (var e in decision.Events)
            {
                Assert.True(e.At == Now, $"event {e} is not stamped with the decision time {Now:O}");
                State = State.Apply(e);
                Journal.Add(e);
            }
        }

        private string CurrentToken => State.Offer?.Token ?? State.Call?.Token ?? _issuedTokens[^1];
        private string CurrentCall => State.Offer?.CallId ?? State.Call?.CallId ?? "call-0";
        private string StaleToken => _issuedTokens.FirstOrDefault(t => t != CurrentToken) ?? "never-issued";

        public void Do(AgentOp op)
        {
            Now += TimeSpan.FromSeconds(op.SecondsLater);
            if (State.WrapUpUntil is { } w) _pastDeadlines.Add(w);
            if (State.PauseUntil is { } p) _pastDeadlines.Add(p);
            var stale = _pastDeadlines.Where(d => d != State.WrapUpUntil && d != State.PauseUntil).DefaultIfEmpty(Clock.T0).Last();
            Persist(op.Step switch
            {
                AgentStep.LogIn => State.Decide(new LogIn(Id), Now),
                AgentStep.MakeReady => State.Decide(new MakeReady(Id), Now),
                AgentStep.Pause => State.Decide(new Pause(Id, PauseReasons.Break), Now),
                AgentStep.PauseFor => State.Decide(new Pause(Id, PauseReasons.Meeting, TimeSpan.FromSeconds(1 + op.SecondsLater)), Now),
                AgentStep.PauseBadDuration => State.Decide(new Pause(Id, PauseReasons.Break, TimeSpan.FromSeconds(-op.SecondsLater)), Now),
                AgentStep.LogOut => State.Decide(new LogOut(Id), Now),
                AgentStep.ForceLogOut => State.Decide(new LogOut(Id, Force: true), Now),
                AgentStep.EndWrapUp => State.Decide(new EndWrapUp(Id), Now),
                AgentStep.ExtendWrapUp => State.Decide(new ExtendWrapUp(Id, TimeSpan.FromSeconds(1 + op.SecondsLater)), Now),
                AgentStep.ExtendWrapUpTooLong => State.Decide(new ExtendWrapUp(Id, TimeSpan.FromHours(1)), Now),
                AgentStep.Answer => State.Decide(new AnswerOffer(Id, CurrentCall, CurrentToken), Now),
                AgentStep.AnswerStaleToken => State.Decide(new AnswerOffer(Id, CurrentCall, StaleToken), Now),
                AgentStep.AnswerWrongCall => State.Decide(new AnswerOffer(Id, "call-elsewhere", CurrentToken), Now),
                AgentStep.Propose or AgentStep.ProposeZeroWrapUp => Reserve(op.Step == AgentStep.ProposeZeroWrapUp),
                AgentStep.OfferDeadline => State.Decide(new OfferDeadlineReached(Id, CurrentToken), Now),
                AgentStep.OfferDeadlineStale => State.Decide(new OfferDeadlineReached(Id, StaleToken), Now),
                AgentStep.Revoke => State.Revoke(CurrentCall, CurrentToken, "caller hung up", Now),
                AgentStep.RevokeStale => State.Revoke(CurrentCall, StaleToken, "call left the queue", Now),
                AgentStep.CallEnded => State.Decide(new ConnectedCallEnded(Id, CurrentCall, CurrentToken), Now),
                AgentStep.CallEndedStale => State.Decide(new ConnectedCallEnded(Id, CurrentCall, StaleToken), Now),
                AgentStep.WrapUpDeadline => State.Decide(new WrapUpDeadlineReached(Id, State.WrapUpUntil ?? Now), Now),
                AgentStep.WrapUpDeadlineStale => State.Decide(new WrapUpDeadlineReached(Id, stale), Now),
                AgentStep.PauseDeadline => State.Decide(new PauseDeadlineReached(Id, State.PauseUntil ?? Now), Now),
                AgentStep.PauseDeadlineStale => State.Decide(new PauseDeadlineReached(Id, stale), Now),
                AgentStep.ToggleAutoPause => State.Decide(new ConfigureAgent(Id, AgentGiven.Profile(_autoPause = !_autoPause)), Now),
                _ => throw new ArgumentOutOfRangeException(nameof(op)),
            });
        }

        private Decision<IAgentEvent> Reserve(bool zeroWrapUp)
        {
            var n = ++_offers;
            var token = $"token-{n}";
            var decision = State.Reserve(
                AgentGiven.Proposal($"call-{n}", zeroWrapUp ? TimeSpan.Zero : AgentGiven.WrapUp, proposalId: n), token, Now);
            if (!decision.IsRejected && decision.Events.Count > 0) _issuedTokens.Add(token);
            return decision;
        }
    }

    private static void AssertConsistent(AgentState s)
    {
        Assert.False(s.Offer is not null && s.Call is not null, "agent holds an offer and a call at once");
        Assert.Equal(s.Status == AgentStatus.Offered, s.Offer is not null);
        Assert.Equal(s.Status == AgentStatus.OnCall, s.Call is not null);
        Assert.Equal(s.Status == AgentStatus.WrapUp, s.WrapUpUntil is not null);
        Assert.True(s.PauseUntil is null || s.Status == AgentStatus.Paused, "a pause deadline outside a pause");
        Assert.True(s.PauseReason is null || s.Status == AgentStatus.Paused, "a pause reason outside a pause");
        Assert.True(s.Stats.CallsHandled >= 0 && s.Stats.MissedOffers >= 0 && s.Stats.TalkTime >= TimeSpan.Zero);
    }

    [Property]
    public Property An_agent_never_holds_an_offer_and_a_call_and_its_offer_and_call_match_its_status() =>
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
    public Property Replaying_the_journal_always_gives_the_live_state() =>
        Prop.ForAll(Scripts(), ops =>
        {
            var run = new Run();
            foreach (var op in ops) run.Do(op);

            var replayed = run.Journal.Aggregate(AgentState.Empty(Id), (s, e) => s.Apply(e));

            Assert.Equal(run.State, replayed);
        });

    [Property]
    public Property Every_offer_ends_exactly_once_and_every_answered_call_finishes_exactly_once() =>
        Prop.ForAll(Scripts(), ops =>
        {
            var run = new Run();
            foreach (var op in ops) run.Do(op);

            // Walk the journal: offer -> (answered -> (finished | voided) | missed | revoked), never overlapping.
            string? openOffer = null, openCall = null;
            foreach (var e in run.Journal)
            {
                switch (e)
                {
                    case OfferReserved r:
                        Assert.Null(openOffer);
                        Assert.Null(openCall);
                        openOffer = r.Token;
                        break;
                    case CallAnswered a:
                        Assert.Equal(openOffer, a.Token);
                        (openOffer, openCall) = (null, a.Token);
                        break;
                    case OfferMissed m:
                        Assert.Equal(openOffer, m.Token);
                        openOffer = null;
                        break;
                    case OfferRevoked v when v.Token == openCall:
                        // An answered call whose caller had already hung up: released, not finished.
                        openCall = null;
                        break;
                    case OfferRevoked v:
                        Assert.Equal(openOffer, v.Token);
                        openOffer = null;
                        break;
                    case CallFinished:
                        Assert.NotNull(openCall);
                        openCall = null;
                        break;
                    case AgentLoggedOut:
                        Assert.Null(openOffer);
                        Assert.Null(openCall);
                        break;
                }
            }
            Assert.Equal(run.State.Offer?.Token, openOffer);
            Assert.Equal(run.State.Call?.Token, openCall);
        });

    [Property]
    public Property Calls_handled_today_count_every_finished_call_of_the_day_and_no_voided_one() =>
        Prop.ForAll(Scripts(), ops =>
        {
            var run = new Run();
            foreach (var op in ops) run.Do(op);

            // Scripts last at most a few hours from 09:00 in Copenhagen: all on one day.
            var finished = run.Journal.OfType<CallFinished>().ToList();
            Assert.Equal(finished.Count, run.State.Stats.CallsHandled);
            Assert.Equal(run.Journal.OfType<OfferMissed>().Count(), run.State.Stats.MissedOffers);
            var answered = run.Journal.OfType<CallAnswered>().Select(a => a.Token).ToHashSet();
            var voided = run.Journal.OfType<OfferRevoked>().Count(v => answered.Contains(v.Token));
            Assert.Equal(answered.Count - (run.State.Call is null ? 0 : 1), finished.Count + voided);
        });
}
