using DataProductDashboard.Services.Access;

namespace DataProductDashboard.Hosting.Access;

/// <summary>A user signed in with a generated password reaches nothing but the account pages until it is replaced:
/// pages redirect to /account/change-password, the API answers 403.</summary>
public sealed class PasswordChangeGate(RequestDelegate next)
{
    public const string ChangePasswordPath = "/account/change-password";

    public Task InvokeAsync(HttpContext context)
    {
        if (!context.User.HasClaim(c => c.Type == AccessClaims.MustChangePassword) || IsExempt(context.Request.Path))
            return next(context);
        if (AccessProblems.IsApi(context))
            return AccessProblems.WriteAsync(context, StatusCodes.Status403Forbidden, "Choose a new password first (the one-time password must be replaced at the first sign-in).");
        var returnUrl = Uri.EscapeDataString(context.Request.PathBase + context.Request.Path + context.Request.QueryString);
        context.Response.Redirect($"{ChangePasswordPath}?returnUrl={returnUrl}");
        return Task.CompletedTask;
    }

    private static bool IsExempt(PathString path) =>
        path.StartsWithSegments("/account") || path.StartsWithSegments("/_framework") || path.StartsWithSegments("/_content")
        || path.StartsWithSegments("/_blazor") || Path.HasExtension(path.Value);
}
