using DataProductDashboard.Tests.Api;

namespace DataProductDashboard.Tests.TestSupport;

/// <summary>One app for the tests of a class that only read or are refused (bad input stores nothing), with a
/// regression product whose v1 was trained through the API: starting an app and training for each case cost seconds.</summary>
public sealed class SharedApp : IAsyncLifetime
{
    public DashboardAppFactory App { get; } = new();

    /// <summary>"Shared rentals", trained (v1 = champion), no batches unless a test stores one.</summary>
    public int ProductId { get; private set; }

    public async Task InitializeAsync() => ProductId = await TrainedProduct.CreateAsync(App.CreateClient(), "Shared rentals");

    public async Task DisposeAsync() => await App.DisposeAsync();

    private sealed class TrainedProduct : ApiTestBase
    {
        public static Task<int> CreateAsync(HttpClient client, string name) => CreateTrainedRegressionProductAsync(client, name);
    }
}
