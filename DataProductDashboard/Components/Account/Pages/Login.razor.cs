using System.ComponentModel.DataAnnotations;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Components.Account.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;

namespace DataProductDashboard.Components.Account.Pages;

/// <summary>Password sign-in with lockout after repeated failures; a generated password leads on to the change page.</summary>
public sealed partial class Login
{
    private string? _error;

    [Inject] public required SignInManager<DashboardUser> SignIn { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }
    [Inject] public required ILogger<Login> Logger { get; init; }

    [SupplyParameterFromForm] private LoginInput? Input { get; set; }
    [SupplyParameterFromQuery] private string? ReturnUrl { get; set; }

    protected override void OnInitialized() => Input ??= new LoginInput();

    private async Task SignInAsync()
    {
        var name = Input!.Email.Trim();
        var result = await SignIn.PasswordSignInAsync(name, Input!.Password, Input!.RememberMe, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            Logger.LogWarning("Sign-in of {User} refused: locked out", name);
            _error = "This account is locked after repeated failed sign-ins. Try again in a few minutes, or ask an Admin to reset the password.";
            return;
        }
        if (!result.Succeeded)
        {
            Logger.LogInformation("Failed sign-in for {User}", name);
            _error = "The sign-in name or the password is wrong.";
            return;
        }
        var user = (await SignIn.UserManager.FindByNameAsync(name))!;
        user.LastSignInAt = Clock.GetUtcNow().UtcDateTime;
        await SignIn.UserManager.UpdateAsync(user);
        Logger.LogInformation("{User} signed in", name);
        var target = LocalUrl.OrHome(ReturnUrl);
        Navigation.NavigateTo(user.MustChangePassword ? $"/account/change-password?returnUrl={Uri.EscapeDataString(target)}" : target, forceLoad: true);
    }

    private sealed class LoginInput
    {
        [Required(ErrorMessage = "Enter your sign-in name.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        public bool RememberMe { get; set; }
    }
}
