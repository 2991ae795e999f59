using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace DataProductDashboard.Components.Pages.Admin;

/// <summary>Shows a generated one-time password or a new API key the one time it exists in clear, with copy buttons
/// (and, for a key, an example request).</summary>
public sealed partial class ShownOnceDialog
{
    private bool? _copied;

    [CascadingParameter] public IMudDialogInstance MudDialog { get; set; } = null!;
    [Parameter, EditorRequired] public required string Title { get; set; }
    /// <summary>What the secret is: "One-time password", "API key".</summary>
    [Parameter, EditorRequired] public required string Label { get; set; }
    [Parameter, EditorRequired] public required string Secret { get; set; }
    [Parameter] public string? Hint { get; set; }
    [Parameter] public string? Example { get; set; }
    [Inject] public required IJSRuntime JS { get; init; }

    /// <summary>Opens the dialog and waits until it is closed; Escape and the backdrop do not close it by accident.</summary>
    public static async Task ShowAsync(IDialogService dialogs, string title, string label, string secret, string? hint = null, string? example = null)
    {
        var dialog = await dialogs.ShowAsync<ShownOnceDialog>(title,
            new DialogParameters<ShownOnceDialog>
            {
                { d => d.Title, title }, { d => d.Label, label }, { d => d.Secret, secret }, { d => d.Hint, hint }, { d => d.Example, example },
            },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = false, BackdropClick = false });
        await dialog.Result;
    }

    private async Task CopyAsync(string text)
    {
        try
        {
            await JS.InvokeVoidAsync("navigator.clipboard.writeText", text);
            _copied = true;
        }
        catch (JSException)
        {
            _copied = false;
        }
    }

    private void Close() => MudDialog.Close();
}
