using System.Collections.Immutable;
using Akka.Actor;
using Akka.Cluster.Sharding;
using ContactCenter.Actors.Routing;
using static ContactCenter.Actors.Departments.DepartmentCommands;
using static ContactCenter.Actors.Departments.DepartmentEvents;

namespace ContactCenter.Actors.Departments;

/// <summary>Registry key for the department inbox region.</summary>
public sealed class DepartmentInboxRegion;

/// <summary>One department's inbox, sharded and event-sourced (persistence id <c>department-inbox-{id}</c>).</summary>
public sealed class DepartmentInboxActor : EventSourcedEntity<DepartmentInbox, IDepartmentEvent>
{
    public static readonly EntityMessageExtractor Extractor =
        new(EntityMessageExtractor.DefaultShards, m => (m as IWithDepartmentId)?.DepartmentId);

    private readonly string _departmentId;
    private readonly TimeProvider _time;

    public DepartmentInboxActor(string departmentId, TimeProvider time)
        : base("department-inbox-" + departmentId, "department", DepartmentInbox.Empty(departmentId))
    {
        _departmentId = departmentId;
        _time = time;
        Command<LeaveMessage>(cmd => Handle(State.Decide(cmd, Now), _ => Reply($"message '{cmd.MessageId}' left for department '{_departmentId}'")));
        Command<ClaimMessage>(cmd => Handle(State.Decide(cmd, Now), _ => Reply($"message '{cmd.MessageId}' claimed by '{cmd.By}'")));
        Command<CloseMessage>(cmd => Handle(State.Decide(cmd, Now), _ => Reply($"message '{cmd.MessageId}' closed")));
        Command<ListMessages>(q => Sender.Tell(new DepartmentMessageList(_departmentId, State.List(q.IncludeClosed))));
    }

    private DateTimeOffset Now => _time.GetUtcNow();

    private void Reply(string detail) => Sender.Tell(new CommandAccepted(_departmentId, detail));

    protected override DepartmentInbox ApplyEvent(DepartmentInbox state, IDepartmentEvent e) => state.Apply(e);

    protected override object ToSnapshot(DepartmentInbox state) => new DepartmentInboxSnapshot(state.List(includeClosed: true));

    protected override DepartmentInbox FromSnapshot(object snapshot) =>
        DepartmentInbox.Empty(_departmentId) with
        {
            Messages = ((DepartmentInboxSnapshot)snapshot).Messages.ToImmutableDictionary(m => m.MessageId, StringComparer.Ordinal),
        };
}
