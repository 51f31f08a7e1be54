using Akka.Actor;
using static ContactCenter.Actors.Calls.CallCommands;
using static ContactCenter.Actors.Calls.CallEvents;

namespace ContactCenter.Actors.Calls;

/// <summary>The call's voice-menu handling: keys from the adapter, and how the call's outcome reads in a reply.</summary>
public sealed partial class CallActor
{
    private void OnMenuInput(MenuInput cmd) => Handle(State.Decide(cmd, Now, _directory.Routes.GetValueOrDefault, _plan.Plan), events =>
    {
        Sender.Tell(new Routing.CommandAccepted(_callId, Outcome()));
        ReactToAll(events);
    });

    /// <summary>The call's state in one line, for the adapter: where it waits, or where it went.</summary>
    private string Outcome() => State.Status switch
    {
        CallStatus.Queued => $"Queued in queue '{State.Details!.QueueId}'",
        CallStatus.InMenu => $"InMenu '{State.Ivr!.MenuId}' ({State.Ivr.Language})",
        CallStatus.Forwarded when State.History[^1] is CallForwarded f => $"Forwarded to {f.Target} ({f.Reason})",
        CallStatus.ClosedAnnounced when State.History[^1] is CallClosedAnnounced c =>
            c.TargetId is { } target ? $"Closed: directory target '{target}' is closed" : $"Closed: queue '{c.QueueId}' is closed",
        var status => $"{status}" + (State.Details is { } d ? $" in queue '{d.QueueId}'" : ""),
    };
}
