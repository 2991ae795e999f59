using DataProductDashboard.Domain;

namespace DataProductDashboard.Data.Entities;

/// <summary>Where a product's alerts are sent besides the in-app inbox: a webhook URL or e-mail addresses.</summary>
public sealed class NotificationChannel
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    public required string Name { get; set; }
    public ChannelKind Kind { get; set; }
    /// <summary>The webhook URL, or comma-separated e-mail addresses.</summary>
    public required string Target { get; set; }
    /// <summary>Alerts below this severity are not sent here.</summary>
    public GateSeverity MinimumSeverity { get; set; }
    public bool Enabled { get; set; } = true;
    /// <summary>Webhooks: the Standard Webhooks signing secret ("whsec_…"); null for e-mail channels, and for webhook
    /// channels saved before signing existed until their first delivery or a rotation gives them one.</summary>
    public string? Secret { get; set; }
    public DateTime CreatedAt { get; set; }
}
