using DataProductDashboard.Services.Notifications;

namespace DataProductDashboard.Components.Shared;

/// <summary>A component's live refresh (DESIGN §2): follows one product's changes (or every product's) through
/// <see cref="ProductEvents"/> and ends with the component. Once disposed it subscribes to nothing, a pending refresh
/// never starts, and a refresh already running that runs into the closed component or circuit
/// (<see cref="ObjectDisposedException"/>, or the component's own cancellation) ends quietly. Any other failure
/// still reaches <see cref="ProductEvents"/>, which logs it.</summary>
public sealed class LiveUpdates : IDisposable
{
    private readonly Lock _gate = new();
    private IDisposable? _subscription;
    private int? _productId;
    private bool _following;
    private volatile bool _disposed;

    public bool IsDisposed => _disposed;

    /// <summary>Follows <paramref name="productId"/> (null: every product) unless it already does; true when it started
    /// following it now (the component starts afresh), false when it already did or is disposed.</summary>
    /// <param name="events">Where the changes come from.</param>
    /// <param name="productId">The product to follow; null for all of them.</param>
    /// <param name="invokeAsync">The component's <c>InvokeAsync</c>: <paramref name="refresh"/> runs on its dispatcher.</param>
    /// <param name="refresh">Reloads and re-renders (<c>StateHasChanged</c>).</param>
    public bool Follow(ProductEvents events, int? productId, Func<Func<Task>, Task> invokeAsync, Func<Task> refresh)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(invokeAsync);
        ArgumentNullException.ThrowIfNull(refresh);
        lock (_gate)
        {
            if (_disposed || (_following && _productId == productId))
                return false;
            _subscription?.Dispose();
            _following = true;
            _productId = productId;
            _subscription = events.Subscribe(productId, () => RefreshAsync(invokeAsync, refresh));
            return true;
        }
    }

    private async Task RefreshAsync(Func<Func<Task>, Task> invokeAsync, Func<Task> refresh)
    {
        if (_disposed)
            return;
        try
        {
            await invokeAsync(async () =>
            {
                if (!_disposed)
                    await refresh();
            });
        }
        catch (Exception ex) when (_disposed && ex is ObjectDisposedException or OperationCanceledException)
        {
            // The component (or its whole circuit) went away during the refresh: nothing is left to show it.
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _subscription?.Dispose();
            _subscription = null;
        }
    }
}
