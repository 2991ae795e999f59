using DataProductDashboard.Tests.E2E;
using Xunit.Abstractions;

[assembly: TestCollectionOrderer("DataProductDashboard.Tests.TestSupport.CollectionOrder", "DataProductDashboard.Tests")]

namespace DataProductDashboard.Tests.TestSupport;

/// <summary>Queues the browser journeys after every other parallel collection. The journeys drive chromium and an app
/// process: run beside the CPU-bound unit and API collections on a 2-core machine they slowed those by a third
/// (test time 12.5 min), started once most of them are done they ran in 10.6 min. xunit's own order (by collection
/// id, a hash) put them anywhere, moving as test classes were added.</summary>
public sealed class CollectionOrder : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(c => c.DisplayName == BrowserCollection.Name ? 1 : 0).ThenBy(c => c.UniqueID);
}
