using DataProductDashboard.Components.Shared;
using DataProductDashboard.Services.Notifications;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace DataProductDashboard.Tests.Components;

/// <summary>The component side of live refresh, with the component's <c>InvokeAsync</c> stood in by a direct call and
/// the throttle on a fake clock.</summary>
public sealed class LiveUpdatesTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly CapturingLoggerProvider _logs = new(LogLevel.Trace);
    private readonly ProductEvents _events;

    public LiveUpdatesTests() => _events = new ProductEvents(_clock, new Logger<ProductEvents>(new LoggerFactory([_logs])));

    [Fact]
    public void Follow_SameProductTwice_KeepsOneSubscription()
    {
        using var live = new LiveUpdates();

        var first = live.Follow(_events, 1, Invoke, () => Task.CompletedTask);
        var second = live.Follow(_events, 1, Invoke, () => Task.CompletedTask);

        Assert.Equal((true, false, 1), (first, second, _events.SubscriptionCount));
    }

    [Fact]
    public void Follow_AnotherProduct_FollowsOnlyTheNewOne()
    {
        using var live = new LiveUpdates();
        var refreshed = 0;
        live.Follow(_events, 1, Invoke, Count(() => refreshed++));

        Assert.True(live.Follow(_events, 2, Invoke, Count(() => refreshed++)));
        _events.Publish(1);
        _clock.Advance(ProductEvents.Throttle);
        var afterOldProduct = refreshed;
        _events.Publish(2);
        _clock.Advance(ProductEvents.Throttle);

        Assert.Equal((1, 0, 1), (_events.SubscriptionCount, afterOldProduct, refreshed));
    }

    [Fact]
    public void Follow_AfterDispose_SubscribesToNothing()
    {
        var live = new LiveUpdates();
        live.Dispose();

        var followed = live.Follow(_events, null, Invoke, () => Task.CompletedTask);

        Assert.False(followed);
        Assert.Equal(0, _events.SubscriptionCount);
    }

    [Fact]
    public void Dispose_PendingRefresh_NeverRuns()
    {
        var live = new LiveUpdates();
        var refreshed = 0;
        live.Follow(_events, 1, Invoke, Count(() => refreshed++));
        _events.Publish(1);

        live.Dispose();
        _clock.Advance(ProductEvents.Throttle);

        Assert.Equal((0, 0), (refreshed, _events.SubscriptionCount));
        Assert.Empty(_logs.Entries);
    }

    [Theory]
    [InlineData(nameof(ObjectDisposedException))]
    [InlineData(nameof(OperationCanceledException))]
    public void Publish_ComponentDisposedDuringRefresh_LogsNothing(string failure)
    {
        var live = new LiveUpdates();
        live.Follow(_events, 1, Invoke, () =>
        {
            // The circuit closes while the page reloads: the component is disposed, its token cancelled, its renderer gone.
            live.Dispose();
            throw failure == nameof(ObjectDisposedException) ? new ObjectDisposedException("renderer") : new OperationCanceledException();
        });

        _events.Publish(1);
        _clock.Advance(ProductEvents.Throttle);

        Assert.True(live.IsDisposed);
        Assert.Empty(_logs.Entries);
    }

    [Fact]
    public void Publish_RefreshFailsWhileTheComponentLives_IsLogged()
    {
        using var live = new LiveUpdates();
        live.Follow(_events, 1, Invoke, () => throw new ObjectDisposedException("a service the page still needs"));

        _events.Publish(1);
        _clock.Advance(ProductEvents.Throttle);

        Assert.IsType<ObjectDisposedException>(Assert.Single(_logs.Entries).Exception);
    }

    private static Task Invoke(Func<Task> work) => work();

    private static Func<Task> Count(Action increment) => () =>
    {
        increment();
        return Task.CompletedTask;
    };
}
