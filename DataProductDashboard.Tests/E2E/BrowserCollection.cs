namespace DataProductDashboard.Tests.E2E;

/// <summary>Browser journeys share one server and one chromium, and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<DashboardServerFixture>
{
    public const string Name = "Browser";
}
