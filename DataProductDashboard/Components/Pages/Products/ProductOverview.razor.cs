using System.Globalization;
using DataProductDashboard.Components.Shared;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Audit;
using DataProductDashboard.Services.Batches;
using DataProductDashboard.Services.Models;
using DataProductDashboard.Services.Products;
using DataProductDashboard.ViewModels.Formatting;
using DataProductDashboard.ViewModels.Products;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DataProductDashboard.Components.Pages.Products;

/// <summary>A product's overview: the operationalization cycle, the champion, headline numbers (with batch health and
/// open alerts), the most urgent insights and the schema; refreshed live when the product changes.</summary>
public sealed partial class ProductOverview : IDisposable
{
    private const int LatencyWindow = 50;
    private const int InsightsShown = 3;
    private readonly CancellationTokenSource _cts = new();
    private readonly LiveUpdates _live = new();
    private ProductDetail? _product;
    private ModelVersionSummary? _champion;
    private IReadOnlyList<CycleStage> _cycle = [];
    private IReadOnlyList<Analysis.Insights.Insight> _insights = [];
    private double? _medianP95;
    private int _latencyBatches;
    private IReadOnlyList<SchemaVersionView> _versions = [];
    private ViewModels.Formatting.ZonedDisplay Zone = ViewModels.Formatting.ZonedDisplay.Utc;
    private bool _busy;
    private bool _notFound;
    private string? _error;

    [Parameter] public int ProductId { get; set; }
    [Inject] public required ProductService Products { get; init; }
    [Inject] public required ModelRegistryService Models { get; init; }
    [Inject] public required BatchQueries Batches { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }
    [Inject] public required AuditQueryService Audits { get; init; }
    [Inject] public required Services.Insights.InsightService Insights { get; init; }
    [Inject] public required Services.Kpis.KpiService Kpis { get; init; }

    [Inject] public required Services.Notifications.ProductEvents Events { get; init; }
    [Inject] public required ProductLifecycleService Lifecycle { get; init; }
    [Inject] public required ProductSchemaService Schemas { get; init; }
    [Inject] public required ActorResolver Actors { get; init; }
    [Inject] public required RoleGuard Guard { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }

    protected override async Task OnParametersSetAsync()
    {
        _live.Follow(Events, ProductId, InvokeAsync, async () =>
        {
            await LoadAsync();
            StateHasChanged();
        });
        _product = null;
        _champion = null;
        await LoadAsync();
    }

    [Inject] public required MudBlazor.IDialogService Dialogs { get; init; }

    private async Task EditAsync()
    {
        if (_product is null)
            return;
        var dialog = await Dialogs.ShowAsync<Components.Dialogs.EditProductDialog>("Edit product details",
            new MudBlazor.DialogParameters { [nameof(Components.Dialogs.EditProductDialog.Product)] = _product });
        if (await dialog.Result is { Canceled: false, Data: ProductDetail saved })
            _product = saved;
    }

    private async Task ArchiveAsync()
    {
        if (_product is null || !await Guard.DemandAsync(DashboardRoles.Managers))
            return;
        var confirmed = await Dialogs.ShowMessageBoxAsync($"Archive '{_product.Name}'?",
            "The product becomes read-only and leaves the portfolio (it stays under \"Show archived\"); its open alerts are resolved. You can restore it at any time.",
            yesText: "Archive", cancelText: "Cancel");
        if (confirmed == true)
            await RunAsync(async () => _product = await Lifecycle.ArchiveAsync(ProductId, Actors.Ui, _cts.Token), "Archived: read-only until restored.");
    }

    private async Task RestoreAsync()
    {
        if (_product is null || !await Guard.DemandAsync(DashboardRoles.Managers))
            return;
        await RunAsync(async () => _product = await Lifecycle.RestoreAsync(ProductId, Actors.Ui, _cts.Token), "Restored: the product is active again.");
    }

    private async Task DeleteAsync()
    {
        if (_product is null)
            return;
        var dialog = await Dialogs.ShowAsync<Components.Dialogs.DeleteProductDialog>("Delete product",
            new DialogParameters { [nameof(Components.Dialogs.DeleteProductDialog.Product)] = _product });
        if (await dialog.Result is { Canceled: false, Data: ProductDeletion deleted })
        {
            Snackbar.Add($"'{deleted.Name}' was deleted with {Display.Count(deleted.Rows.Values.Sum())} rows and {deleted.Files} files.", Severity.Success);
            Navigation.NavigateTo("/");
        }
    }

    private async Task ChangeSchemaAsync()
    {
        if (_product is null)
            return;
        var dialog = await Dialogs.ShowAsync<Components.Dialogs.SchemaChangeDialog>("Change schema",
            new DialogParameters { [nameof(Components.Dialogs.SchemaChangeDialog.Product)] = _product }, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: SchemaVersionView saved })
        {
            Snackbar.Add($"Schema version {saved.Version} saved: {string.Join(" ", saved.Changes)}", Severity.Success);
            await LoadAsync();
        }
    }

    private async Task RunAsync(Func<Task> change, string done)
    {
        _busy = true;
        try
        {
            await change();
            Snackbar.Add(done, Severity.Success);
        }
        catch (DashboardException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>Loads (or, on a product change, reloads) everything the overview shows.</summary>
    private async Task LoadAsync()
    {
        _notFound = false;
        _error = null;
        try
        {
            var product = await Products.GetAsync(ProductId, _cts.Token);
            if (product.ChampionVersion is { } number)
                _champion = await Models.GetAsync(ProductId, number, _cts.Token);
            var recent = await Batches.ListAsync(ProductId, 1, LatencyWindow, BatchSort.ReceivedAt, true, _cts.Token);
            _latencyBatches = recent.Items.Count;
            _medianP95 = Median(recent.Items.Select(b => b.LatencyP95Micros));
            // The KPIs are judged once and serve both the cycle and the insights (judging a long off-target run reads
            // the audit of every batch in it).
            var kpis = await Kpis.ListOverviewAsync(ProductId, _cts.Token);
            _cycle = OperationalizationCycle.For(product, await Audits.GetHealthAsync(ProductId, _cts.Token), kpis);
            _insights = (await Insights.GetAsync(ProductId, kpis, _cts.Token)).Insights.Take(InsightsShown).ToList();
            _versions = await Schemas.ListVersionsAsync(ProductId, _cts.Token);
            Zone = ViewModels.Formatting.ZonedDisplay.For(product.TimeZone);
            _product = product;
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
        }
        catch (NotFoundException)
        {
            _notFound = true;
        }
        catch (DashboardException ex)
        {
            _error = ex.Message;
        }
    }

    private static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Where(double.IsFinite).Order().ToArray();
        return sorted.Length == 0 ? null : Analysis.Statistics.Summary.Quantile(sorted, 0.5);
    }

    private static Color ChipColor(CycleStageState state) => state switch
    {
        CycleStageState.Done => Color.Success,
        CycleStageState.ActionNeeded => Color.Warning,
        CycleStageState.Failing => Color.Error,
        _ => Color.Default,
    };

    private static string ChipIcon(CycleStageState state) => state switch
    {
        CycleStageState.Done => Icons.Material.Filled.CheckCircle,
        CycleStageState.ActionNeeded => Icons.Material.Filled.ErrorOutline,
        CycleStageState.Failing => Icons.Material.Filled.Error,
        _ => Icons.Material.Outlined.Schedule,
    };

    private static string Allowed(ColumnSpec column) => column switch
    {
        { AllowedValues: { Count: > 0 } values } => string.Join(", ", values),
        { Min: not null } or { Max: not null } => string.Create(CultureInfo.InvariantCulture, $"{column.Min?.ToString(CultureInfo.InvariantCulture) ?? "−∞"} … {column.Max?.ToString(CultureInfo.InvariantCulture) ?? "∞"}"),
        _ => column.Nullable ? "any (may be empty)" : "any",
    };

    public void Dispose()
    {
        _live.Dispose();
        _cts.Cancel();
        _cts.Dispose();
    }
}
