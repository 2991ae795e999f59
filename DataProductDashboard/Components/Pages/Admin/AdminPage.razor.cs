using DataProductDashboard.Components.Shared;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Access;
using DataProductDashboard.Services.Products;
using DataProductDashboard.ViewModels.Admin;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DataProductDashboard.Components.Pages.Admin;

/// <summary>/admin (Admins only): users (add, roles, reset password, remove) and API keys (create, revoke). A generated
/// password or a new key is shown once, in a dialog with a copy button; refusals (the last Admin) are reported.</summary>
public sealed partial class AdminPage : IDisposable
{
    private static readonly DialogOptions FormDialog = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true, BackdropClick = false };
    private readonly CancellationTokenSource _cts = new();
    private IReadOnlyList<UserView>? _users;
    private IReadOnlyList<ApiKeyView>? _keys;
    private IReadOnlyList<ProductSummary> _products = [];
    private Dictionary<int, string> _productNames = [];
    private string? _loadError;
    private string? _me;
    private bool _busy;
    private int _tab;

    [Inject] public required UserAdminService Users { get; init; }
    [Inject] public required ApiKeyService Keys { get; init; }
    [Inject] public required ProductService Products { get; init; }
    [Inject] public required ActorResolver Actors { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }

    protected override async Task OnInitializedAsync()
    {
        _me = Actors.Ui.Name;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        try
        {
            _users = await Users.ListAsync(_cts.Token);
            _keys = await Keys.ListAsync(_cts.Token);
            _products = await Products.ListAsync(_cts.Token);
            _productNames = _products.ToDictionary(p => p.Id, p => p.Name);
            _loadError = null;
        }
        catch (DashboardException ex)
        {
            _loadError = ex.Message;
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
        }
    }

    private async Task AddUserAsync()
    {
        var dialog = await Dialogs.ShowAsync<AddUserDialog>("Add a user", FormDialog);
        if (await dialog.Result is not { Canceled: false, Data: AddedUser added })
            return;
        await LoadAsync();
        Snackbar.Add($"{added.User.Email} added as {RoleText(added.User.Roles)}.", Severity.Success);
        if (added.GeneratedPassword is { } password)
            await ShownOnceDialog.ShowAsync(Dialogs, $"One-time password of {added.User.Email}", "One-time password", password,
                "Hand it to the user over a safe channel; they choose their own password at the first sign-in.");
    }

    private async Task EditRolesAsync(UserView user)
    {
        var dialog = await Dialogs.ShowAsync<EditRolesDialog>("Edit roles", new DialogParameters<EditRolesDialog> { { d => d.User, user } }, FormDialog);
        if (await dialog.Result is { Canceled: false, Data: UserView saved })
        {
            Snackbar.Add($"{saved.Email} now holds {RoleText(saved.Roles)}.", Severity.Success);
            await LoadAsync();
        }
    }

    private async Task ResetPasswordAsync(UserView user)
    {
        if (!await ConfirmAsync("Reset the password?",
                $"{user.Email} gets a new one-time password (shown to you once) and must choose a new password at the next sign-in; the old password stops working and a lockout ends.",
                "Reset password"))
            return;
        var password = await RunAsync(() => Users.ResetPasswordAsync(user.Email, Actors.Ui, _cts.Token));
        if (password is not null)
            await ShownOnceDialog.ShowAsync(Dialogs, $"One-time password of {user.Email}", "One-time password", password,
                "Hand it to the user over a safe channel; they choose their own password at the next sign-in.");
    }

    private async Task RemoveAsync(UserView user)
    {
        var self = user.Email == _me ? " This is you: you are signed out at the next page load." : "";
        if (!await ConfirmAsync("Remove the user?", $"Remove {user.Email}? They can no longer sign in; what they did stays in the audit trail.{self}", "Remove"))
            return;
        if (await RunAsync(async () => { await Users.RemoveAsync(user.Email, Actors.Ui, _cts.Token); return user; }) is not null)
            Snackbar.Add($"{user.Email} removed.", Severity.Success);
    }

    private async Task CreateKeyAsync()
    {
        var dialog = await Dialogs.ShowAsync<CreateKeyDialog>("Create an API key",
            new DialogParameters<CreateKeyDialog> { { d => d.Products, _products } }, FormDialog);
        if (await dialog.Result is not { Canceled: false, Data: CreatedApiKey created })
            return;
        _tab = 1;
        await LoadAsync();
        Snackbar.Add($"API key '{created.View.Name}' created.", Severity.Success);
        await ShownOnceDialog.ShowAsync(Dialogs, $"API key '{created.View.Name}'", "API key", created.Key,
            "Only its hash is stored: a lost key cannot be recovered, revoke it and create another.",
            AdminText.CurlExample(Navigation.BaseUri, created.Key));
    }

    private async Task RevokeAsync(ApiKeyView key)
    {
        if (!await ConfirmAsync("Revoke the key?",
                $"Revoke '{key.Name}' ({key.Prefix}…)? Every request with it gets 401 from now on; this cannot be undone.", "Revoke"))
            return;
        if (await RunAsync(() => Keys.RevokeAsync(key.Name, Actors.Ui, _cts.Token)) is { } revoked)
            Snackbar.Add($"API key '{revoked.Name}' revoked.", Severity.Success);
    }

    /// <summary>Runs a change, reports a refusal, and reloads whatever happened; the result, or null when refused.</summary>
    private async Task<T?> RunAsync<T>(Func<Task<T>> change) where T : class
    {
        _busy = true;
        try
        {
            return await change();
        }
        catch (DashboardException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error, o => o.RequireInteraction = true);
            return null;
        }
        finally
        {
            _busy = false;
            await LoadAsync();
        }
    }

    private async Task<bool> ConfirmAsync(string title, string text, string yes) =>
        await Dialogs.ShowMessageBoxAsync(title, text, yesText: yes, cancelText: "Cancel") == true;

    private static string RoleText(IReadOnlyList<string> roles) => string.Join(", ", roles.Select(DashboardRoleNames.Display));

    public void Dispose()
    {
        _cts.Cancel();
        _cts.Dispose();
    }
}
