using ContactCenter.Actors.Departments;
using ContactCenter.Actors.Entries;
using ContactCenter.Actors.Routing;
using static ContactCenter.Actors.Calls.CallCommands;
using static ContactCenter.Actors.Calls.CallEvents;

namespace ContactCenter.Actors.Calls;

/// <summary>Where a call is in the voice menus: the menu, the language it hears, and how many times it was played.</summary>
public sealed record IvrPosition(string MenuId, string Language, int Attempt);

/// <summary>Calls that come in on an entry number: menus, choices, the routing plan, and where they end up.</summary>
public sealed partial record CallState
{
    /// <summary>How the call came in, when it dialled an entry number (null for calls offered straight to a queue).</summary>
    public CallEntered? Entry { get; init; }

    /// <summary>The menu the call is in (or was last in).</summary>
    public IvrPosition? Ivr { get; init; }

    private CallState ApplyEntry(ICallEvent e) => e switch
    {
        CallEntered en => this with { Status = CallStatus.InMenu, Entry = en },
        CallMenuEntered m => this with { Status = CallStatus.InMenu, Ivr = new IvrPosition(m.MenuId, m.Language, m.Attempt) },
        _ => this,
    };

    /// <summary>A call for an entry number: entered, then walked through the keys the adapter already collected.</summary>
    private Decision<ICallEvent> DecideEntry(OfferCall cmd, DateTimeOffset now, Func<string, QueueRoute?> routes, EntryPlan plan)
    {
        var entry = plan.NumberFor(cmd.Dialled)!;
        var language = string.IsNullOrWhiteSpace(cmd.Language) ? entry.Language : cmd.Language;
        var entered = new CallEntered(cmd.From, PhoneNumber.Normalize(cmd.Dialled), entry.Number, language, cmd.Priority,
            CprNumber.Protect(cmd.AttachedData), now);
        var walk = new MenuWalk(CallId, plan, routes, now, entered, null);
        walk.Go(entry.Destination, $"entry number {entry.Number}");
        foreach (var keys in cmd.Choices ?? [])
        {
            if (walk.Stopped) break; // keys after the call left the menus are ignored
            walk.Input(keys);
        }
        return walk.Result([entered]);
    }

    /// <summary>The caller's keys (or a timeout) in the menu the call is in.</summary>
    public Decision<ICallEvent> Decide(MenuInput cmd, DateTimeOffset now, Func<string, QueueRoute?> routes, EntryPlan plan)
    {
        if (Status == CallStatus.None) return Decision<ICallEvent>.Reject(CallId, RejectionCode.NotFound, $"call '{CallId}' does not exist");
        if (Status != CallStatus.InMenu || Ivr is null)
            return Decision<ICallEvent>.Reject(CallId, RejectionCode.IllegalTransition, $"call '{CallId}' is {Status}, not in a menu");
        if (cmd.Digits is { Length: > 0 } d && (d.Length > 16 || !d.All(c => char.IsAsciiDigit(c) || c is '*' or '#')))
            return Decision<ICallEvent>.Reject(CallId, RejectionCode.Invalid, "digits: only 0-9, * and #, at most 16");
        var walk = new MenuWalk(CallId, plan, routes, now, Entry!, Ivr);
        walk.Input(cmd.Digits);
        return walk.Result([]);
    }

    /// <summary>
    /// Walks a call through destinations and menu keys, collecting the events. Areas resolve through the routing
    /// plan at the call's arrival instant, so a go-live applies to calls that arrive from that instant on.
    /// </summary>
    private sealed class MenuWalk(
        string callId, EntryPlan plan, Func<string, QueueRoute?> routes, DateTimeOffset now, CallEntered entry, IvrPosition? position)
    {
        private readonly List<ICallEvent> _events = [];
        private CommandRejected? _rejection;
        private IvrPosition? _position = position;
        private bool _final;

        public bool Stopped => _final || _rejection is not null;

        public Decision<ICallEvent> Result(ICallEvent[] first) => _rejection is { } r
            ? new Decision<ICallEvent>([], r)
            : Decision<ICallEvent>.Accept([.. first, .. _events]);

        private void Reject(RejectionCode code, string reason) => _rejection ??= new CommandRejected(callId, code, reason);

        public void Input(string? digits)
        {
            if (_position is null || !plan.Menus.TryGetValue(_position.MenuId, out var menu))
            {
                // The menu was removed while the caller was in it: start again from the entry number.
                _events.Add(new CallMenuChoice(_position?.MenuId ?? "", digits, "menu-removed", now));
                if (plan.NumberFor(entry.EntryNumber) is { } again) Go(again.Destination, $"entry number {entry.EntryNumber}");
                else Reject(RejectionCode.NotFound, $"entry number '{entry.EntryNumber}' and menu '{_position?.MenuId}' no longer exist");
                return;
            }
            if (string.IsNullOrEmpty(digits))
            {
                _events.Add(new CallMenuChoice(menu.Id, null, "default:" + menu.Default, now));
                Go(menu.Default, $"menu '{menu.Id}' default");
            }
            else if (menu.Options.TryGetValue(digits, out var option))
            {
                _events.Add(new CallMenuChoice(menu.Id, digits, option.ToString(), now));
                Go(option, $"menu '{menu.Id}' key {digits}");
            }
            else if (menu.Extension is { } x && digits.Length == x.Digits && digits.All(char.IsAsciiDigit)
                     && plan.NumberFor(PhoneNumber.Normalize(x.Prefix) + digits) is null) // not back into an entry number
            {
                var number = PhoneNumber.Normalize(x.Prefix) + digits;
                _events.Add(new CallMenuChoice(menu.Id, digits, "extension:" + number, now));
                Final(new CallForwarded(number, $"menu '{menu.Id}' extension {digits}", now));
            }
            else if (_position.Attempt >= menu.MaxAttempts)
            {
                _events.Add(new CallMenuChoice(menu.Id, digits, "invalid", now));
                Go(menu.Default, $"menu '{menu.Id}' default after {_position.Attempt} unknown keys");
            }
            else
            {
                _events.Add(new CallMenuChoice(menu.Id, digits, "invalid", now));
                Play(menu.Id, _position.Language, _position.Attempt + 1);
            }
        }

        public void Go(Destination d, string reason)
        {
            if (Stopped) return;
            if (d.Menu is { } menuId)
            {
                if (!plan.Menus.ContainsKey(menuId)) Reject(RejectionCode.NotFound, $"menu '{menuId}' does not exist ({reason})");
                else Play(menuId, _position?.Language ?? entry.Language, 1);
            }
            else if (d.Language is { } language)
            {
                if (_position is null) Reject(RejectionCode.Invalid, $"a language switch needs a menu to replay ({reason})");
                else Play(_position.MenuId, language, 1);
            }
            else if (d.Area is { } area)
            {
                // Resolved by the call's arrival, not by the instant of the key press: no race at go-live.
                if (plan.RouteFor(area, entry.At) is not { } change)
                {
                    Reject(RejectionCode.NotFound, $"area '{area}' has no routing plan in effect at {entry.At:O} ({reason})");
                    return;
                }
                _events.Add(new CallPlanRouted(area, change.Version, change.Destination.ToString(), now));
                Go(change.Destination, $"area '{area}' plan version {change.Version}");
            }
            else if (d.Queue is { } queueId)
            {
                if (routes(queueId) is not { } route)
                {
                    Reject(RejectionCode.NotFound, $"queue '{queueId}' does not exist ({reason})");
                    return;
                }
                var offered = new CallOffered(entry.From, entry.Dialled, queueId, _position?.Language ?? entry.Language,
                    new CallRank(entry.Priority, now), entry.AttachedData, now);
                _events.Add(offered);
                if (!route.IsOpen(now)) _events.Add(Closed(route, routes, now, plan));
                _final = true;
            }
            else if (d.Target is { } targetId)
            {
                if (plan.Lookup(targetId, now) is not { } target) Reject(RejectionCode.NotFound, $"directory target '{targetId}' does not exist ({reason})");
                else Final(ForwardTo(target, reason, now));
            }
            else if (d.Number is { } number)
            {
                Final(new CallForwarded(PhoneNumber.Normalize(number), reason, now));
            }
        }

        private void Play(string menuId, string language, int attempt)
        {
            _position = new IvrPosition(menuId, language, attempt);
            _events.Add(new CallMenuEntered(menuId, language, attempt, now));
        }

        private void Final(ICallEvent e)
        {
            _events.Add(e);
            _final = true;
        }
    }

    /// <summary>A forward to a directory target: its number while it is open, else the announcement of its next opening.</summary>
    private static ICallEvent ForwardTo(DirectoryLookup target, string reason, DateTimeOffset now) =>
        target.OpenNow
            ? new CallForwarded(target.Number, reason, now, target.TargetId)
            : new CallClosedAnnounced("", target.NextOpening, now, target.TargetId);
}
