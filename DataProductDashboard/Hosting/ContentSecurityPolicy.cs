using System.Security.Cryptography;

namespace DataProductDashboard.Hosting;

/// <summary>The Content-Security-Policy every response carries, and the per-request nonce that lets the one inline
/// script the app renders (Blazor's <c>&lt;ImportMap /&gt;</c>) run.</summary>
public static class ContentSecurityPolicy
{
    private const string NonceItemKey = "dpd:csp-nonce";

    /// <summary>No inline or eval'd script; inline style attributes (MudBlazor sets them, Plotly inserts style
    /// elements); data: images and fonts; the Blazor websocket is same-origin; no framing, plugins or foreign forms.</summary>
    public static string For(string nonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    /// <summary>The nonce of this request's policy, for <c>&lt;ImportMap nonce="..." /&gt;</c>; null outside the
    /// security-headers middleware.</summary>
    public static string? GetCspNonce(this HttpContext context) => context.Items[NonceItemKey] as string;

    internal static string CreateNonce(HttpContext context)
    {
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)); // hex: nothing for HTML to encode
        context.Items[NonceItemKey] = nonce;
        return nonce;
    }
}
