using System.Globalization;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Models;
using DataProductDashboard.Services.Products;
using DataProductDashboard.ViewModels.Models;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DataProductDashboard.Components.Pages.Models;

/// <summary>Versions side by side on the same labelled rows (<c>?versions=1,2[&amp;baseline=1][&amp;batches=4]</c>): the
/// sentences that say whether a difference is real, the metrics with intervals, the versions' facts, agreement and the
/// rows they disagree on. The baseline and the batch count are kept in the address.</summary>
public sealed partial class ModelCompare : IDisposable
{
    [CascadingParameter] public ViewModels.Formatting.ZonedDisplay Zone { get; set; } = ViewModels.Formatting.ZonedDisplay.Utc;

    [Parameter] public int ProductId { get; set; }
    [SupplyParameterFromQuery(Name = "versions")] public string? Versions { get; set; }
    [SupplyParameterFromQuery(Name = "baseline")] public int? Baseline { get; set; }
    [SupplyParameterFromQuery(Name = "batches")] public int? Batches { get; set; }
    [SupplyParameterFromQuery(Name = "source")] public string? Source { get; set; }
    [SupplyParameterFromQuery(Name = ViewModels.Time.TimeRange.RangeKey)] public string? QueryRange { get; set; }
    [SupplyParameterFromQuery(Name = ViewModels.Time.TimeRange.FromKey)] public string? QueryFrom { get; set; }
    [SupplyParameterFromQuery(Name = ViewModels.Time.TimeRange.ToKey)] public string? QueryTo { get; set; }
    [SupplyParameterFromQuery(Name = ViewModels.Time.TimeRange.TimeKey)] public string? QueryTime { get; set; }

    [Inject] public required ProductService Products { get; init; }
    [Inject] public required ModelComparisonService Comparison { get; init; }
    [Inject] public required EvaluationSetService EvaluationSets { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required Services.Audit.AuditQueryService Audits { get; init; }
    [Inject] public required Services.Batches.BatchQueries BatchQueries { get; init; }

    private CancellationTokenSource _cts = new();
    private ProductDetail? _product;
    private ModelComparisonView? _view;
    private ClassNames? _classes;
    private IReadOnlyList<int> _versions = [];
    private int? _baseline;
    private int _batches = ModelComparisonService.DefaultBatches;
    private ComparisonSource _source = ComparisonSource.Production;
    private EvaluationSetInfo? _evaluationSet;
    private ViewModels.Charts.ChartFigure? _history;
    private ViewModels.Time.TimeRange _range = ViewModels.Time.TimeRange.Default;
    private ViewModels.Time.TimeWindow? _window;
    private string _historyMetric = "";
    private bool _loading;
    private bool _notFound;
    private string? _error;
    private string _errorTitle = "";

    private string CsvHref => string.Create(CultureInfo.InvariantCulture,
        $"/api/products/{ProductId}/models/compare?versions={string.Join(",", _versions)}&baseline={_view?.Baseline}&batches={_batches}&source={SourceText(_source)}&format=csv");

    private static string? SourceText(ComparisonSource source) => source == ComparisonSource.EvaluationSet ? "evaluation-set" : "production";

    protected override async Task OnParametersSetAsync()
    {
        _cts.Cancel();
        _cts.Dispose();
        _cts = new CancellationTokenSource();
        var ct = _cts.Token;
        (_error, _notFound, _view, _loading) = (null, false, null, true);
        _baseline = Baseline;
        _batches = Batches ?? ModelComparisonService.DefaultBatches;
        try
        {
            _versions = ModelComparisonService.ParseVersions(Versions);
            _source = ModelComparisonService.ParseSource(Source);
            _product = await Products.GetAsync(ProductId, ct);
            _evaluationSet = await EvaluationSets.GetAsync(ProductId, ct);
            _view = await Comparison.CompareAsync(ProductId, _versions, _baseline, _batches, ct, _source);
            _classes = _product is null ? null : ClassNames.For(_product.Task, _product.Schema);
            await LoadHistoryAsync(_product!, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return;
        }
        catch (NotFoundException)
        {
            _notFound = true;
        }
        catch (ConflictException ex)
        {
            (_errorTitle, _error) = ("Nothing to compare on yet", ex.Message);
        }
        catch (InputValidationException ex)
        {
            (_errorTitle, _error) = ("These versions cannot be compared", string.Join(" ", ex.Errors.Values.SelectMany(v => v)));
        }
        _loading = false;
    }

    /// <summary>The versions' performance per production batch: as champion, and as challenger on the same batches.</summary>
    private async Task LoadHistoryAsync(ProductDetail product, CancellationToken ct)
    {
        var regression = product.Task == TaskType.Regression;
        var metric = regression ? "mae" : "accuracy";
        _historyMetric = ViewModels.Formatting.MetricNames.Display(metric);
        // The product's shared time range and time axis (from the query string) are this chart's axis too.
        var batches = (await BatchQueries.ListAsync(ProductId, Paging.FirstPage, Paging.Batches.MaxPageSize, Services.Batches.BatchSort.ReceivedAt, true, ct)).Items;
        var basis = product.Schema.EventTime is null ? ViewModels.Time.TimeBasis.Arrival : ViewModels.Time.TimeRange.ParseBasis(QueryTime);
        var times = new ViewModels.Time.BatchTimes(batches, basis);
        _range = ViewModels.Time.TimeRange.Parse(QueryRange, QueryFrom, QueryTo);
        _window = _range.Resolve(times.Oldest, times.Newest, Zone);
        var points = times.Place(await Audits.GetSeriesAsync(ProductId, Analysis.Performance.PerformancePoints.Prefix + metric, null, null, null, null, ct));
        var lines = VersionSeries.PerVersion(points, _versions);
        _history = lines.Count == 0 ? null : ViewModels.Charts.TimeSeriesFigureBuilder.Build(new ViewModels.Charts.TimeSeriesSpec(
            regression ? $"MAE ({product.Schema.Label?.Name ?? "label"} units)" : "Accuracy (%)", lines)
        {
            Releases = times.Place(await Audits.GetReleasesAsync(ProductId, ct)), Zone = Zone, Percent = !regression, FromZero = regression,
            Window = _window, XTitle = basis == ViewModels.Time.TimeBasis.Event ? $"Batch event time (first row, {Zone.Name})" : null,
        });
    }

    private Task BaselineChangedAsync(int baseline)
    {
        Navigate(baseline, _batches);
        return Task.CompletedTask;
    }

    private Task BatchesChangedAsync(int batches)
    {
        if (batches is >= 1 and <= ModelComparisonService.MaxBatches)
            Navigate(_baseline ?? _view?.Baseline, batches);
        return Task.CompletedTask;
    }

    private Task SourceChangedAsync(ComparisonSource source)
    {
        _source = source;
        Navigate(_baseline ?? _view?.Baseline, _batches);
        return Task.CompletedTask;
    }

    private void Navigate(int? baseline, int batches) => Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
    {
        ["versions"] = string.Join(",", _versions),
        ["baseline"] = baseline,
        ["batches"] = batches == ModelComparisonService.DefaultBatches ? null : batches,
        ["source"] = _source == ComparisonSource.EvaluationSet ? "evaluation-set" : null,
    }));

    private void SelectRange(ViewModels.Time.TimeRange range) => Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(range.ToQuery()));

    private static string VerdictIcon(ComparisonDisplay.Verdict verdict) => verdict switch
    {
        ComparisonDisplay.Verdict.Better => Icons.Material.Filled.TrendingUp,
        ComparisonDisplay.Verdict.Worse => Icons.Material.Filled.TrendingDown,
        _ => Icons.Material.Filled.DragHandle,
    };

    private static Color VerdictColor(ComparisonDisplay.Verdict verdict) => verdict switch
    {
        ComparisonDisplay.Verdict.Better => Color.Success,
        ComparisonDisplay.Verdict.Worse => Color.Error,
        _ => Color.Default,
    };

    private static string VerdictClass(ComparisonDisplay.Verdict verdict) => verdict switch
    {
        ComparisonDisplay.Verdict.Better => "dpd-better",
        ComparisonDisplay.Verdict.Worse => "dpd-worse",
        _ => "mud-text-secondary",
    };

    public void Dispose()
    {
        _cts.Cancel();
        _cts.Dispose();
    }
}
