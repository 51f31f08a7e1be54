using Xunit;

namespace ContactCenter.Cli.Tests;

/// <summary>
/// One node shared by the single-node tests: queue "general", agents "anna" (logged out) and "bo", and call "c1"
/// waiting in the queue.
/// </summary>
public sealed class SingleNodeFixture : IAsyncLifetime
{
    public CliNode Node { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Node = await CliNode.StartAsync();
        await Node.CreateQueue("general", "general");
        await Node.CreateAgent("anna", "general", 7);
        await Node.CreateAgent("bo", "law", 3);
        await Node.OfferCall("c1", "general");
    }

    public async Task DisposeAsync() => await Node.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class SingleNodeCollection : ICollectionFixture<SingleNodeFixture>
{
    public const string Name = "single node";
}
