using DataProductDashboard.Services.Models;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace DataProductDashboard.Components.Dialogs;

/// <summary>Registers an uploaded ML.NET zip or ONNX model (with optional reference data and ONNX input/output names); closes with the new
/// <see cref="ModelVersionSummary"/>, keeps errors in the dialog.</summary>
public sealed partial class UploadModelDialog
{
    private IBrowserFile? _reference;
    private string? _notes;
    private string? _featureOrder;
    private string? _labelOutput;
    private string? _scoreOutput;

    /// <summary>The product's numeric features, the usual content of a tensor input, as an example.</summary>
    [Parameter] public string? FeaturePlaceholder { get; set; } = "temp, hum, windspeed";

    [Inject] public required ModelRegistryService Registry { get; init; }
    [Inject] public required Shared.ActorResolver Actors { get; init; }

    private void OnReferenceChosen(IBrowserFile? file) => _reference = file;

    private Task SubmitAsync() => SubmitFileAsync(async (fileName, zip, ct) =>
    {
        using var reference = _reference is { } r ? await ReceiveAsync(r, ct) : null;
        ReadOnlyMemory<byte>? referenceBytes = reference is null ? null : reference.ReadAllBytes();
        var onnx = new OnnxUpload(Blank(_featureOrder), Blank(_labelOutput), Blank(_scoreOutput));
        var version = await Registry.RegisterUploadAsync(ProductId, zip, fileName, _notes, referenceBytes, reference?.FileName, ct, Actors.Ui,
            onnx is { FeatureOrder: null, LabelOutput: null, ScoreOutput: null } ? null : onnx);
        MudDialog.Close(DialogResult.Ok(version));
    }, "The model could not be registered");

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
