using Microsoft.AspNetCore.Mvc;

namespace DataProductDashboard.Hosting.Access;

/// <summary>401 and 403 answers of the API as RFC 7807 problem details.</summary>
public static class AccessProblems
{
    public const string SignInOrKey = "Sign in, or send an API key as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'.";
    public const string CookieWrites = "The sign-in cookie is accepted for reads only: changes through the API need an API key ('Authorization: Bearer <key>').";

    public static Task WriteAsync(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        if (status == StatusCodes.Status401Unauthorized)
            context.Response.Headers.WWWAuthenticate = "Bearer";
        var problem = new ProblemDetails
        {
            Status = status,
            Title = status == StatusCodes.Status401Unauthorized ? "Authentication required" : "Forbidden",
            Detail = detail,
        };
        return context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }).AsTask();
    }

    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/openapi");
}
