using DataProductDashboard.Components.Shared;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Kpis;
using DataProductDashboard.Services.Trail;
using DataProductDashboard.ViewModels.Kpis;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DataProductDashboard.Components.Dialogs;

/// <summary>Adds or edits a KPI. Fields that are missing are named before anything is sent; the service validates the
/// rest and its errors show under their fields. Saving a computed KPI recomputes it from every batch. Closes with the
/// saved <see cref="KpiDetail"/>.</summary>
public sealed partial class KpiDialog
{
    private KpiForm _form = new();
    private Dictionary<string, string> _errors = new(StringComparer.OrdinalIgnoreCase);
    private string? _otherError;
    private bool _busy;

    [CascadingParameter] public IMudDialogInstance MudDialog { get; set; } = null!;
    [Parameter] public int ProductId { get; set; }
    /// <summary>The KPI to edit; null to add one.</summary>
    [Parameter] public KpiDefinition? Kpi { get; set; }
    [Parameter, EditorRequired] public required ProductSchema Schema { get; set; }
    [Parameter] public TaskType ProductTask { get; set; }
    [Inject] public required KpiService Kpis { get; init; }
    [Inject] public required ActorResolver Actors { get; init; }

    private IReadOnlyList<string> Columns => KpiRules.Columns(Schema);

    private string ToleranceHelp => _form.Direction == KpiDirection.HigherIsBetter
        ? "At risk down to target − tolerance; off target below"
        : "At risk up to target + tolerance; off target above";

    private string ColumnHelp => _form.Column is { } c && c == Schema.Label?.Name
        ? "The label: counted per period once its rows are labelled"
        : _form.Column == "prediction" ? "The model's output" : "Rows fall in periods by event time";

    protected override void OnInitialized()
    {
        if (Kpi is { } kpi)
            _form = KpiForm.From(kpi);
    }

    private bool Has(string field) => _errors.ContainsKey(field);

    private string? Text(string field) => _errors.GetValueOrDefault(field);

    private async Task SaveAsync()
    {
        _otherError = null;
        _errors = new Dictionary<string, string>(_form.Missing(), StringComparer.OrdinalIgnoreCase);
        if (_errors.Count > 0)
            return;
        _busy = true;
        try
        {
            var saved = Kpi is null
                ? await Kpis.CreateAsync(ProductId, _form.ToInput(), Actors.Ui, CancellationToken.None)
                : await Kpis.UpdateAsync(ProductId, Kpi.Id, _form.ToInput(), Actors.Ui, CancellationToken.None);
            MudDialog.Close(DialogResult.Ok(saved));
        }
        catch (InputValidationException ex)
        {
            _errors = ex.Errors.ToDictionary(e => e.Key, e => string.Join(" ", e.Value), StringComparer.OrdinalIgnoreCase);
            if (_errors.Keys.All(k => !Known.Contains(k)))
                _otherError = ex.Message;
        }
        catch (DashboardException ex)
        {
            _otherError = ex.Message;
        }
        finally
        {
            _busy = false;
        }
    }

    private static readonly string[] Known =
        ["name", "unit", "direction", "target", "tolerance", "period", "runLength", "source", "aggregate", "column", "costFalsePositive", "costFalseNegative", "description", "owner"];

    private void Cancel() => MudDialog.Cancel();
}
