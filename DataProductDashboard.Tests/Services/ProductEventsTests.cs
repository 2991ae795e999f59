using DataProductDashboard.Services.Notifications;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace DataProductDashboard.Tests.Services;

/// <summary>The throttle runs on a <see cref="FakeTimeProvider"/>: <c>Advance</c> fires it and runs the handlers
/// before it returns (each test checks a live subscription to prove it), so nothing here waits on the wall clock.</summary>
public sealed class ProductEventsTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly CapturingLoggerProvider _logs = new(LogLevel.Trace);
    private readonly ProductEvents _events;

    public ProductEventsTests() => _events = new ProductEvents(_clock, new Logger<ProductEvents>(new LoggerFactory([_logs])));

    [Fact]
    public void Publish_BurstOfChanges_ReachesASubscriberOnceAndOnlyForItsProduct()
    {
        var calls = 0;
        var other = 0;
        using var subscription = _events.Subscribe(1, Count(() => calls++));
        using var unrelated = _events.Subscribe(2, Count(() => other++));

        for (var i = 0; i < 10; i++)
            _events.Publish(1);
        _clock.Advance(ProductEvents.Throttle);

        Assert.Equal(1, calls);
        Assert.Equal(0, other);
    }

    [Fact]
    public void Publish_WithinTheThrottle_WaitsForIt()
    {
        var calls = 0;
        using var subscription = _events.Subscribe(1, Count(() => calls++));

        _events.Publish(1);
        _clock.Advance(ProductEvents.Throttle - TimeSpan.FromMilliseconds(1));
        var before = calls;
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal((0, 1), (before, calls));
    }

    [Fact]
    public void Publish_AnySubscription_ReachesEveryProductsChanges()
    {
        var calls = 0;
        using var subscription = _events.Subscribe(null, Count(() => calls++));

        _events.Publish(3);
        _clock.Advance(ProductEvents.Throttle);
        _events.Publish(4);
        _clock.Advance(ProductEvents.Throttle);

        Assert.Equal(2, calls);
    }

    [Fact]
    public void Publish_AfterDispose_HandlerNeverRuns()
    {
        var disposedCalls = 0;
        var liveCalls = 0;
        var subscription = _events.Subscribe(null, Count(() => disposedCalls++));
        using var live = _events.Subscribe(null, Count(() => liveCalls++));
        subscription.Dispose();

        _events.Publish(3);
        _clock.Advance(ProductEvents.Throttle * 2);

        Assert.Equal(1, liveCalls);
        Assert.Equal(0, disposedCalls);
        Assert.Empty(_logs.Entries);
    }

    [Fact]
    public void Publish_HandlerDisposedDuringThrottle_NotInvoked()
    {
        var disposedCalls = 0;
        var liveCalls = 0;
        var subscription = _events.Subscribe(7, Count(() => disposedCalls++));
        using var live = _events.Subscribe(7, Count(() => liveCalls++));

        _events.Publish(7);
        _clock.Advance(ProductEvents.Throttle / 2);
        subscription.Dispose();
        _clock.Advance(ProductEvents.Throttle);

        Assert.Equal(1, liveCalls);
        Assert.Equal(0, disposedCalls);
        Assert.Empty(_logs.Entries);
    }

    [Fact]
    public void Publish_HandlerHitsObjectDisposedAfterItsSubscriptionEnded_LogsNothing()
    {
        IDisposable? subscription = null;
        subscription = _events.Subscribe(1, () =>
        {
            // What a closed circuit does: the component is disposed (and with it the subscription) while its refresh runs.
            subscription!.Dispose();
            throw new ObjectDisposedException("renderer");
        });

        _events.Publish(1);
        _clock.Advance(ProductEvents.Throttle);

        Assert.Empty(_logs.Entries);
    }

    [Fact]
    public void Publish_HandlerThrowsObjectDisposedWhileSubscribed_LogsAWarning()
    {
        using var subscription = _events.Subscribe(1, () => Task.FromException(new ObjectDisposedException("something else")));

        _events.Publish(1);
        _clock.Advance(ProductEvents.Throttle);

        var entry = Assert.Single(_logs.Entries);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.IsType<ObjectDisposedException>(entry.Exception);
    }

    [Fact]
    public void Publish_HandlerFails_LogsAWarningAndKeepsNotifying()
    {
        var calls = 0;
        using var subscription = _events.Subscribe(1, () =>
        {
            calls++;
            return calls == 1 ? Task.FromException(new InvalidOperationException("boom")) : Task.CompletedTask;
        });

        _events.Publish(1);
        _clock.Advance(ProductEvents.Throttle);
        _events.Publish(1);
        _clock.Advance(ProductEvents.Throttle);

        var entry = Assert.Single(_logs.Entries);
        Assert.Equal((LogLevel.Warning, "boom"), (entry.Level, entry.Exception?.Message));
        Assert.Equal(2, calls);
    }

    private static Func<Task> Count(Action increment) => () =>
    {
        increment();
        return Task.CompletedTask;
    };
}
