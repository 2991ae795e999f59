using DataProductDashboard.Data.Entities;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace DataProductDashboard.Hosting;

/// <summary>The account endpoints that are not pages: sign-out (a form post with an antiforgery token).</summary>
public static class AccountEndpointExtensions
{
    public static WebApplication MapAccountEndpoints(this WebApplication app)
    {
        app.MapPost("/account/logout", SignOutAsync).WithName("SignOut").AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, IAntiforgery antiforgery, SignInManager<DashboardUser> signIn, [FromForm] string? returnUrl)
    {
        // Validated here as well: a post without a form body would otherwise skip the middleware's check.
        if (!context.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(context))
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: "Sign-out needs the form's antiforgery token.");
        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect("/account/login" + (string.IsNullOrEmpty(returnUrl) ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl)));
    }
}
