using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using DataProductDashboard.Configuration;
using Microsoft.AspNetCore.RateLimiting;

namespace DataProductDashboard.Hosting;

/// <summary>A rate-limiting policy that answers a rejection with 429, Retry-After in whole seconds and RFC 7807 problem
/// details naming the limit; <see cref="SignIn"/> and <see cref="Api"/> build the app's two.</summary>
internal sealed class DashboardRateLimitPolicy(Func<HttpContext, RateLimitPartition<string>> partition, string limit, TimeSpan fallbackRetryAfter)
    : IRateLimiterPolicy<string>
{
    public static readonly TimeSpan ApiReplenishmentPeriod = TimeSpan.FromSeconds(10);

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => (context, _) => RejectAsync(context);

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) => partition(httpContext);

    /// <summary>Sign-in attempts (posts of the sign-in form): a one-minute fixed window per client IP address, no
    /// queue. Showing the form is not an attempt.</summary>
    public static DashboardRateLimitPolicy SignIn(RateLimitOptions options) => new(
        context => !HttpMethods.IsPost(context.Request.Method) ? RateLimitPartition.GetNoLimiter("page")
        : RateLimitPartition.GetFixedWindowLimiter(ClientAddress(context), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.SignInPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }),
        $"At most {options.SignInPerMinute} sign-in attempts a minute per address.",
        TimeSpan.FromMinutes(1));

    /// <summary>A token bucket per caller (<see cref="Caller"/>) holding a minute's allowance, refilled a sixth of it
    /// every 10 s; no queue and no concurrency cap (parallel uploads of one key pass).</summary>
    public static DashboardRateLimitPolicy Api(RateLimitOptions options) => new(
        context => RateLimitPartition.GetTokenBucketLimiter(Caller(context), _ => ApiBucket(options.ApiPerMinute)),
        $"At most {options.ApiPerMinute} API requests a minute per API key, user or address.",
        ApiReplenishmentPeriod);

    public static TokenBucketRateLimiterOptions ApiBucket(int perMinute) => new()
    {
        TokenLimit = perMinute,
        TokensPerPeriod = Math.Max(1, (int)Math.Ceiling(perMinute * ApiReplenishmentPeriod.TotalMinutes)),
        ReplenishmentPeriod = ApiReplenishmentPeriod,
        QueueLimit = 0,
    };

    /// <summary>Who a request counts against: its API key, else its signed-in user, else its client IP address.</summary>
    internal static string Caller(HttpContext context) =>
        context.User.FindFirst(RateLimitPolicies.ApiKeyIdClaimType)?.Value is { Length: > 0 } keyId ? "key:" + keyId
        : context.User.FindFirst(ClaimTypes.NameIdentifier)?.Value is { Length: > 0 } userId ? "user:" + userId
        : ClientAddress(context);

    private static string ClientAddress(HttpContext context) => "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    private async ValueTask RejectAsync(OnRejectedContext context)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : fallbackRetryAfter;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        var http = context.HttpContext;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await TypedResults.Problem(title: "Too many requests", detail: $"{limit} Retry after {seconds} s.", statusCode: StatusCodes.Status429TooManyRequests)
            .ExecuteAsync(http);
    }
}
