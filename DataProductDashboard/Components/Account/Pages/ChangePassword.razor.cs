using System.ComponentModel.DataAnnotations;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Services.Access;
using DataProductDashboard.Components.Account.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;

namespace DataProductDashboard.Components.Account.Pages;

/// <summary>Replaces the signed-in user's password (required after a generated one); the session is renewed so the
/// new security stamp does not sign the user out.</summary>
public sealed partial class ChangePassword
{
    private List<string> _errors = [];
    private bool _mustChange;

    [CascadingParameter] public HttpContext HttpContext { get; set; } = default!;
    [Inject] public required SignInManager<DashboardUser> SignIn { get; init; }
    [Inject] public required InitialAdmin InitialAdmin { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required ILogger<ChangePassword> Logger { get; init; }

    [SupplyParameterFromForm] private PasswordInput? Input { get; set; }
    [SupplyParameterFromQuery] private string? ReturnUrl { get; set; }

    protected override async Task OnInitializedAsync()
    {
        Input ??= new PasswordInput();
        var user = await SignIn.UserManager.GetUserAsync(HttpContext.User);
        _mustChange = user?.MustChangePassword ?? false;
    }

    private async Task ChangeAsync()
    {
        var user = await SignIn.UserManager.GetUserAsync(HttpContext.User);
        if (user is null)
        {
            Navigation.NavigateTo("/account/login", forceLoad: true);
            return;
        }
        if (Input!.New != Input!.Confirm)
        {
            _errors = ["The two new passwords differ."];
            return;
        }
        var result = await SignIn.UserManager.ChangePasswordAsync(user, Input!.Current, Input!.New);
        if (!result.Succeeded)
        {
            _errors = result.Errors.Select(e => e.Code == "PasswordMismatch" ? "The current password is wrong." : e.Description).ToList();
            return;
        }
        var wasGenerated = user.MustChangePassword;
        user.MustChangePassword = false;
        await SignIn.UserManager.UpdateAsync(user);
        if (wasGenerated && user.UserName == InitialAdmin.UserName)
            InitialAdmin.Forget();
        await SignIn.RefreshSignInAsync(user);
        Logger.LogInformation("{User} changed their password", user.UserName);
        Navigation.NavigateTo(LocalUrl.OrHome(ReturnUrl), forceLoad: true);
    }

    private sealed class PasswordInput
    {
        [Required(ErrorMessage = "Enter your current password.")]
        public string Current { get; set; } = "";

        [Required(ErrorMessage = "Enter a new password.")]
        [StringLength(200, MinimumLength = 12, ErrorMessage = "The new password needs at least 12 characters.")]
        public string New { get; set; } = "";

        [Required(ErrorMessage = "Enter the new password again.")]
        public string Confirm { get; set; } = "";
    }
}
