using DataProductDashboard.Configuration;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace DataProductDashboard.Hosting;

/// <summary>The web surface's protections: security headers, the Blazor hub origin check and rate limits.</summary>
public static class WebSurfaceExtensions
{
    /// <summary>Options (validated on start) and the rate limiter with the <see cref="RateLimitPolicies"/>.</summary>
    public static WebApplicationBuilder AddDashboardWebSurface(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OriginOptions>().BindConfiguration(OriginOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        // The security headers say DENY; antiforgery would otherwise add its own SAMEORIGIN.
        builder.Services.Configure<AntiforgeryOptions>(o => o.SuppressXFrameOptionsHeader = true);
        builder.Services.AddRateLimiter(limiter => limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests);
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limiter, limits) =>
        {
            limiter.AddPolicy(RateLimitPolicies.SignIn, DashboardRateLimitPolicy.SignIn(limits.Value));
            limiter.AddPolicy(RateLimitPolicies.Api, DashboardRateLimitPolicy.Api(limits.Value));
        });
        return builder;
    }

    /// <summary>First in the pipeline, so that every response (errors included) carries the headers and a foreign
    /// page's hub request is refused before anything else runs.</summary>
    public static WebApplication UseDashboardWebSurface(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<BlazorHubOriginCheck>();
        return app;
    }

    /// <summary>The rate limiter; it must run after authentication, so that the API policy partitions on the caller.</summary>
    public static WebApplication UseDashboardRateLimits(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }
}
