namespace DataProductDashboard.Data.Entities;

/// <summary>One attempt to deliver an alert (or a test message) through a channel: the delivery log.</summary>
public sealed class NotificationDelivery
{
    public long Id { get; set; }
    public int ChannelId { get; set; }
    public int ProductId { get; set; }
    public int? AlertId { get; set; }
    public bool IsTest { get; set; }
    public DateTime At { get; set; }
    public int Attempts { get; set; }
    public bool Succeeded { get; set; }
    /// <summary>HTTP status of the last webhook attempt, or the SMTP reply code.</summary>
    public int? StatusCode { get; set; }
    public string? Error { get; set; }
    public double DurationMs { get; set; }
}
