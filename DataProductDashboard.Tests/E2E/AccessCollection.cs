namespace DataProductDashboard.Tests.E2E;

/// <summary>The first-start journey on a server of its own: the first Admin's one-time password can be replaced only
/// once, so no other journey shares this server and the order of the journeys never matters. It runs beside the other
/// collections (one short journey; alone at the end it added half a minute to the test command).</summary>
[CollectionDefinition(Name)]
public sealed class AccessCollection : ICollectionFixture<DashboardServerFixture>
{
    public const string Name = "Browser (first start)";
}
