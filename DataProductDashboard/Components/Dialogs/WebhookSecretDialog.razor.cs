using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace DataProductDashboard.Components.Dialogs;

/// <summary>Shows a webhook channel's signing secret the one time it is handed out (after the channel is created or
/// its secret rotated), with a copy button.</summary>
public sealed partial class WebhookSecretDialog
{
    private bool? _copied;

    [CascadingParameter] public IMudDialogInstance MudDialog { get; set; } = null!;
    [Parameter, EditorRequired] public required string ChannelName { get; set; }
    [Parameter, EditorRequired] public required string Secret { get; set; }
    [Inject] public required IJSRuntime JS { get; init; }

    private async Task CopyAsync()
    {
        try
        {
            await JS.InvokeVoidAsync("navigator.clipboard.writeText", Secret);
            _copied = true;
        }
        catch (JSException)
        {
            _copied = false;
        }
    }

    private void Close() => MudDialog.Close();
}
