using System.Globalization;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Batches;
using DataProductDashboard.Services.Products;
using DataProductDashboard.ViewModels.Batches;
using DataProductDashboard.ViewModels.Charts;
using DataProductDashboard.ViewModels.Formatting;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DataProductDashboard.Components.Pages.Batches;

/// <summary>One batch: where it came from, how fast it was scored, its prediction distribution and a preview.</summary>
public sealed partial class BatchDetailPage : IDisposable
{
    /// <summary>The product's display time zone (the layout cascades it).</summary>
    [CascadingParameter] public ViewModels.Formatting.ZonedDisplay Zone { get; set; } = ViewModels.Formatting.ZonedDisplay.Utc;

    private readonly CancellationTokenSource _cts = new();
    private BatchDetail? _detail;
    private HistogramFigure _figure = HistogramFigureBuilder.Build(null, "");
    private PredictionDisplay _display = new(TaskType.Regression, null);
    private List<BreadcrumbItem> _breadcrumbs = [];
    private bool _notFound;
    private string? _error;

    [Parameter] public int BatchId { get; set; }
    [Inject] public required BatchQueries Batches { get; init; }
    [Inject] public required ProductService Products { get; init; }

    private string? _eventTimeColumn;

    private string EventRange => _detail?.Batch is { EventTimeFrom: { } from, EventTimeTo: { } to }
        ? $"{Zone.Absolute(from)} → {Zone.Absolute(to)}"
        : _eventTimeColumn is null ? "arrival time" : "–";

    /// <summary>The product's time zone; or why there is no range: no event-time column (arrival time is used), or no
    /// values in it.</summary>
    private string EventRangeDetail => _detail?.Batch is { EventTimeFrom: not null }
        ? Zone.Name
        : _eventTimeColumn is null ? "no event-time column: arrival time is used" : $"no values in '{_eventTimeColumn}'";

    private string? PredictionDetail => _detail switch
    {
        { Predictions.PositiveShare: { } share, Classes: { } c } => string.Create(CultureInfo.InvariantCulture, $"{share:P1} predicted {c.Positive} · {1 - share:P1} {c.Negative}"),
        { Predictions.ClassShares: { } shares } when _detail.Task == Domain.TaskType.MulticlassClassification => string.Join(" · ",
            shares.Select((s, k) => string.Create(CultureInfo.InvariantCulture, $"{s:P1} {ClassName(k)}"))),
        { Predictions.Values: { } v } => $"std {Display.Number(v.Std)} · min {Display.Number(v.Min)} · max {Display.Number(v.Max)}",
        _ => null,
    };

    private IReadOnlyList<string>? _multiclassNames;

    private string ClassName(int index) => _multiclassNames is { } names && index < names.Count ? names[index] : $"class {index}";

    protected override async Task OnParametersSetAsync()
    {
        _notFound = false;
        _error = null;
        _detail = null;
        try
        {
            var detail = await Batches.GetDetailAsync(BatchId, _cts.Token);
            var product = await Products.GetAsync(detail.Batch.ProductId, _cts.Token);
            _display = new PredictionDisplay(detail.Task, detail.Classes, Domain.ClassNames.Multiclass(product.Schema));
            _eventTimeColumn = product.Schema.EventTime?.Name;
            _multiclassNames = detail.Task == Domain.TaskType.MulticlassClassification ? Domain.ClassNames.Multiclass(product.Schema) : null;
            var axis = detail.Task == TaskType.MulticlassClassification ? "Probability of the predicted class (0–1)"
                : HistogramFigureBuilder.PredictionAxisTitle(detail.Task, product.Schema.Label?.Name, detail.PositiveClass);
            _figure = HistogramFigureBuilder.Build(detail.Predictions?.Histogram, axis, "Rows", detail.Predictions?.Values?.Mean,
                detail.Predictions?.Values is { } v ? $"mean {Display.Number(v.Mean)}" : null);
            _breadcrumbs =
            [
                new("Portfolio", "/"),
                new(detail.ProductName, $"/products/{detail.Batch.ProductId}"),
                new("Batches", $"/products/{detail.Batch.ProductId}/batches"),
                new($"Batch {detail.Batch.Label}", $"/batches/{detail.Batch.Id}"),
            ];
            _detail = detail;
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

    public void Dispose()
    {
        _cts.Cancel();
        _cts.Dispose();
    }
}
