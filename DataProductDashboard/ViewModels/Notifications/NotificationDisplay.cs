using System.Globalization;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Notifications;

namespace DataProductDashboard.ViewModels.Notifications;

/// <summary>How channels and deliveries read on the notifications page.</summary>
public static class NotificationDisplay
{
    public static string Severity(GateSeverity minimum) => minimum == GateSeverity.Critical ? "Critical only" : "Warning and above";

    public static string Kind(ChannelKind kind) => kind == ChannelKind.Email ? "E-mail" : kind.ToString();

    /// <summary>"120 ms", "2.4 s".</summary>
    public static string Duration(double milliseconds) => milliseconds < 1000
        ? $"{milliseconds.ToString("0", CultureInfo.InvariantCulture)} ms"
        : $"{(milliseconds / 1000).ToString("0.0", CultureInfo.InvariantCulture)} s";

    /// <summary>"Delivered in 120 ms" or "Failed after 3 attempts: HTTP 500 Internal Server Error".</summary>
    public static string Outcome(DeliverySummary delivery) => delivery.Succeeded
        ? $"Delivered in {Duration(delivery.DurationMs)}{(delivery.Attempts > 1 ? $" ({delivery.Attempts} attempts)" : "")}"
        : $"Failed{(delivery.Attempts > 1 ? $" after {delivery.Attempts} attempts" : "")}: {delivery.Error ?? "no reason given"}";

    /// <summary>The short text of the last-delivery chip: "Delivered", "HTTP 500", "SMTP 550", "Failed".</summary>
    public static string Chip(DeliverySummary delivery) => delivery.Succeeded
        ? delivery.IsTest ? "Test delivered" : "Delivered"
        : delivery.StatusCode is { } code
            ? delivery.ChannelKind == ChannelKind.Email ? $"SMTP {code}" : $"HTTP {code}"
            : "Failed";

    /// <summary>What a delivery was about: "Test message", or the alert's title (or id once the alert is gone).</summary>
    public static string Subject(DeliverySummary delivery) => delivery.IsTest
        ? "Test message"
        : delivery.AlertTitle ?? (delivery.AlertId is { } id ? $"Alert {id.ToString(CultureInfo.InvariantCulture)}" : "Deleted alert");

    /// <summary>A webhook URL without its query string and with a long path cut (they often carry tokens); addresses as they are.</summary>
    public static string Target(ChannelKind kind, string target)
    {
        if (kind != ChannelKind.Webhook || !Uri.TryCreate(target, UriKind.Absolute, out var uri))
            return target;
        var path = uri.AbsolutePath.Length > 24 ? uri.AbsolutePath[..20] + "…" : uri.AbsolutePath;
        return $"{uri.Scheme}://{uri.Authority}{path}{(uri.Query.Length > 0 ? "?…" : "")}";
    }
}
