namespace DataProductDashboard.Services.Notifications;

/// <summary>What an IP address is, as far as webhooks care: only <see cref="Public"/> addresses may be targeted
/// unless Notifications:AllowedWebhookHosts allows them.</summary>
public enum WebhookAddressKind
{
    Public,
    Loopback,
    LinkLocal,
    Private,
    /// <summary>100.64.0.0/10, carrier-grade NAT (RFC 6598).</summary>
    SharedAddressSpace,
    Multicast,
    Unspecified,
    Broadcast,
    /// <summary>240.0.0.0/4 and other ranges that are not routed on the internet.</summary>
    Reserved,
}
