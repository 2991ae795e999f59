using DataProductDashboard.Analysis.Drift;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Products;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DataProductDashboard.Components.Dialogs;

/// <summary>Edits a product's drift settings: the dataset-drift share and a method / threshold per feature (and the
/// model output), and the reference window drift is measured against. Closes with the saved <see cref="DriftSettings"/>.</summary>
public sealed partial class DriftSettingsDialog
{
    private const string DefaultMethod = "";
    private readonly List<Row> _rows = [];
    private double _share = 0.5;
    private ReferenceWindowKind _windowKind;
    private DateTime? _from;
    private DateTime? _to;
    private int? _lastBatches = 10;
    private bool _busy;
    private string? _error;
    private IReadOnlyDictionary<string, string[]>? _errors;

    [CascadingParameter] public IMudDialogInstance MudDialog { get; set; } = null!;
    [Parameter] public int ProductId { get; set; }
    [Inject] public required ProductService Products { get; init; }

    protected override async Task OnInitializedAsync()
    {
        var product = await Products.GetAsync(ProductId, CancellationToken.None);
        var settings = await Products.GetDriftSettingsAsync(ProductId, CancellationToken.None);
        _share = settings.ShareThreshold;
        var window = settings.Window;
        _windowKind = window.Kind;
        _from = window.From?.ToDateTime(TimeOnly.MinValue);
        _to = window.To?.ToDateTime(TimeOnly.MinValue);
        _lastBatches = window.LastBatches ?? _lastBatches;
        var columns = product.Schema.Features.Where(f => f.Kind is ColumnKind.Numeric or ColumnKind.Categorical)
            .Select(f => (f.Name, f.Kind)).Append((DriftDetector.PredictionColumn, ColumnKind.Numeric));
        foreach (var (name, kind) in columns)
        {
            var choice = settings.Overrides?.GetValueOrDefault(name);
            _rows.Add(new Row(name, kind) { Method = choice?.Method ?? DefaultMethod, Threshold = choice?.Threshold });
        }
    }

    private async Task SaveAsync()
    {
        _busy = true;
        _error = null;
        _errors = null;
        try
        {
            var overrides = _rows.Where(r => r.Method != DefaultMethod || r.Threshold is not null)
                .ToDictionary(r => r.Column, r => new DriftOverride(r.Method == DefaultMethod ? null : r.Method, r.Threshold));
            var window = _windowKind switch
            {
                ReferenceWindowKind.Period => new ReferenceWindow(ReferenceWindowKind.Period,
                    _from is { } from ? DateOnly.FromDateTime(from) : null, _to is { } to ? DateOnly.FromDateTime(to) : null),
                ReferenceWindowKind.LastBatches => new ReferenceWindow(ReferenceWindowKind.LastBatches, LastBatches: _lastBatches),
                _ => null,
            };
            var saved = await Products.UpdateDriftSettingsAsync(ProductId, new DriftSettings(_share, overrides, window), CancellationToken.None);
            MudDialog.Close(DialogResult.Ok(saved));
        }
        catch (InputValidationException ex)
        {
            _error = ex.Message;
            _errors = ex.Errors;
        }
        finally
        {
            _busy = false;
        }
    }

    private void Cancel() => MudDialog.Cancel();

    private sealed class Row(string column, ColumnKind kind)
    {
        public string Column { get; } = column;
        public ColumnKind Kind { get; } = kind;
        public string Method { get; set; } = DefaultMethod;
        public double? Threshold { get; set; }
    }
}
