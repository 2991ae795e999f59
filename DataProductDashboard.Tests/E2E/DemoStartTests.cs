using System.Net.Http.Json;
using System.Text.Json;
using DataProductDashboard.Tests.Api;

namespace DataProductDashboard.Tests.E2E;

/// <summary>The app started with the demo (the browser journeys' server, seeded once for all of them).</summary>
[Collection(BrowserCollection.Name)]
public sealed class DemoStartTests(DashboardServerFixture server)
{
    [Fact]
    public async Task Start_WithDemo_SeedsBothDemoProducts()
    {
        var list = await server.CreateApiClient().GetFromJsonAsync<JsonElement>("/api/products", ApiTestBase.Json);

        var names = list.EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("Bike rental demand", names);
        Assert.Contains("Credit risk", names);
        Assert.All(list.EnumerateArray().Where(p => p.GetProperty("name").GetString() == "Credit risk"),
            p => Assert.Equal(1, p.GetProperty("championVersion").GetInt32()));
    }
}
