using DataProductDashboard.Components.Shared;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Kpis;
using DataProductDashboard.Services.Trail;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DataProductDashboard.Components.Dialogs;

/// <summary>Reads a CSV of period,value[,arm] in the browser and stores it through <see cref="KpiService"/>; shows what
/// was stored, or every row/column error (nothing is half-written). Closes with the <see cref="KpiUploadResult"/>.</summary>
public sealed partial class UploadKpiValuesDialog
{
    private KpiUploadResult? _result;

    [Parameter] public int KpiId { get; set; }
    [Parameter] public string KpiName { get; set; } = "KPI";
    [Parameter] public KpiPeriod Period { get; set; } = KpiPeriod.Week;
    [Inject] public required KpiService Kpis { get; init; }
    [Inject] public required ActorResolver Actors { get; init; }

    private string Example => Period switch
    {
        KpiPeriod.Month => "2024-05,1234.5",
        _ => "2024-05-06,1234.5",
    };

    private Task SubmitAsync() => SubmitFileAsync(
        async (fileName, content, ct) => _result = await Kpis.UploadValuesAsync(ProductId, KpiId, content, fileName, Actors.Ui, ct),
        "The values could not be stored");

    private void Done() => MudDialog.Close(DialogResult.Ok(_result));
}
