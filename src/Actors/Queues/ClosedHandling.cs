using ContactCenter.Actors.Serialization;

namespace ContactCenter.Actors.Queues;

/// <summary>An operator's override of a queue's opening hours.</summary>
public enum QueueOverride
{
    /// <summary>The queue follows its opening hours.</summary>
    None,
    /// <summary>New calls get the closed handling; calls already waiting are still served.</summary>
    Draining,
    /// <summary>New calls and the calls waiting get the closed handling at once.</summary>
    Closed,
}

/// <summary>What happens at closing time to the calls still waiting.</summary>
public enum AtClosing
{
    /// <summary>They are served (the default): closing only turns new calls away.</summary>
    Serve,
    /// <summary>They get the queue's closed handling at the closing instant (announce, forward or overflow).</summary>
    ApplyClosedHandling,
}

/// <summary>What happens to a call that arrives while its queue is closed.</summary>
public enum ClosedAction
{
    /// <summary>Play the closed announcement with the next opening time, then end the call.</summary>
    Announce,
    /// <summary>Forward the call to a number outside the center (e.g. the department's own evening line).</summary>
    Forward,
    /// <summary>Route the call to another queue instead (its own hours apply; no further chaining).</summary>
    Overflow,
    /// <summary>Book a callback to the caller's number at the next opening (announced), then end the inbound leg.</summary>
    Callback,
}

/// <summary>A queue's closed handling: the action, and its target (a number for Forward, a queue id for Overflow).</summary>
public sealed record ClosedHandling(ClosedAction Action = ClosedAction.Announce, string? Target = null) : IContactCenterMessage
{
    public static readonly ClosedHandling AnnounceNextOpening = new();

    public IEnumerable<string> Validate(string path)
    {
        if (!Enum.IsDefined(Action)) yield return $"{path}.action: {Action} is not a closed action";
        if (Action is ClosedAction.Forward or ClosedAction.Overflow && string.IsNullOrWhiteSpace(Target))
            yield return $"{path}.target: {Action} needs a target ({(Action == ClosedAction.Forward ? "a number" : "a queue id")})";
    }
}
