using System.Collections.Concurrent;

namespace DataProductDashboard.Services.Notifications;

/// <summary>Tells open pages that a product changed (batch stored, labels joined, version registered or promoted).
/// Handlers are throttled: a burst of changes within ~200 ms reaches each subscriber once. A disposed subscription
/// never runs its handler again, not even one already waiting out the throttle. Handlers run on the clock's timer, not
/// on the publisher's synchronization context (a component marshals with <c>InvokeAsync</c>).</summary>
public sealed class ProductEvents(TimeProvider clock, ILogger<ProductEvents> logger)
{
    public static readonly TimeSpan Throttle = TimeSpan.FromMilliseconds(200);
    private readonly ConcurrentDictionary<Guid, Subscription> _subscriptions = new();
    private readonly TimeProvider _clock = clock;
    private readonly ILogger<ProductEvents> _logger = logger;

    /// <summary>Calls <paramref name="handler"/> after changes to <paramref name="productId"/> (null: any product)
    /// until the returned subscription is disposed.</summary>
    public IDisposable Subscribe(int? productId, Func<Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var subscription = new Subscription(this, productId, handler);
        _subscriptions[subscription.Id] = subscription;
        return subscription;
    }

    /// <summary>Subscriptions not disposed yet (for tests: every page ends its own).</summary>
    internal int SubscriptionCount => _subscriptions.Count;

    /// <summary>Raised by <see cref="Publish"/> (a change made here), so that other instances on the database hear of it
    /// (<see cref="Operations.InstanceEventRelay"/>); not by <see cref="Deliver"/>.</summary>
    public event Action<int>? Published;

    /// <summary>A change made by this instance: its pages refresh, and the other instances are told.</summary>
    public void Publish(int productId)
    {
        Deliver(productId);
        Published?.Invoke(productId);
    }

    /// <summary>A change this instance's pages must show (made here, or heard from another instance).</summary>
    public void Deliver(int productId)
    {
        foreach (var subscription in _subscriptions.Values)
        {
            if (subscription.ProductId is null || subscription.ProductId == productId)
                subscription.Schedule();
        }
    }

    private sealed class Subscription(ProductEvents owner, int? productId, Func<Task> handler) : IDisposable
    {
        private readonly Lock _gate = new();
        private ITimer? _throttle;
        private volatile bool _disposed;

        public Guid Id { get; } = Guid.NewGuid();
        public int? ProductId => productId;

        /// <summary>Starts the throttle unless it is already running (the change joins the pending call).</summary>
        public void Schedule()
        {
            lock (_gate)
            {
                if (_disposed || _throttle is not null)
                    return;
                _throttle = owner._clock.CreateTimer(static state => ((Subscription)state!).Fire(), this, Throttle, Timeout.InfiniteTimeSpan);
            }
        }

        private void Fire()
        {
            lock (_gate)
            {
                _throttle?.Dispose();
                _throttle = null;
                // Disposed while waiting out the throttle (the page closed, its circuit ended): the handler would act on
                // a dead component.
                if (_disposed)
                    return;
            }
            _ = RunAsync();
        }

        private async Task RunAsync()
        {
            try
            {
                await handler().ConfigureAwait(false);
            }
            catch (ObjectDisposedException) when (_disposed)
            {
                // The subscriber went away while its handler ran: there is nothing left to refresh and nothing to report.
            }
            catch (Exception ex)
            {
                owner._logger.LogWarning(ex, "A product-change handler failed");
            }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                _disposed = true;
                _throttle?.Dispose();
                _throttle = null;
            }
            owner._subscriptions.TryRemove(Id, out _);
        }
    }
}
