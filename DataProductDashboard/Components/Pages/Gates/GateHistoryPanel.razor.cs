using DataProductDashboard.Domain;
using DataProductDashboard.Services.Audit;
using DataProductDashboard.Services.Gates;
using DataProductDashboard.ViewModels.Time;
using DataProductDashboard.ViewModels.Charts;
using DataProductDashboard.ViewModels.Gates;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace DataProductDashboard.Components.Pages.Gates;

/// <summary>The gates' history: filters (rule, status, the product's shared time range) that live in the query string, the outcome heat strip
/// of every rule (and the judged values of the chosen rule), and the outcomes table with CSV export.</summary>
public sealed partial class GateHistoryPanel : IDisposable
{
    /// <summary>Outcomes loaded at most for one view (the chart and the table share them).</summary>
    public const int MaxRows = 5000;
    private readonly CancellationTokenSource _cts = new();
    private (int Product, int? Rule, TimeWindow? Window, int Version)? _loadedFor;
    private TimeWindow? _window;
    private IReadOnlyList<GateEvaluationView> _evaluations = [];
    private IReadOnlyList<GateEvaluationView> _rows = [];
    private int _total;
    private bool _loaded;
    private string? _error;
    private GateRuleView? _selectedRule;
    private ChartFigure _outcomes = GateHistoryFigureBuilder.Build([], [], []);
    private ChartFigure _values = GateHistoryFigureBuilder.Build([], [], []);

    [Parameter] public int ProductId { get; set; }
    [Parameter, EditorRequired] public required IReadOnlyList<GateRuleView> Rules { get; set; }
    [Parameter, EditorRequired] public required GatesPageQuery Query { get; set; }
    [Parameter] public EventCallback<GatesPageQuery> QueryChanged { get; set; }
    /// <summary>Release markers placed on the arrival axis.</summary>
    [Parameter] public IReadOnlyList<ReleaseMarker> Releases { get; set; } = [];
    /// <summary>The product's batches on the arrival axis: the range resolves against them, and those outside it are counted.</summary>
    [Parameter] public BatchTimes Times { get; set; } = new([], TimeBasis.Arrival);
    /// <summary>The product's display time zone (the layout cascades it): the charts' time axes are in it.</summary>
    [CascadingParameter] public ViewModels.Formatting.ZonedDisplay Zone { get; set; } = ViewModels.Formatting.ZonedDisplay.Utc;
    /// <summary>Bumped by the page when the product changed, to reload.</summary>
    [Parameter] public int Version { get; set; }
    [Inject] public required GateService Gates { get; init; }
    [Inject] public required IJSRuntime JS { get; init; }

    protected override async Task OnParametersSetAsync()
    {
        _window = Query.Range.Resolve(Times.Oldest, Times.Newest, Zone);
        var key = (ProductId, Query.RuleId, _window, Version);
        if (_loadedFor != key)
        {
            _loadedFor = key;
            await LoadAsync();
        }
        Build();
    }

    private async Task LoadAsync()
    {
        _error = null;
        try
        {
            var page = await Gates.ListEvaluationsAsync(ProductId, Query.ToFilter(withStatus: false, MaxRows, _window), _cts.Token);
            _evaluations = page.Items;
            _total = page.TotalCount;
        }
        catch (DashboardException ex)
        {
            _error = ex.Message;
            _evaluations = [];
            _total = 0;
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
        }
        _loaded = true;
    }

    private void Build()
    {
        _rows = Query.Status is { } status ? _evaluations.Where(e => e.Status == status).ToList() : _evaluations;
        // Batch outcomes over the batches' arrival times; release evaluations happen at promotion time, possibly years
        // later (the demo's batches are from 2011–2012), so they stay in the table instead of stretching the axis.
        var order = Rules.Where(r => r.Scope == GateScope.Batch).Select(r => new GateHistoryRule(r.Id, r.Name)).ToList();
        var (before, after) = TimeAxis.Outside(Times.Inside(null).Select(b => b.ReceivedAt), _window);
        var note = TimeAxis.OutsideNote(before, after);
        _outcomes = GateHistoryFigureBuilder.Build(order, _evaluations.Where(e => e.Scope == GateScope.Batch).ToList(), Releases, Zone, _window) with { Note = note };
        _selectedRule = Rules.FirstOrDefault(r => r.Id == Query.RuleId);
        _values = _selectedRule is { } rule ? GateValueFigureBuilder.Build(rule, _evaluations, Releases, Zone, _window) with { Note = note } : _values;
    }

    private Task Change(GatesPageQuery query) => QueryChanged.InvokeAsync(query);

    private Task SelectRule(int ruleId) => Change(Query with { RuleId = ruleId == 0 ? null : ruleId, Page = 1 });

    private Task SelectStatus(string? status) =>
        Change(Query with { Status = Enum.TryParse<GateStatus>(status, out var s) ? s : null, Page = 1 });

    private Task SelectRange(TimeRange range) => Change(Query with { Range = range, Page = 1 });

    private Task SelectPage(int page) => Change(Query with { Page = page });

    private Task ClearFilters() => Change(Query with { RuleId = null, Status = null, Range = TimeRange.Default, Page = 1 });

    private async Task ExportAsync() =>
        await JS.InvokeVoidAsync("dpdDownload", _cts.Token, $"product-{ProductId}-gate-outcomes.csv", "text/csv", GateEvaluationsCsv.Write(_rows));

    public void Dispose()
    {
        _cts.Cancel();
        _cts.Dispose();
    }
}
