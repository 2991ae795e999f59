namespace DataProductDashboard.Data.Entities;

/// <summary>An alert waiting to be sent through its product's webhook and e-mail channels, saved with the alert
/// itself, so an alert raised just before a restart is still delivered.</summary>
public sealed class OutboxMessage
{
    public int Id { get; set; }
    public int AlertId { get; set; }
    public Alert? Alert { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
    public int Attempts { get; set; }
    public string? Error { get; set; }
    /// <summary>The instance sending the message, and until when it may: another instance leaves a claimed message
    /// alone until then (it sends a message once the sender died before marking it sent).</summary>
    public string? ClaimedBy { get; set; }
    public DateTime? ClaimedUntil { get; set; }
}
