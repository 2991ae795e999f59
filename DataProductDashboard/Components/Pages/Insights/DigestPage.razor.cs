using DataProductDashboard.Components.Shared;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Insights;
using DataProductDashboard.Services.Notifications;
using DataProductDashboard.ViewModels.Insights;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace DataProductDashboard.Components.Pages.Insights;

/// <summary>The portfolio-level digest: every product's insights on one printable page, refreshed when any product
/// changes.</summary>
public sealed partial class DigestPage : IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private IReadOnlyList<ProductInsights>? _digest;
    private InsightQuery _query = new(InsightSeverity.Info, null);
    private string? _error;
    private readonly LiveUpdates _live = new();

    [Inject] public required InsightService Insights { get; init; }
    [Inject] public required ProductEvents Events { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required IJSRuntime JS { get; init; }
    [Inject] public required PublicBaseUrl BaseUrl { get; init; }

    [SupplyParameterFromQuery(Name = "severity")] public string? SeverityQuery { get; set; }
    [SupplyParameterFromQuery(Name = "topic")] public string? TopicQuery { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _live.Follow(Events, null, InvokeAsync, async () =>
        {
            await LoadAsync();
            StateHasChanged();
        });
        await LoadAsync();
    }

    protected override void OnParametersSet() => _query = InsightQuery.Parse(SeverityQuery, TopicQuery);

    private async Task LoadAsync()
    {
        try
        {
            _digest = await Insights.DigestAsync(_cancellation.Token);
            _error = null;
        }
        catch (DashboardException ex)
        {
            _error = ex.Message;
        }
        catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
        {
        }
    }

    private static string Summary(ProductInsights product)
    {
        var critical = product.Insights.Count(i => i.Severity == InsightSeverity.Critical);
        var warning = product.Insights.Count(i => i.Severity == InsightSeverity.Warning);
        return critical + warning == 0 ? "nothing needs attention" : $"{critical} critical · {warning} warning";
    }

    private Task FilterAsync(InsightQuery query)
    {
        _query = query;
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(query.ToQuery()), replace: true);
        return Task.CompletedTask;
    }

    private async Task ExportAsync()
    {
        if (_digest is null)
            return;
        var filtered = _digest.Select(p => p with { Insights = _query.Apply(p.Insights) });
        await JS.InvokeVoidAsync("dpdDownload", "insights.csv", "text/csv", InsightsCsv.Write(filtered));
    }

    private async Task PrintAsync() => await JS.InvokeVoidAsync("print");

    public void Dispose()
    {
        _live.Dispose();
        _cancellation.Cancel();
        _cancellation.Dispose();
    }
}
