namespace ContactCenter.Actors.Tests.Support;

public static class Eventually
{
    /// <summary>Retries an assertion until it holds or the time is up; the last failure is rethrown.</summary>
    public static async Task Holds(Func<Task> assertion, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            try
            {
                await assertion();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(25);
            }
        }
    }

    /// <summary>Polls until the probe returns a value.</summary>
    public static async Task<T> Find<T>(Func<Task<T?>> probe, TimeSpan? within = null) where T : class
    {
        T? found = null;
        await Holds(async () => Xunit.Assert.NotNull(found = await probe()), within);
        return found!;
    }

    public static Task Holds(Action assertion, TimeSpan? within = null) =>
        Holds(() => { assertion(); return Task.CompletedTask; }, within);
}

/// <summary>A database named by a temporary file path (a PostgreSQL schema when the tests run on PostgreSQL).</summary>
public sealed class TempDatabase : IDisposable
{
    public string File { get; } = Path.Combine(Path.GetTempPath(), $"cc-test-{Guid.NewGuid():N}.db");

    public void Dispose() => ContactCenter.Testing.TestPersistence.Delete(File);
}
