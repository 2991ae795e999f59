using DataProductDashboard.Components.Shared;
using DataProductDashboard.Services.Access;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DataProductDashboard.Components.Pages.Admin;

/// <summary>Replaces a user's roles; the last Admin keeping the Admin role shows under the roles. Closes with the
/// updated <see cref="UserView"/>.</summary>
public sealed partial class EditRolesDialog
{
    private IReadOnlyList<string> _roles = [];
    private bool _busy;

    [CascadingParameter] public IMudDialogInstance MudDialog { get; set; } = null!;
    [Parameter, EditorRequired] public required UserView User { get; set; }
    [Inject] public required UserAdminService Users { get; init; }
    [Inject] public required ActorResolver Actors { get; init; }

    private FieldErrors Errors { get; } = new("role");

    protected override void OnInitialized() => _roles = User.Roles;

    private async Task SaveAsync()
    {
        _busy = true;
        var saved = await Errors.RunAsync(() => Users.SetRolesAsync(User.Email, _roles, Actors.Ui, CancellationToken.None), conflictField: "role");
        _busy = false;
        if (saved is not null)
            MudDialog.Close(DialogResult.Ok(saved));
    }

    private void Cancel() => MudDialog.Cancel();
}
