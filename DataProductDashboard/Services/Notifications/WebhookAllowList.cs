using System.Net;

namespace DataProductDashboard.Services.Notifications;

/// <summary>The hosts and ranges an Admin lets webhooks reach although they are on the host or its network
/// (Notifications:AllowedWebhookHosts): host names ("hooks.internal", matched exactly, case-insensitive), IP addresses
/// ("127.0.0.1") and CIDR ranges ("10.20.0.0/16", "fd00::/8").</summary>
public sealed class WebhookAllowList
{
    private readonly HashSet<string> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<IPNetwork> _networks = [];

    /// <summary>The allow-list of these entries; entries <see cref="EntryError"/> refuses are left out (options
    /// validation reports them at start).</summary>
    public static WebhookAllowList Parse(IEnumerable<string?> entries)
    {
        var list = new WebhookAllowList();
        foreach (var entry in entries)
        {
            var text = entry?.Trim() ?? "";
            if (TryNetwork(text, out var network))
                list._networks.Add(network);
            else if (Uri.CheckHostName(text) == UriHostNameType.Dns)
                list._hosts.Add(HostKey(text));
        }
        return list;
    }

    /// <summary>Why an entry allows nothing; null when it is a host name, an IP address or a CIDR range.</summary>
    public static string? EntryError(string? entry)
    {
        var text = entry?.Trim() ?? "";
        return TryNetwork(text, out _) || Uri.CheckHostName(text) == UriHostNameType.Dns
            ? null
            : $"'{entry}' is not a host name, an IP address or a CIDR range such as 10.20.0.0/16.";
    }

    /// <summary>True when the host (a name, or an IP literal with or without brackets) is allowed as such.</summary>
    public bool AllowsHost(string host) =>
        _hosts.Contains(HostKey(host)) || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && Allows(ip));

    /// <summary>True when the address, or the IPv4 address an IPv6 form of it carries, is in an allowed range.</summary>
    public bool Allows(IPAddress address)
    {
        var unwrapped = WebhookAddressPolicy.Unwrap(address);
        return _networks.Exists(n => n.Contains(address) || n.Contains(unwrapped));
    }

    private static string HostKey(string host) => host.Trim().TrimEnd('.');

    private static bool TryNetwork(string text, out IPNetwork network)
    {
        if (IPAddress.TryParse(text, out var ip) && !text.Contains('/', StringComparison.Ordinal))
        {
            network = new IPNetwork(ip, ip.GetAddressBytes().Length * 8);
            return true;
        }
        return IPNetwork.TryParse(text, out network);
    }
}
