using DataProductDashboard.Components.Shared;
using DataProductDashboard.Services.Products;
using Microsoft.AspNetCore.Components;

namespace DataProductDashboard.Components.Pages.Portfolio;

/// <summary>The portfolio: one card per active data product (archived ones on request), refreshed live when any product changes.</summary>
public sealed partial class PortfolioPage : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private IReadOnlyList<ProductSummary>? _products;
    private string? _error;
    private int _archived;
    private bool _showArchived;
    private readonly LiveUpdates _live = new();

    [Inject] public required ProductService Products { get; init; }
    [Inject] public required Services.Notifications.ProductEvents Events { get; init; }
    [Inject] public required ILogger<PortfolioPage> Logger { get; init; }

    protected override async Task OnInitializedAsync()
    {
        _live.Follow(Events, null, InvokeAsync, async () =>
        {
            await LoadAsync();
            StateHasChanged();
        });
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        try
        {
            _products = await Products.ListAsync(_cts.Token, includeArchived: _showArchived);
            _archived = await Products.CountArchivedAsync(_cts.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogError(ex, "Could not load the portfolio");
            _error = $"The portfolio could not be loaded: {ex.Message}";
        }
    }

    private async Task ShowArchivedAsync(bool show)
    {
        _showArchived = show;
        await LoadAsync();
    }

    public void Dispose()
    {
        _live.Dispose();
        _cts.Cancel();
        _cts.Dispose();
    }
}
