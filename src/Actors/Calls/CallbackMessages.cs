using ContactCenter.Actors.Serialization;

namespace ContactCenter.Actors.Calls;

/// <summary>What the adapter saw when it dialled a callback's citizen.</summary>
public enum CallbackDialResult
{
    Answered,
    NoAnswer,
    Busy,
    Failed,
}

/// <summary>A booked callback: where to call, when it is due, and how attempts are retried (fixed at booking).</summary>
public sealed record CallbackTicket(
    string Number,
    DateTimeOffset? DueAt,
    int MaxAttempts,
    TimeSpan RetryBackoff,
    TimeSpan DialTimeout,
    int Attempts,
    string Reason) : IContactCenterMessage
{
    /// <summary>The wait before the next attempt: the back-off doubles after each failure.</summary>
    public TimeSpan BackoffAfter(int failedAttempts) =>
        TimeSpan.FromTicks(RetryBackoff.Ticks * (1L << Math.Clamp(failedAttempts - 1, 0, 10)));
}

/// <summary>Callback commands from the adapter.</summary>
public static class CallbackCommands
{
    /// <summary>
    /// The caller asks to be called back instead of waiting: at once when its place comes (<paramref name="At"/>
    /// null), or at a chosen time within the queue's opening hours. <paramref name="Number"/> defaults to the caller's.
    /// </summary>
    public sealed record RequestCallback(string CallId, string? Number = null, DateTimeOffset? At = null) : IWithCallId;

    /// <summary>The adapter reports how dialling the citizen went for the attempt under <paramref name="Token"/>.</summary>
    public sealed record ReportCallbackDial(string CallId, string Token, CallbackDialResult Result) : IWithCallId;
}

/// <summary>The callback side of the protocol with queues, and the call's own dial timer.</summary>
public static class CallbackProtocol
{
    /// <summary>Internal: the citizen did not answer within the queue's dial timeout.</summary>
    public sealed record CallbackDialTimedOut(string CallId, string Token) : IWithCallId;
}
