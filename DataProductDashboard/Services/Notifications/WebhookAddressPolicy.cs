using System.Net;
using System.Net.Sockets;

namespace DataProductDashboard.Services.Notifications;

/// <summary>Pure classification of webhook addresses: which IP addresses and host names point at the host itself or
/// its network. IPv6 forms that carry an IPv4 address (IPv4-mapped ::ffff:a.b.c.d, IPv4-compatible ::a.b.c.d, NAT64
/// 64:ff9b::/96, 6to4 2002::/16) are judged by that IPv4 address.</summary>
public static class WebhookAddressPolicy
{
    private static readonly (IPNetwork Network, WebhookAddressKind Kind)[] Ranges =
    [
        (IPNetwork.Parse("0.0.0.0/8"), WebhookAddressKind.Unspecified),
        (IPNetwork.Parse("10.0.0.0/8"), WebhookAddressKind.Private),
        (IPNetwork.Parse("100.64.0.0/10"), WebhookAddressKind.SharedAddressSpace),
        (IPNetwork.Parse("127.0.0.0/8"), WebhookAddressKind.Loopback),
        (IPNetwork.Parse("169.254.0.0/16"), WebhookAddressKind.LinkLocal),
        (IPNetwork.Parse("172.16.0.0/12"), WebhookAddressKind.Private),
        (IPNetwork.Parse("192.0.0.0/24"), WebhookAddressKind.Reserved),
        (IPNetwork.Parse("192.168.0.0/16"), WebhookAddressKind.Private),
        (IPNetwork.Parse("198.18.0.0/15"), WebhookAddressKind.Reserved),
        (IPNetwork.Parse("224.0.0.0/4"), WebhookAddressKind.Multicast),
        (IPNetwork.Parse("255.255.255.255/32"), WebhookAddressKind.Broadcast),
        (IPNetwork.Parse("240.0.0.0/4"), WebhookAddressKind.Reserved),
        (IPNetwork.Parse("::/128"), WebhookAddressKind.Unspecified),
        (IPNetwork.Parse("::1/128"), WebhookAddressKind.Loopback),
        (IPNetwork.Parse("fe80::/10"), WebhookAddressKind.LinkLocal),
        (IPNetwork.Parse("fec0::/10"), WebhookAddressKind.Private),
        (IPNetwork.Parse("fc00::/7"), WebhookAddressKind.Private),
        (IPNetwork.Parse("ff00::/8"), WebhookAddressKind.Multicast),
    ];

    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");

    public static WebhookAddressKind Classify(IPAddress address)
    {
        var ip = Unwrap(address);
        foreach (var (network, kind) in Ranges)
        {
            if (network.Contains(ip))
                return kind;
        }
        return WebhookAddressKind.Public;
    }

    /// <summary>The address a connection really reaches: the IPv4 address inside IPv4-mapped, IPv4-compatible, NAT64
    /// and 6to4 IPv6 addresses, without a scope id; other addresses as they are.</summary>
    public static IPAddress Unwrap(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return address;
        if (address.IsIPv4MappedToIPv6)
            return address.MapToIPv4();
        var bytes = address.GetAddressBytes();
        // IPv4-compatible ::a.b.c.d (deprecated, but still parsed and routed by some stacks); :: and ::1 are themselves.
        var compatible = !bytes.AsSpan(0, 12).ContainsAnyExcept((byte)0) && (bytes[12] | bytes[13] | bytes[14] | (bytes[15] & 0xFE)) != 0;
        if (compatible || Nat64.Contains(address))
            return new IPAddress(bytes.AsSpan(12, 4));
        if (SixToFour.Contains(address))
            return new IPAddress(bytes.AsSpan(2, 4));
        return address.ScopeId == 0 ? address : new IPAddress(bytes);
    }

    /// <summary>"localhost", "localhost." and every name under .localhost (RFC 6761): the host itself, whatever DNS says.</summary>
    public static bool IsLocalHostName(string host)
    {
        var name = host.TrimEnd('.');
        return name.Equals("localhost", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>"a loopback address", "a private-network address", …</summary>
    public static string Describe(WebhookAddressKind kind) => kind switch
    {
        WebhookAddressKind.Loopback => "a loopback address",
        WebhookAddressKind.LinkLocal => "a link-local address",
        WebhookAddressKind.Private => "a private-network address",
        WebhookAddressKind.SharedAddressSpace => "a carrier-grade NAT address (100.64.0.0/10)",
        WebhookAddressKind.Multicast => "a multicast address",
        WebhookAddressKind.Unspecified => "an unspecified address",
        WebhookAddressKind.Broadcast => "the broadcast address",
        WebhookAddressKind.Reserved => "a reserved address",
        _ => "a public address",
    };
}
