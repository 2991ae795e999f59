using System.ComponentModel.DataAnnotations;

namespace DataProductDashboard.Configuration;

/// <summary>The "Dashboard:RateLimits" section: how many sign-in attempts and API calls a caller may make a minute.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "Dashboard:RateLimits";

    /// <summary>Sign-in attempts a minute per client IP address.</summary>
    [Range(1, 10_000)]
    public int SignInPerMinute { get; set; } = 10;

    /// <summary>API requests a minute per caller (API key, else signed-in user, else IP address); a burst of the whole
    /// minute's allowance is accepted at once. The default never throttles one busy pipeline.</summary>
    [Range(1, 10_000_000)]
    public int ApiPerMinute { get; set; } = 3_000;
}
