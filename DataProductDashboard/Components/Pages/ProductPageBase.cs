using DataProductDashboard.Components.Shared;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Notifications;
using DataProductDashboard.Services.Products;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DataProductDashboard.Components.Pages;

/// <summary>What a product's editing pages (gates, notifications) share: the product, a live reload when it changes
/// (one <see cref="ProductEvents"/> subscription per product id), the not-found and load-error states, and running a
/// change (for the roles that may make it) with a busy flag, a snackbar when it is refused, and a reload whatever happened.</summary>
public abstract class ProductPageBase : ComponentBase, IDisposable
{
    private readonly LiveUpdates _live = new();

    [Parameter] public int ProductId { get; set; }
    [Inject] public required ProductService Products { get; init; }
    [Inject] public required ProductEvents Events { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }
    [Inject] public required RoleGuard Guard { get; init; }

    protected CancellationTokenSource Cancellation { get; } = new();
    protected ProductDetail? Product { get; private set; }
    protected bool Busy { get; private set; }
    protected bool NotFound { get; private set; }
    protected string? LoadErrorText { get; private set; }

    /// <summary>Loads the page's own data, after the product, inside the not-found and error handling.</summary>
    protected abstract Task LoadPageAsync(CancellationToken ct);

    /// <summary>Subscribes to the changes of <see cref="ProductId"/> when it is new; true then (the page starts afresh).
    /// The subscription ends with the page (<see cref="LiveUpdates"/>).</summary>
    protected bool FollowProduct() =>
        _live.Follow(Events, ProductId, InvokeAsync, async () =>
        {
            await LoadAsync();
            StateHasChanged();
        });

    protected async Task LoadAsync()
    {
        NotFound = false;
        LoadErrorText = null;
        try
        {
            Product = await Products.GetAsync(ProductId, Cancellation.Token);
            await LoadPageAsync(Cancellation.Token);
        }
        catch (NotFoundException)
        {
            Product = null;
            NotFound = true;
        }
        catch (DashboardException ex)
        {
            LoadErrorText = ex.Message;
        }
        catch (OperationCanceledException) when (Cancellation.IsCancellationRequested)
        {
        }
    }

    /// <summary>Runs a change the user may make with one of <paramref name="roles"/>, reports a refused one, and reloads
    /// whatever happened (a partial "add all" stays added).</summary>
    protected async Task RunAsync(string roles, Func<Task> change)
    {
        if (!await Guard.DemandAsync(roles))
            return;
        Busy = true;
        try
        {
            await change();
        }
        catch (DashboardException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
        finally
        {
            Busy = false;
            await LoadAsync();
        }
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (!disposing)
            return;
        _live.Dispose();
        Cancellation.Cancel();
        Cancellation.Dispose();
    }
}
