using DataProductDashboard.Components.Shared;
using DataProductDashboard.Services.Access;
using DataProductDashboard.ViewModels.Admin;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace DataProductDashboard.Components.Pages.Admin;

/// <summary>The users: sortable, filterable (e-mail, role), exportable as CSV; each row edits roles, resets the
/// password or removes the user (the page does the work).</summary>
public sealed partial class UsersTable
{
    private string? _filter;

    [Parameter, EditorRequired] public required IReadOnlyList<UserView> Users { get; set; }
    /// <summary>The signed-in Admin's name, marked "(you)".</summary>
    [Parameter] public string? CurrentUser { get; set; }
    [Parameter] public bool Busy { get; set; }
    [Parameter] public EventCallback<UserView> OnEditRoles { get; set; }
    [Parameter] public EventCallback<UserView> OnResetPassword { get; set; }
    [Parameter] public EventCallback<UserView> OnRemove { get; set; }
    [Inject] public required IJSRuntime JS { get; init; }

    private bool Matches(UserView u) =>
        AdminText.Matches(_filter, [u.Email, .. u.Roles, .. u.Roles.Select(DashboardRoleNames.Display), u.LockedOut ? "locked" : null]);

    private async Task ExportAsync() => await JS.InvokeVoidAsync("dpdDownload", "users.csv", "text/csv", UsersCsv.Write(Users.Where(Matches)));
}
