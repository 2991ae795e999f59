using DataProductDashboard.Domain;
using DataProductDashboard.Services.Kpis;
using DataProductDashboard.ViewModels.Kpis;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace DataProductDashboard.Components.Pages.Kpis;

/// <summary>A KPI's values per period: sortable, filtered by status and by period or arm text, exported as CSV (what
/// the filters show).</summary>
public sealed partial class KpiValuesTable
{
    private string? _filter;
    private KpiStatus? _status;

    [Parameter, EditorRequired] public required IReadOnlyList<KpiPoint> Values { get; set; }
    [Parameter, EditorRequired] public required KpiDefinition Definition { get; set; }
    [Inject] public required IJSRuntime JS { get; init; }

    private bool HasArms => Values.Any(v => v.Arm is not null);

    private bool Matches(KpiPoint p) =>
        (_status is null || p.Status == _status)
        && (string.IsNullOrWhiteSpace(_filter)
            || $"{KpiDisplay.PeriodLabel(p.Period, Definition.Period)} {p.Arm}".Contains(_filter.Trim(), StringComparison.OrdinalIgnoreCase));

    private async Task ExportAsync() =>
        await JS.InvokeVoidAsync("dpdDownload", $"kpi-{Definition.Id}-values.csv", "text/csv", KpiValuesCsv.Write(Values.Where(Matches), Definition.Period));
}
