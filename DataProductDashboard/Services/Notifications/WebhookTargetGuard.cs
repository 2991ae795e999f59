using System.Net;
using System.Net.Sockets;
using DataProductDashboard.Configuration;
using Microsoft.Extensions.Options;

namespace DataProductDashboard.Services.Notifications;

/// <summary>Keeps webhooks from being turned against the host or its network. At save time
/// (<see cref="TargetError"/>) it refuses URLs whose host is an IP literal in a blocked range (in any spelling
/// System.Uri accepts: decimal, hex, octal, short or full-width IPv4, IPv4-mapped or -compatible IPv6) or a localhost
/// name, without asking DNS. At send time (<see cref="ConnectAsync"/>, the webhook handler's ConnectCallback) it
/// resolves the host, refuses when any address is blocked, and connects to the checked address itself, so a DNS
/// answer that changes between check and connect cannot slip through. Hosts and ranges in
/// Notifications:AllowedWebhookHosts are let through.</summary>
public sealed class WebhookTargetGuard(IOptions<NotificationOptions> options, ILogger<WebhookTargetGuard> logger)
{
    private readonly WebhookAllowList _allowed = WebhookAllowList.Parse(options.Value.AllowedWebhookHosts);

    /// <summary>Why a webhook URL may not be saved, or null. Host names that need DNS pass here and are checked when
    /// a message is sent.</summary>
    public string? TargetError(string url)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
            return null;
        // IP literals as System.Uri normalized them (decimal, hex, octal, short forms; IPv6 without a zone id);
        // names as IdnHost, not Host: "http://127。0。0。1/" has a Dns host type but connects to 127.0.0.1.
        var host = uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 ? uri.Host.Trim('[', ']') : uri.IdnHost;
        if (_allowed.AllowsHost(host))
            return null;
        if (WebhookAddressPolicy.IsLocalHostName(host))
            return LocalHostRefusal(WebhookUrl.Mask(url.Trim()), host);
        return IPAddress.TryParse(host, out var ip) ? Refusal(WebhookUrl.Mask(url.Trim()), [ip]) : null;
    }

    /// <summary>The addresses <paramref name="host"/> may be reached at: all it resolves to, when none is blocked.</summary>
    /// <exception cref="WebhookTargetRefusedException">A resolved address is blocked, or the host is a localhost name.</exception>
    public async Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct)
    {
        var name = host.Trim('[', ']');
        var allowed = _allowed.AllowsHost(name);
        if (!allowed && WebhookAddressPolicy.IsLocalHostName(name))
            throw Refused(LocalHostRefusal(name, name));
        var addresses = IPAddress.TryParse(name, out var literal) ? new[] { literal } : await Dns.GetHostAddressesAsync(name, ct);
        if (!allowed && Refusal(name, addresses) is { } refusal)
            throw Refused(refusal);
        return addresses;
    }

    /// <summary>A <see cref="SocketsHttpHandler.ConnectCallback"/>: resolves and checks the host, then connects to the
    /// checked addresses in turn.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var addresses = await ResolveAsync(context.DnsEndPoint.Host, ct);
        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw last ?? new SocketException((int)SocketError.HostNotFound);
    }

    /// <summary>The webhook client's handler: connects through <see cref="ConnectAsync"/>, follows no redirects and
    /// uses no proxy (a proxy would make the connection, unchecked, on our behalf).</summary>
    public SocketsHttpHandler CreateHandler() => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        AllowAutoRedirect = false,
        UseProxy = false,
        ConnectCallback = ConnectAsync,
    };

    /// <summary>Why <paramref name="what"/> may not be reached at one of these addresses, or null.</summary>
    private string? Refusal(string what, IReadOnlyList<IPAddress> addresses)
    {
        foreach (var address in addresses)
        {
            var kind = WebhookAddressPolicy.Classify(address);
            if (kind != WebhookAddressKind.Public && !_allowed.Allows(address))
                return $"{what} resolves to {address}, {WebhookAddressPolicy.Describe(kind)}; {Advice}";
        }
        return null;
    }

    private WebhookTargetRefusedException Refused(string reason)
    {
        logger.LogWarning("Webhook refused: {Reason}", reason);
        return new WebhookTargetRefusedException(reason);
    }

    private static string LocalHostRefusal(string what, string host) =>
        $"{what} names {host}, {WebhookAddressPolicy.Describe(WebhookAddressKind.Loopback)}; {Advice}";

    private const string Advice = "webhooks may not target the host or its private network (allow it in Notifications:AllowedWebhookHosts)";
}
