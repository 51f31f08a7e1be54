namespace ContactCenter.Actors.Serialization;

/// <summary>
/// Marks every persisted event, snapshot and cross-node message. The marker binds these types to
/// <see cref="ContactCenterSerializer"/>, so nothing of ours ever falls back to Akka's default serializer.
/// </summary>
public interface IContactCenterMessage;
