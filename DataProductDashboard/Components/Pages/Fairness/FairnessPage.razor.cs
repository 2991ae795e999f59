using DataProductDashboard.Analysis.Fairness;
using DataProductDashboard.Analysis.Segments;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Fairness;
using DataProductDashboard.ViewModels.Audit;
using DataProductDashboard.ViewModels.Charts;
using DataProductDashboard.ViewModels.Fairness;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DataProductDashboard.Components.Pages.Fairness;

/// <summary>Who the model treats differently: the fairness report of one segment attribute (or two crossed) over the
/// chosen range or batch, and the gaps of each batch's window over time. The attribute is the shared <c>column</c>
/// query value, the crossed one <c>cross</c>, and <c>scope=batch</c> narrows the report to the selected batch.</summary>
public sealed partial class FairnessPage
{
    private const string NoCross = "";
    private static readonly ChartFigure Empty = TimeSeriesFigureBuilder.Build(new TimeSeriesSpec("", []));
    private IReadOnlyList<string> _attributes = [];
    private string _attribute = "";
    private string? _cross;
    private bool _batchOnly;
    private FairnessReport? _report;
    private ChartFigure _trend = Empty;
    private (string Title, string Message)? _unavailable;

    [SupplyParameterFromQuery(Name = "cross")] public string? QueryCross { get; set; }
    [SupplyParameterFromQuery(Name = "scope")] public string? QueryScope { get; set; }
    [Inject] public required FairnessService Fairness { get; init; }

    protected override string? ExtraQueryState => $"{QueryCross}|{QueryScope}";

    /// <summary>Warning below the four-fifths rule, information when only the interval reaches below it, success above.</summary>
    private Severity FindingSeverity => _report?.Metric(FairnessMetrics.DisparateImpact) is { } impact && double.IsFinite(impact.Value)
        ? impact.Value < FairnessMetrics.FourFifths ? Severity.Warning
            : double.IsFinite(impact.CiLow) && impact.CiLow < FairnessMetrics.FourFifths ? Severity.Info : Severity.Success
        : Severity.Info;

    private string TrendCaption =>
        $"Each point is a batch and the {FairnessHistory.WindowBatches - 1} batches before it: disparate impact and demographic parity over every scored row, "
        + $"equalized-odds difference over the labelled ones. Dashed: the four-fifths line (0.80). Gateable as fairness.* with column '{_attribute}'.";

    protected override async Task LoadPageAsync(CancellationToken ct)
    {
        var product = Product!;
        _attributes = SegmentAttributes.Of(product.Schema);
        _report = null;
        _trend = Empty;
        _unavailable = product.Task != TaskType.BinaryClassification
            ? ("Fairness needs a binary classifier", $"'{product.Name}' is a {Words(product.Task)} product. Selection, true- and false-positive rates are defined for two classes; its segments are measured on the behavior page and in the metrics API.")
            : _attributes.Count == 0
            ? ("No segment attributes", "Mark a categorical column as a segment (role Segment, or 'segment' on a feature) in the product's schema on its settings page; every batch from then on is measured per group.")
            : null;
        if (_unavailable is not null)
            return;
        _attribute = _attributes.Contains(QueryColumn ?? "") ? QueryColumn! : _attributes[0];
        _cross = QueryCross is { Length: > 0 } cross && cross != _attribute && _attributes.Contains(cross) ? cross : null;
        _batchOnly = QueryScope == "batch" && Selected is not null;
        if (BatchList.Count == 0)
            return;
        var (from, to) = _batchOnly ? (null, null) : ArrivalSpan();
        _report = await Fairness.GetAsync(ProductId, _attribute, from, to,
            _batchOnly ? Selected!.Batch.Id : null, ct, _cross);
        var impact = await SeriesAsync(FairnessHistory.Keys[FairnessMetrics.DisparateImpact], _attribute);
        var parity = await SeriesAsync(FairnessHistory.Keys[FairnessMetrics.DemographicParityDifference], _attribute);
        var odds = await SeriesAsync(FairnessHistory.Keys[FairnessMetrics.EqualizedOddsDifference], _attribute);
        _trend = TimeSeriesFigureBuilder.Build(Spec("Gap between groups",
            new TimeSeriesLine("Disparate impact", SeriesPoints.From(impact), ChartStyle.Primary),
            new TimeSeriesLine("Demographic parity difference", SeriesPoints.From(parity), ChartStyle.Secondary),
            new TimeSeriesLine("Equalized-odds difference", SeriesPoints.From(odds), ChartStyle.Tertiary)) with
        {
            Threshold = FairnessMetrics.FourFifths,
            ThresholdLabel = "four-fifths rule",
        });
    }

    private static string Words(TaskType task) => task switch
    {
        TaskType.Regression => "regression",
        TaskType.MulticlassClassification => "multiclass",
        _ => "binary",
    };

    private string Scope(FairnessReport report) =>
        (report.BatchNumber is { } number ? $"Batch {BatchLabel.Of(number)}" : RangeHasEveryBatch ? "Every labelled row" : "Labelled rows in the range")
        + $": {report.LabelledRows:N0} rows";

    private void SelectAttribute(string attribute) => Go(new() { ["column"] = attribute, ["cross"] = _cross == attribute ? null : _cross });

    private void SelectCross(string cross) => Go(new() { ["cross"] = cross == NoCross ? null : cross });

    private void SelectBatchOnly(bool batchOnly) => Go(new() { ["scope"] = batchOnly ? "batch" : null });

    private void Go(Dictionary<string, object?> changes) => Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(changes));

    private async Task ExportAsync()
    {
        if (_report is { } report)
            await DownloadCsvAsync($"product-{ProductId}-fairness-{report.Attribute.Replace(" × ", "-x-", StringComparison.Ordinal)}.csv", FairnessDisplay.GroupsCsv(report));
    }
}
