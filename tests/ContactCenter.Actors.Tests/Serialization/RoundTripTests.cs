using System.Collections.Immutable;
using System.Text;
using ContactCenter.Actors.Serialization;
using Xunit;

namespace ContactCenter.Actors.Tests.Serialization;

/// <summary>Every sample goes through the serializer the actor system binds to it, and comes back whole.</summary>
[Collection(SerializationCollection.Name)]
public sealed class RoundTripTests(SerializationSystem ser)
{
    public static TheoryData<string> SampleNames => new(SampleCatalogue.All.Select(s => s.Name));

    [Fact]
    public void The_catalogue_has_a_sample_of_every_registered_type()
    {
        var sampled = SampleCatalogue.All.Select(s => s.Message.GetType()).ToHashSet();
        var missing = ManifestRegistry.Types.Where(t => !sampled.Contains(t)).Select(ManifestRegistry.ManifestOf).Order().ToList();
        Assert.True(missing.Count == 0, "no sample in SampleCatalogue for: " + string.Join(", ", missing));
        Assert.Equal(SampleCatalogue.All.Count, SampleCatalogue.All.Select(s => s.Name).Distinct().Count());
    }

    [Fact]
    public void Every_property_of_every_type_is_set_in_at_least_one_sample()
    {
        var unset = SampleCatalogue.All
            .GroupBy(s => s.Message.GetType())
            .SelectMany(g => DeepComparison.ReadableProperties(g.Key)
                .Where(p => g.All(s => IsUnset(p.GetValue(s.Message))))
                .Select(p => $"{g.Key.Name}.{p.Name}"))
            .ToList();
        Assert.True(unset.Count == 0, "null or empty in every sample: " + string.Join(", ", unset));
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void A_sample_round_trips_through_the_bound_serializer(string name)
    {
        var sample = SampleCatalogue.Get(name).Message;

        var serializer = ser.System.Serialization.FindSerializerFor(sample);
        var bound = Assert.IsType<ContactCenterSerializer>(serializer);
        var manifest = Akka.Serialization.Serialization.ManifestFor(serializer, sample);
        Assert.Equal(ManifestRegistry.ManifestOf(sample.GetType()), manifest);

        var bytes = serializer.ToBinary(sample);
        var back = bound.FromBinary(bytes, manifest);

        Assert.IsType(sample.GetType(), back);
        Assert.Equal(Encoding.UTF8.GetString(bytes), Encoding.UTF8.GetString(serializer.ToBinary(back)));
        Assert.Equal(bytes, serializer.ToBinary(back));
        Assert.Null(DeepComparison.FirstDifference(sample, back));

        // The way persistence and remoting read it back: by serializer id and manifest.
        var viaSystem = ser.System.Serialization.Deserialize(bytes, bound.Identifier, manifest);
        Assert.IsType(sample.GetType(), viaSystem);
        Assert.Equal(bytes, serializer.ToBinary(viaSystem));
    }

    /// <summary>
    /// A call's history is a list of <see cref="Calls.CallEvents.ICallEvent"/>, written with a "$event"
    /// discriminator: every concrete call event needs a [JsonDerivedType] there, or a call state holding it cannot
    /// be serialized (or read back).
    /// </summary>
    [Fact]
    public void A_call_history_holding_every_call_event_type_round_trips()
    {
        var eventTypes = typeof(Calls.CallEvents.ICallEvent).Assembly.GetTypes()
            .Where(t => typeof(Calls.CallEvents.ICallEvent).IsAssignableFrom(t) && !t.IsAbstract && !t.IsInterface)
            .ToList();
        var history = eventTypes
            .Select(t => SampleCatalogue.All.Select(s => s.Message).FirstOrDefault(m => m.GetType() == t)
                ?? throw new Xunit.Sdk.XunitException($"no sample of {t.FullName}"))
            .Cast<Calls.CallEvents.ICallEvent>()
            .ToImmutableList();
        var state = Calls.CallState.Empty("call-history") with { History = history };

        var bytes = ser.Serializer.ToBinary(state);
        var back = Assert.IsType<Calls.CallState>(ser.Serializer.FromBinary(bytes, ManifestRegistry.ManifestOf(typeof(Calls.CallState))));

        Assert.Equal(eventTypes.Count, back.History.Count);
        Assert.Equal(history.Select(e => e.GetType()), back.History.Select(e => e.GetType()));
        Assert.Null(DeepComparison.FirstDifference(state, back));
        Assert.Equal(bytes, ser.Serializer.ToBinary(back));
    }

    private static bool IsUnset(object? value) => value switch
    {
        null => true,
        ImmutableArray<Queues.WaitingCall> { IsDefaultOrEmpty: true } => true,
        ImmutableArray<Routing.IdleAgent> { IsDefaultOrEmpty: true } => true,
        System.Collections.ICollection { Count: 0 } => true,
        _ => false,
    };
}
