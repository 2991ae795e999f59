using DataProductDashboard.Services.Models;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace DataProductDashboard.Components.Dialogs;

/// <summary>Registers an uploaded ML.NET zip (with optional reference data); closes with the new
/// <see cref="ModelVersionSummary"/>, keeps errors in the dialog.</summary>
public sealed partial class UploadModelDialog
{
    private IBrowserFile? _reference;
    private string? _notes;

    [Inject] public required ModelRegistryService Registry { get; init; }

    private void OnReferenceChosen(IBrowserFile? file) => _reference = file;

    private Task SubmitAsync() => SubmitFileAsync(async (file, zip, ct) =>
    {
        ReadOnlyMemory<byte>? reference = _reference is { } r ? await BrowserFiles.ReadAsync(r, MaxBytes, ct) : null;
        var version = await Registry.RegisterUploadAsync(ProductId, zip, file.Name, _notes, reference, _reference?.Name, ct);
        MudDialog.Close(DialogResult.Ok(version));
    }, "The model could not be registered");
}
