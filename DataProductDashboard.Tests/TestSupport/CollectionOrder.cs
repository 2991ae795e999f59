using DataProductDashboard.Tests.E2E;
using Xunit.Abstractions;

[assembly: TestCollectionOrderer("DataProductDashboard.Tests.TestSupport.CollectionOrder", "DataProductDashboard.Tests")]

namespace DataProductDashboard.Tests.TestSupport;

/// <summary>Starts the browser journeys first. They run one after another in one collection, mostly waiting on a
/// browser and a server, so started first they overlap the CPU-bound unit and API collections instead of running on
/// alone at the end (about a minute of the test command on a 2-core machine). The rest keep xunit's default order.</summary>
public sealed class CollectionOrder : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(c => c.DisplayName == BrowserCollection.Name ? 0 : 1).ThenBy(c => c.UniqueID);
}
