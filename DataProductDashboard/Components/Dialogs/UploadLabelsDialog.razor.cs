using DataProductDashboard.Services.Labels;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DataProductDashboard.Components.Dialogs;

/// <summary>Reads a CSV of row key + label in the browser and joins it through <see cref="LabelService"/>; shows what
/// changed, or the specific row/column errors (nothing is half-written). Closes with the <see cref="LabelUploadResult"/>.</summary>
public sealed partial class UploadLabelsDialog
{
    private LabelUploadResult? _result;

    [Parameter] public string RowKey { get; set; } = "row key";
    [Parameter] public string Label { get; set; } = "label";
    /// <summary>Binary: the class names the label column holds.</summary>
    [Parameter] public Domain.ClassNames? Classes { get; set; }
    /// <summary>The product has no row-key column: rows are keyed "batch:row" (<see cref="Services.Batches.GeneratedKeys"/>).</summary>
    [Parameter] public bool GeneratedKeys { get; set; }
    [Inject] public required LabelService Labels { get; init; }

    private Task SubmitAsync() => SubmitFileAsync(
        async (fileName, content, ct) => _result = await Labels.UploadAsync(ProductId, content, fileName, ct),
        "The labels could not be joined");

    private void Done() => MudDialog.Close(DialogResult.Ok(_result));
}
