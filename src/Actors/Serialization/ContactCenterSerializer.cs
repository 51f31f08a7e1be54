using System.Text.Json;
using System.Text.Json.Serialization;
using Akka.Actor;
using Akka.Serialization;

namespace ContactCenter.Actors.Serialization;

/// <summary>
/// System.Text.Json with string manifests from <see cref="ManifestRegistry"/>, bound to
/// <see cref="IContactCenterMessage"/>. Enums travel as names so reordering an enum cannot corrupt a journal.
/// </summary>
public sealed class ContactCenterSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    public const int SerializerId = 4711;
    public const string Name = "contact-center";

    public static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        // A renamed or missing field must fail loudly, not turn into null or a default in a replayed journal.
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public override int Identifier => SerializerId;

    public override string Manifest(object o) => ManifestRegistry.ManifestOf(o.GetType());

    public override byte[] ToBinary(object obj) => JsonSerializer.SerializeToUtf8Bytes(obj, obj.GetType(), Options);

    public override object FromBinary(byte[] bytes, string manifest) =>
        JsonSerializer.Deserialize(bytes, ManifestRegistry.TypeOf(manifest), Options)
        ?? throw new System.Runtime.Serialization.SerializationException($"'{manifest}' deserialized to null");
}
