using DataProductDashboard.Services.Notifications;
using Microsoft.Extensions.Logging.Abstractions;

namespace DataProductDashboard.Tests.Services;

public sealed class ProductEventsTests
{
    [Fact]
    public async Task Publish_BurstOfChanges_ReachesASubscriberOnceAndOnlyForItsProduct()
    {
        var events = new ProductEvents(TimeProvider.System, NullLogger<ProductEvents>.Instance);
        var calls = 0;
        var other = 0;
        var called = new TaskCompletionSource();
        using var subscription = events.Subscribe(1, () =>
        {
            Interlocked.Increment(ref calls);
            called.TrySetResult();
            return Task.CompletedTask;
        });
        using var unrelated = events.Subscribe(2, () =>
        {
            Interlocked.Increment(ref other);
            return Task.CompletedTask;
        });

        for (var i = 0; i < 10; i++)
            events.Publish(1);
        await called.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(ProductEvents.Throttle * 2);

        Assert.Equal(1, calls);
        Assert.Equal(0, other);
    }

    [Fact]
    public async Task Dispose_StopsNotifications()
    {
        var events = new ProductEvents(TimeProvider.System, NullLogger<ProductEvents>.Instance);
        var calls = 0;
        var subscription = events.Subscribe(null, () =>
        {
            Interlocked.Increment(ref calls);
            return Task.CompletedTask;
        });
        subscription.Dispose();

        events.Publish(3);
        await Task.Delay(ProductEvents.Throttle * 2);

        Assert.Equal(0, calls);
    }
}
