using DataProductDashboard.Configuration;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Jobs;
using DataProductDashboard.Services.Operations;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DataProductDashboard.Tests.Services.Operations;

/// <summary>Two instances' services on one PostgreSQL database, each with its relay: what one publishes reaches the
/// other's pages through LISTEN/NOTIFY.</summary>
public sealed class InstanceEventRelayTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Publish_ProductChangedOnInstanceA_RefreshesASubscriberOnInstanceB_AndNotOtherProducts()
    {
        await using var a = await ServiceHarness.CreateAsync(provider: DatabaseProvider.PostgreSql);
        await using var b = await ServiceHarness.CreateAsync(provider: DatabaseProvider.PostgreSql, settings: SameDatabase(a));
        var product = await a.CreateRegressionProductAsync();
        var refreshed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var otherProduct = 0;
        using var subscription = b.Events.Subscribe(product.Id, () => { refreshed.TrySetResult(); return Task.CompletedTask; });
        using var other = b.Events.Subscribe(product.Id + 1000, () => { Interlocked.Increment(ref otherProduct); return Task.CompletedTask; });
        var (relayA, relayB) = (Relay(a), Relay(b));
        await relayA.StartAsync(default);
        await relayB.StartAsync(default);
        try
        {
            // B listens once its relay connected: publish until it heard (each publish is one NOTIFY).
            using var timeout = new CancellationTokenSource(Wait);
            while (!refreshed.Task.IsCompleted)
            {
                a.Events.Publish(product.Id);
                await Task.WhenAny(refreshed.Task, Task.Delay(300, timeout.Token));
            }
        }
        finally
        {
            await relayA.StopAsync(default);
            await relayB.StopAsync(default);
        }

        Assert.True(refreshed.Task.IsCompletedSuccessfully);
        Assert.Equal(0, otherProduct);
    }

    [Fact]
    public async Task Enqueue_JobQueuedOnInstanceA_IsAnnouncedOnInstanceBWithItsStoredState()
    {
        await using var a = await ServiceHarness.CreateAsync(backgroundBatchRows: 100, provider: DatabaseProvider.PostgreSql);
        await using var b = await ServiceHarness.CreateAsync(backgroundBatchRows: 100, provider: DatabaseProvider.PostgreSql, settings: SameDatabase(a));
        var product = await a.CreateRegressionProductAsync();
        var heard = new TaskCompletionSource<JobStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
        b.Jobs.Changed += status => heard.TrySetResult(status);
        var (relayA, relayB) = (Relay(a), Relay(b));
        await relayA.StartAsync(default);
        await relayB.StartAsync(default);
        JobStatus queued;
        try
        {
            await Task.Delay(500); // both relays listening
            using var file = await a.UploadAsync(TestSchemas.RegressionCsv(150, withLabel: false), "big.csv");
            queued = (await a.Intake.SubmitAsync(product.Id, file, BatchSource.Api, allowDuplicate: false, null, default)).Job!;
            await heard.Task.WaitAsync(Wait);
        }
        finally
        {
            await relayA.StopAsync(default);
            await relayB.StopAsync(default);
        }

        var announced = await heard.Task;
        Assert.Equal(queued.Id, announced.Id);
        Assert.Equal(JobState.Queued, announced.State);
        Assert.Equal(product.Id, announced.ProductId);
    }

    private static Dictionary<string, string?> SameDatabase(ServiceHarness other) => new()
    {
        ["ConnectionStrings:Dashboard"] = other.Get<IOptions<DatabaseOptions>>().Value.ConnectionString,
    };

    private static InstanceEventRelay Relay(ServiceHarness h) => ActivatorUtilities.CreateInstance<InstanceEventRelay>(h.ServiceProvider);
}
