using DataProductDashboard.Components.Shared;
using DataProductDashboard.Services.Access;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DataProductDashboard.Components.Pages.Admin;

/// <summary>Adds a user with an e-mail, roles and an optional password; closes with the <see cref="AddedUser"/> (whose
/// generated password the page shows once). The service's errors show under their fields.</summary>
public sealed partial class AddUserDialog
{
    private string? _email;
    private IReadOnlyList<string> _roles = [];
    private string? _password;
    private bool _showPassword;
    private bool _busy;

    [CascadingParameter] public IMudDialogInstance MudDialog { get; set; } = null!;
    [Inject] public required UserAdminService Users { get; init; }
    [Inject] public required ActorResolver Actors { get; init; }

    private FieldErrors Errors { get; } = new("email", "role", "password");

    private async Task SaveAsync()
    {
        _busy = true;
        var added = await Errors.RunAsync(() => Users.AddAsync(_email ?? "", _roles, string.IsNullOrEmpty(_password) ? null : _password, Actors.Ui, CancellationToken.None));
        _busy = false;
        if (added is not null)
            MudDialog.Close(DialogResult.Ok(added));
    }

    private void Cancel() => MudDialog.Cancel();
}
