using System.Collections.Concurrent;

namespace DataProductDashboard.Services.Notifications;

/// <summary>Tells open pages that a product changed (batch stored, labels joined, version registered or promoted).
/// Handlers are throttled: a burst of changes within ~200 ms reaches each subscriber once.</summary>
public sealed class ProductEvents(TimeProvider clock, ILogger<ProductEvents> logger)
{
    public static readonly TimeSpan Throttle = TimeSpan.FromMilliseconds(200);
    private readonly ConcurrentDictionary<Guid, Subscription> _subscriptions = new();
    private readonly TimeProvider _clock = clock;
    private readonly ILogger<ProductEvents> _logger = logger;

    /// <summary>Calls <paramref name="handler"/> after changes to <paramref name="productId"/> (null: any product).</summary>
    public IDisposable Subscribe(int? productId, Func<Task> handler)
    {
        var subscription = new Subscription(this, productId, handler);
        _subscriptions[subscription.Id] = subscription;
        return subscription;
    }

    public void Publish(int productId)
    {
        foreach (var subscription in _subscriptions.Values)
        {
            if (subscription.ProductId is null || subscription.ProductId == productId)
                subscription.Schedule();
        }
    }

    private sealed class Subscription(ProductEvents owner, int? productId, Func<Task> handler) : IDisposable
    {
        private int _pending;

        public Guid Id { get; } = Guid.NewGuid();
        public int? ProductId => productId;

        public void Schedule()
        {
            if (Interlocked.Exchange(ref _pending, 1) == 1)
                return;
            _ = RunAsync();
        }

        private async Task RunAsync()
        {
            try
            {
                await Task.Delay(Throttle, owner._clock);
                Interlocked.Exchange(ref _pending, 0);
                await handler();
            }
            catch (Exception ex)
            {
                owner._logger.LogWarning(ex, "A product-change handler failed");
            }
        }

        public void Dispose() => owner._subscriptions.TryRemove(Id, out _);
    }

}
