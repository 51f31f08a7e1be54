using Akka.Actor;
using Akka.Configuration;
using ContactCenter.Actors.Serialization;
using Xunit;

namespace ContactCenter.Actors.Tests.Serialization;

/// <summary>
/// An actor system with serialization configured the production way (the same serializer and binding that
/// <c>WithContactCenterSerialization</c> registers), written out as HOCON.
/// </summary>
public sealed class SerializationSystem : IAsyncLifetime
{
    public const string Hocon = """
        akka {
          loglevel = WARNING
          actor {
            serializers {
              contact-center = "ContactCenter.Actors.Serialization.ContactCenterSerializer, ContactCenter.Actors"
            }
            serialization-bindings {
              "ContactCenter.Actors.Serialization.IContactCenterMessage, ContactCenter.Actors" = contact-center
            }
          }
        }
        """;

    public ActorSystem System { get; } = ActorSystem.Create("ser", ConfigurationFactory.ParseString(Hocon));

    /// <summary>The serializer instance the system bound to the marker interface.</summary>
    public ContactCenterSerializer Serializer =>
        Assert.IsType<ContactCenterSerializer>(System.Serialization.FindSerializerForType(typeof(IContactCenterMessage)));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => System.Terminate();
}

[CollectionDefinition(Name)]
public sealed class SerializationCollection : ICollectionFixture<SerializationSystem>
{
    public const string Name = "serialization";
}
