namespace DataProductDashboard.Tests.E2E;

/// <summary>The first-start journey on a server of its own: the first Admin's one-time password can be replaced only
/// once, so no other journey shares this server and the order of the journeys never matters. It runs after the
/// parallel collections, alone, so that two browsers and two servers do not share the machine.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AccessCollection : ICollectionFixture<FirstStartServerFixture>
{
    public const string Name = "Browser (first start)";
}

/// <summary>A first start without the demo: the store holds nothing but the first Admin (and seeding no demo saves the
/// run half a minute).</summary>
public sealed class FirstStartServerFixture() : DashboardServerFixture(seedDemo: false);
