using System.Globalization;
using System.Net;
using System.Text;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Services.Notifications;

/// <summary>How an <see cref="AlertNotification"/> reads as an e-mail: subject, plain text and a simple HTML body.</summary>
public static class AlertEmail
{
    /// <summary>"[Critical] Bike rental demand: Missing share of 'hum' 0.083 &gt; threshold 0.000"; "[Test] …" for a test.</summary>
    public static string Subject(AlertNotification n) => OneLine($"[{(n.IsTest ? "Test" : n.Severity.ToString())}] {n.ProductName}: {n.Title}");

    public static string TextBody(AlertNotification n)
    {
        var text = new StringBuilder();
        text.AppendLine(Heading(n)).AppendLine();
        text.AppendLine(n.Title);
        if (!string.IsNullOrWhiteSpace(n.Message))
            text.AppendLine(n.Message);
        text.AppendLine();
        foreach (var (label, value) in Facts(n))
            text.Append(label).Append(": ").AppendLine(value);
        text.AppendLine().Append("Evidence: ").AppendLine(n.Link);
        text.AppendLine().AppendLine("-- ").AppendLine("Sent by DataProductDashboard. In-app alerts are always on; channels are set per data product on its Notifications page.");
        return text.ToString();
    }

    public static string HtmlBody(AlertNotification n)
    {
        var color = n.IsTest ? "#1565c0" : n.Severity == GateSeverity.Critical ? "#c62828" : "#ef6c00";
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><body style=\"font-family:Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#222\">");
        html.Append(CultureInfo.InvariantCulture, $"<p style=\"color:{color};font-weight:600;margin:0 0 8px\">{E(Heading(n))}</p>");
        html.Append(CultureInfo.InvariantCulture, $"<h2 style=\"font-size:18px;margin:0 0 8px\">{E(n.Title)}</h2>");
        if (!string.IsNullOrWhiteSpace(n.Message))
            html.Append(CultureInfo.InvariantCulture, $"<p style=\"margin:0 0 12px\">{E(n.Message)}</p>");
        html.Append("<table style=\"border-collapse:collapse;margin:0 0 16px\">");
        foreach (var (label, value) in Facts(n))
            html.Append(CultureInfo.InvariantCulture, $"<tr><td style=\"padding:2px 12px 2px 0;color:#666\">{E(label)}</td><td style=\"padding:2px 0\">{E(value)}</td></tr>");
        html.Append("</table>");
        html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{E(n.Link)}\" style=\"background:{color};color:#fff;padding:8px 14px;border-radius:4px;text-decoration:none\">Open the evidence</a></p>");
        html.Append(CultureInfo.InvariantCulture, $"<p style=\"font-size:12px;color:#666\">{E(n.Link)}<br>Sent by DataProductDashboard.</p>");
        html.Append("</body></html>");
        return html.ToString();
    }

    private static string Heading(AlertNotification n) => n.IsTest
        ? $"Test message for {n.ProductName} (no alert was raised)"
        : $"{n.Severity} alert for {n.ProductName}";

    private static IEnumerable<(string Label, string Value)> Facts(AlertNotification n)
    {
        yield return ("Data product", n.ProductName);
        yield return ("Severity", n.Severity.ToString());
        if (n.IsTest)
            yield break;
        yield return ("State", n.State.ToString());
        yield return ("Seen", n.Count == 1 ? "once" : $"{n.Count.ToString(CultureInfo.InvariantCulture)} times");
        yield return ("First seen", Utc(n.FirstSeenAt));
        yield return ("Last seen", Utc(n.LastSeenAt));
        if (n.BatchId is { } batch)
            yield return ("Batch", n.BatchNumber is { } number
                ? $"{BatchLabel.Of(number)} (id {batch.ToString(CultureInfo.InvariantCulture)})"
                : batch.ToString(CultureInfo.InvariantCulture));
        if (n.Column is { } column)
            yield return ("Column", column);
    }

    private static string Utc(DateTime at) => at.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
