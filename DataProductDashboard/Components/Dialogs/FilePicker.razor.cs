using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace DataProductDashboard.Components.Dialogs;

/// <summary>One file chosen in the browser: a choose button, the chosen file's name and size (shown once) with a remove
/// button, and <see cref="ClearAsync"/> so a dialog can reset the input after a rejected file; choosing again replaces it.</summary>
public sealed partial class FilePicker
{
    private MudFileUpload<IBrowserFile>? _upload;
    private IBrowserFile? _file;

    [Parameter, EditorRequired] public required string Id { get; set; }
    [Parameter] public string Accept { get; set; } = "";
    [Parameter] public string Label { get; set; } = "Choose file";
    [Parameter] public string ReplaceLabel { get; set; } = "Choose another file";
    [Parameter] public bool Disabled { get; set; }
    [Parameter] public string? ChooseTestId { get; set; }
    [Parameter] public string? FileNameTestId { get; set; }
    /// <summary>Raised with the chosen file, or null when it was removed.</summary>
    [Parameter] public EventCallback<IBrowserFile?> FileChanged { get; set; }

    private async Task OnChangedAsync(IBrowserFile? file)
    {
        _file = file;
        await FileChanged.InvokeAsync(file);
    }

    /// <summary>Forgets the chosen file and resets the browser input, so even the same file can be chosen again.</summary>
    public async Task ClearAsync()
    {
        if (_upload is not null)
            await _upload.ClearAsync();
        if (_file is not null)
            await OnChangedAsync(null);
    }
}
