using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Services.Demo;

/// <summary>One service harness with the demo seeded once, shared by the demo tests (they only read it; seeding again
/// is a no-op by design, which one of them checks). Seeding trains and scores the whole demo: doing it per test cost
/// about 40 CPU-seconds each.</summary>
public sealed class SeededDemo : IAsyncLifetime
{
    public ServiceHarness Harness { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Harness = await ServiceHarness.CreateAsync();
        await Harness.Seeder.SeedAsync(default);
    }

    public async Task DisposeAsync() => await Harness.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class SeededDemoCollection : ICollectionFixture<SeededDemo>
{
    public const string Name = "Seeded demo";
}
