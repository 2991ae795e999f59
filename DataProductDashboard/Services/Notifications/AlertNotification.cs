using System.Text.Json;
using System.Text.Json.Serialization;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Services.Notifications;

/// <summary>What a webhook receives (as camelCase JSON, enums as strings) and what an e-mail says, for one alert or a
/// test message. Receivers should check <see cref="SchemaVersion"/>: fields are only ever added within a version.</summary>
/// <param name="SchemaVersion">Version of this shape; currently <see cref="CurrentSchemaVersion"/>.</param>
/// <param name="AlertId">The alert's id (GET /api/alerts/{id}); null for a test message.</param>
/// <param name="ProductId">The data product that raised the alert.</param>
/// <param name="ProductName">Its name.</param>
/// <param name="Kind">What raised it: Gate or MissingBatch.</param>
/// <param name="Severity">Warning or Critical.</param>
/// <param name="State">Open, Acknowledged or Resolved when it was sent.</param>
/// <param name="Title">One line, e.g. "Missing share of 'hum' 0.083 &gt; threshold 0.000".</param>
/// <param name="Message">More detail; may be empty.</param>
/// <param name="Count">How often the condition was seen while the alert stayed unresolved.</param>
/// <param name="FirstSeenAt">UTC.</param>
/// <param name="LastSeenAt">UTC.</param>
/// <param name="Link">Absolute link to the evidence in the dashboard.</param>
/// <param name="BatchId">The batch that raised it, if any.</param>
/// <param name="Column">The column concerned, if any.</param>
/// <param name="IsTest">True for "send test" messages, which are no alert.</param>
/// <param name="SentAt">UTC time the message was composed.</param>
public sealed record AlertNotification(
    int SchemaVersion,
    int? AlertId,
    int ProductId,
    string ProductName,
    AlertKind Kind,
    GateSeverity Severity,
    AlertState State,
    string Title,
    string Message,
    int Count,
    DateTime FirstSeenAt,
    DateTime LastSeenAt,
    string Link,
    int? BatchId,
    string? Column,
    bool IsTest,
    DateTime SentAt)
{
    public const int CurrentSchemaVersion = 1;

    /// <summary><see cref="BatchId"/>'s number within the product ("#3"), as people read it.</summary>
    public int? BatchNumber { get; init; }

    /// <summary>camelCase, enums as strings, UTC times in ISO 8601.</summary>
    public static JsonSerializerOptions SerializerOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static AlertNotification For(Alert alert, string productName, string publicBaseUrl, DateTime sentAt, int? batchNumber = null) => new(
        CurrentSchemaVersion, alert.Id, alert.ProductId, productName, alert.Kind, alert.Severity, alert.State, alert.Title, alert.Message,
        alert.Count, alert.FirstSeenAt, alert.LastSeenAt,
        AbsoluteLink(publicBaseUrl, string.IsNullOrWhiteSpace(alert.Link) ? $"/products/{alert.ProductId}" : alert.Link),
        alert.BatchId, alert.Column, IsTest: false, sentAt) { BatchNumber = batchNumber };

    /// <summary>The message "send test" delivers: shaped like an alert of the channel's minimum severity, marked as a test.</summary>
    public static AlertNotification Test(NotificationChannel channel, string productName, string publicBaseUrl, DateTime sentAt) => new(
        CurrentSchemaVersion, AlertId: null, channel.ProductId, productName, AlertKind.Gate, channel.MinimumSeverity, AlertState.Open,
        $"Test notification for channel '{channel.Name}'",
        $"If you can read this, {(channel.MinimumSeverity == GateSeverity.Critical ? "critical alerts" : "warnings and critical alerts")} of {productName} reach this channel.",
        Count: 1, sentAt, sentAt, AbsoluteLink(publicBaseUrl, $"/products/{channel.ProductId}/notifications"),
        BatchId: null, Column: null, IsTest: true, sentAt);

    /// <summary>Joins the public base URL and an in-app link ("/batches/12?column=hum"); absolute links stay as they are.</summary>
    public static string AbsoluteLink(string publicBaseUrl, string link)
    {
        if (Uri.TryCreate(link, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
            return absolute.ToString();
        return publicBaseUrl.TrimEnd('/') + "/" + link.TrimStart('/');
    }

    public byte[] ToJsonBytes() => JsonSerializer.SerializeToUtf8Bytes(this, SerializerOptions);
}
