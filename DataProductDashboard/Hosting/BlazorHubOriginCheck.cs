using DataProductDashboard.Configuration;
using Microsoft.Extensions.Options;

namespace DataProductDashboard.Hosting;

/// <summary>Refuses with 403 a request to the Blazor hub (negotiate, websocket upgrade, long polling) whose Origin
/// header names neither the app's own origin (scheme://host[:port] of the request) nor one of
/// <see cref="OriginOptions.AllowedOrigins"/>: a foreign page must not open a circuit in a signed-in user's name
/// (cross-site websocket hijacking). Requests without an Origin header (not sent by a browser) pass.</summary>
public sealed class BlazorHubOriginCheck(RequestDelegate next, IOptions<OriginOptions> options)
{
    public static readonly PathString HubPath = "/_blazor";

    private readonly HashSet<string> _allowed = new(options.Value.AllowedOrigins.Select(o => OriginOptions.Normalize(o)!), StringComparer.Ordinal);

    public Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(HubPath) || context.Request.Headers.Origin is not [{ } origin, ..] || IsAllowed(context.Request, origin))
            return next(context);
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return context.Response.WriteAsync("Cross-origin requests to the Blazor hub are refused.", context.RequestAborted);
    }

    private bool IsAllowed(HttpRequest request, string origin) =>
        OriginOptions.Normalize(origin) is { } normalized
        && (normalized == OriginOptions.Normalize($"{request.Scheme}://{request.Host}") || _allowed.Contains(normalized));
}
