namespace DataProductDashboard.Services.Notifications;

/// <summary>How a webhook URL may be shown: without the credentials it may carry.</summary>
public static class WebhookUrl
{
    public const string MaskedCredentials = "***";

    /// <summary>"https://user:pass@hooks.example/a" → "https://***@hooks.example/a"; URLs without credentials, and
    /// text that is no URL, as they are.</summary>
    public static string Mask(string url)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
            return url;
        var start = scheme + 3;
        var end = url.IndexOfAny(['/', '?', '#'], start);
        var authority = end < 0 ? url[start..] : url[start..end];
        var at = authority.LastIndexOf('@');
        return at < 0 ? url : string.Concat(url.AsSpan(0, start), MaskedCredentials, url.AsSpan(start + at));
    }

    /// <summary>host:port of a URL (never its credentials), or the masked text when it is no URL.</summary>
    public static string Authority(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Authority : Mask(url);
}
