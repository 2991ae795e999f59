using System.Net;
using DataProductDashboard.Configuration;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace DataProductDashboard.Services.Notifications;

/// <summary>The address people open the dashboard at, which links in webhooks, e-mails and exported reports start with:
/// <c>Notifications:PublicBaseUrl</c> when set (behind a proxy, a public name), else the address the app actually
/// listens on, an https one first, a wildcard host (<c>0.0.0.0</c>, <c>[::]</c>, <c>+</c>, <c>*</c>) named by this
/// machine's host name.</summary>
public sealed class PublicBaseUrl(IOptions<NotificationOptions> options, IServiceProvider services)
{
    /// <summary>Without a configured URL or a listening address (an in-memory test server, a host without a server).</summary>
    public const string Fallback = "http://localhost";

    /// <summary>The base URL, without a trailing slash.</summary>
    public string Value => Choose(options.Value.PublicBaseUrl,
        services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [], Dns.GetHostName());

    /// <summary>The configured URL when set, else the first https listening address, else the first http one, its
    /// wildcard host replaced by <paramref name="hostName"/>; <see cref="Fallback"/> without any.</summary>
    public static string Choose(string? configured, IEnumerable<string> addresses, string hostName)
    {
        if (!string.IsNullOrWhiteSpace(configured))
            return configured.Trim().TrimEnd('/');
        var listening = addresses.Select(a => a.Trim()).Where(a => a.Length > 0).ToList();
        var chosen = listening.FirstOrDefault(a => a.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            ?? listening.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase));
        if (chosen is null)
            return Fallback;
        var schemeEnd = chosen.IndexOf("://", StringComparison.Ordinal) + 3;
        var rest = chosen[schemeEnd..];
        var portAt = rest.StartsWith('[') ? rest.IndexOf("]:", StringComparison.Ordinal) + 1 : rest.LastIndexOf(':');
        var host = portAt > 0 ? rest[..portAt] : rest.TrimEnd('/');
        var tail = portAt > 0 ? rest[portAt..] : "";
        if (host is "0.0.0.0" or "[::]" or "+" or "*")
            host = hostName;
        return (chosen[..schemeEnd] + host + tail).TrimEnd('/');
    }
}
