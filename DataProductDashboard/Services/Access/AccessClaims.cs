using System.Globalization;
using System.Security.Claims;

namespace DataProductDashboard.Services.Access;

/// <summary>The dashboard's own claim types and what they say about a caller.</summary>
public static class AccessClaims
{
    /// <summary>Id of the API key that authenticated the request (absent for signed-in users).</summary>
    public const string KeyId = "dpd:key_id";
    /// <summary>Comma-separated product ids an API key is restricted to (absent: every product).</summary>
    public const string Products = "dpd:products";
    /// <summary>Present while a signed-in user still has to replace a generated password.</summary>
    public const string MustChangePassword = "dpd:must_change_password";

    public static bool IsApiKey(this ClaimsPrincipal user) => user.HasClaim(c => c.Type == KeyId);

    /// <summary>The products the caller is restricted to, or null when it may use every product.</summary>
    public static IReadOnlySet<int>? AllowedProducts(this ClaimsPrincipal user)
    {
        var claim = user.FindFirst(Products);
        return claim is null ? null : ParseProductIds(claim.Value);
    }

    public static bool MayUseProduct(this ClaimsPrincipal user, int productId) => user.AllowedProducts() is not { } allowed || allowed.Contains(productId);

    public static HashSet<int> ParseProductIds(string text) =>
        text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(p => int.Parse(p, NumberStyles.None, CultureInfo.InvariantCulture)).ToHashSet();
}
