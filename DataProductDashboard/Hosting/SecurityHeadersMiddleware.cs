using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.Options;

namespace DataProductDashboard.Hosting;

/// <summary>Puts the security headers on every response (pages, API, static files, error pages). They are written
/// when the response starts, so the exception handler clearing the headers of a failed response does not drop them.
/// HSTS follows UseHsts: HTTPS requests only, not for the hosts <see cref="HstsOptions.ExcludedHosts"/> lists.</summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<HstsOptions> hsts)
{
    private readonly string _strictTransportSecurity = StrictTransportSecurity(hsts.Value);
    private readonly HashSet<string> _hstsExcludedHosts = new(hsts.Value.ExcludedHosts, StringComparer.OrdinalIgnoreCase);

    public Task InvokeAsync(HttpContext context)
    {
        var policy = ContentSecurityPolicy.For(ContentSecurityPolicy.CreateNonce(context));
        var hsts = context.Request.IsHttps && !_hstsExcludedHosts.Contains(context.Request.Host.Host) ? _strictTransportSecurity : null;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            if (hsts is not null)
                headers.StrictTransportSecurity = hsts;
            return Task.CompletedTask;
        });
        return next(context);
    }

    private static string StrictTransportSecurity(HstsOptions options) =>
        $"max-age={(long)options.MaxAge.TotalSeconds}" + (options.IncludeSubDomains ? "; includeSubDomains" : "") + (options.Preload ? "; preload" : "");
}
