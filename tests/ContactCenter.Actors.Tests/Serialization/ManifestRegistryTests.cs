using System.Runtime.Serialization;
using ContactCenter.Actors.Serialization;
using Xunit;

namespace ContactCenter.Actors.Tests.Serialization;

[Collection(SerializationCollection.Name)]
public sealed class ManifestRegistryTests(SerializationSystem ser)
{
    private static readonly Type[] MessageTypes = typeof(IContactCenterMessage).Assembly.GetTypes()
        .Where(t => typeof(IContactCenterMessage).IsAssignableFrom(t) && !t.IsAbstract && !t.IsInterface)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToArray();

    [Fact]
    public void Every_concrete_message_type_in_the_assembly_has_a_manifest()
    {
        Assert.NotEmpty(MessageTypes);
        var missing = MessageTypes.Where(t => !ManifestRegistry.Types.Contains(t)).Select(t => t.FullName).ToList();
        Assert.True(missing.Count == 0, "no manifest in ManifestRegistry for: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_registered_type_is_a_concrete_message_type_of_the_assembly()
    {
        var strays = ManifestRegistry.Types.Except(MessageTypes).Select(t => t.FullName).ToList();
        Assert.True(strays.Count == 0,
            "registered but not a concrete IContactCenterMessage of ContactCenter.Actors (the binding would not reach it): "
            + string.Join(", ", strays));
    }

    [Fact]
    public void Manifests_are_unique_and_map_back_to_their_type()
    {
        var duplicates = ManifestRegistry.Types
            .GroupBy(ManifestRegistry.ManifestOf, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => $"'{g.Key}': {string.Join(", ", g.Select(t => t.FullName))}")
            .ToList();
        Assert.True(duplicates.Count == 0, "manifests used by more than one type: " + string.Join("; ", duplicates));

        foreach (var type in ManifestRegistry.Types)
        {
            var manifest = ManifestRegistry.ManifestOf(type);
            Assert.False(string.IsNullOrWhiteSpace(manifest), $"{type.FullName} has an empty manifest");
            Assert.DoesNotContain(manifest, char.IsWhiteSpace);
            Assert.Equal(type, ManifestRegistry.TypeOf(manifest));
        }
    }

    [Fact]
    public void An_unknown_manifest_is_a_SerializationException_naming_it()
    {
        const string manifest = "agent.teleported.v9";
        var bytes = """{"AgentId":"agent-0042"}"""u8.ToArray();

        var direct = Assert.Throws<SerializationException>(() => ser.Serializer.FromBinary(bytes, manifest));
        Assert.Contains($"'{manifest}'", direct.Message);

        // The path a journal or the remoting layer takes: by serializer id and manifest.
        var viaSystem = Assert.Throws<SerializationException>(
            () => ser.System.Serialization.Deserialize(bytes, ContactCenterSerializer.SerializerId, manifest));
        Assert.Contains($"'{manifest}'", viaSystem.Message);
    }
}
