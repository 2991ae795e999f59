namespace DataProductDashboard.Hosting;

/// <summary>Names of the rate-limiting policies, for <c>RequireRateLimiting(...)</c> on endpoints and groups.</summary>
public static class RateLimitPolicies
{
    /// <summary>Sign-in attempts: <c>Dashboard:RateLimits:SignInPerMinute</c> per client IP address.</summary>
    public const string SignIn = "sign-in";

    /// <summary>The /api group: <c>Dashboard:RateLimits:ApiPerMinute</c> per caller.</summary>
    public const string Api = "api";

    /// <summary>The claim naming the API key a caller authenticated with; the API policy partitions on it first.</summary>
    public const string ApiKeyIdClaimType = Services.Access.AccessClaims.KeyId;
}
