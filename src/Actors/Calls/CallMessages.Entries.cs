using System.Collections.Immutable;

namespace ContactCenter.Actors.Calls;

public static partial class CallCommands
{
    /// <summary>
    /// The caller's input in the menu the call is in: the keys pressed (one option key, or a whole extension),
    /// or null when nothing was pressed before the menu's timeout.
    /// </summary>
    public sealed record MenuInput(string CallId, string? Digits) : IWithCallId;
}

public static partial class CallEvents
{
    /// <summary>The call reached an entry number of the center (before any menu). Attached data is stored masked.</summary>
    public sealed record CallEntered(
        string From,
        string Dialled,
        string EntryNumber,
        string Language,
        int Priority,
        ImmutableDictionary<string, string> AttachedData,
        DateTimeOffset At) : ICallEvent;

    /// <summary>A menu was played to the caller (attempt 1, or a replay after an unknown key or a language switch).</summary>
    public sealed record CallMenuEntered(string MenuId, string Language, int Attempt, DateTimeOffset At) : ICallEvent;

    /// <summary>
    /// What the caller keyed in a menu (null: nothing, timed out) and what it led to: "queue:x", "menu:y",
    /// "target:z", "number:+45...", "language:en", "area:a", "extension:+45...", "invalid" or "default:...".
    /// </summary>
    public sealed record CallMenuChoice(string MenuId, string? Digits, string Outcome, DateTimeOffset At) : ICallEvent;

    /// <summary>The routing plan sent the area's call on: the plan change (version) in effect at the call's arrival.</summary>
    public sealed record CallPlanRouted(string Area, int PlanVersion, string Destination, DateTimeOffset At) : ICallEvent;
}
