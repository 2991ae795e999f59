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
    [Inject] public required Shared.ActorResolver Actors { get; init; }

    private void OnReferenceChosen(IBrowserFile? file) => _reference = file;

    private Task SubmitAsync() => SubmitFileAsync(async (fileName, zip, ct) =>
    {
        using var reference = _reference is { } r ? await ReceiveAsync(r, ct) : null;
        ReadOnlyMemory<byte>? referenceBytes = reference is null ? null : reference.ReadAllBytes();
        var version = await Registry.RegisterUploadAsync(ProductId, zip, fileName, _notes, referenceBytes, reference?.FileName, ct, Actors.Ui);
        MudDialog.Close(DialogResult.Ok(version));
    }, "The model could not be registered");
}
