using DataProductDashboard.Domain;
using DataProductDashboard.Services.Alerts;
using DataProductDashboard.ViewModels.Formatting;

namespace DataProductDashboard.ViewModels.Alerts;

/// <summary>How an alert reads in the inbox: who did what when, what the evidence link opens.</summary>
public static class AlertDisplay
{
    /// <summary>"by alice" under the state chip (empty while Open).</summary>
    public static string Actor(AlertSummary alert) => alert.State switch
    {
        AlertState.Resolved when alert.ResolvedBy is { } by => $"by {by}",
        AlertState.Acknowledged when alert.AcknowledgedBy is { } by => $"by {by}",
        _ => "",
    };

    /// <summary>The full story for the state chip's tooltip: "Acknowledged by alice at 2026-… UTC. Resolved by bob at … UTC: note".</summary>
    public static string History(AlertSummary alert)
    {
        var parts = new List<string> { $"Raised {Display.Absolute(alert.FirstSeenAt)}" };
        if (alert.AcknowledgedAt is { } ackAt)
            parts.Add($"acknowledged by {alert.AcknowledgedBy ?? "someone"} at {Display.Absolute(ackAt)}");
        if (alert.ResolvedAt is { } resolvedAt)
            parts.Add($"resolved by {alert.ResolvedBy ?? "someone"} at {Display.Absolute(resolvedAt)}" + (alert.ResolutionNote is { } note ? $": “{note}”" : ""));
        if (alert.State == AlertState.Open)
            parts.Add("nobody has acknowledged it yet");
        return string.Join("; ", parts) + ".";
    }

    /// <summary>"×5" for an alert seen five times.</summary>
    public static string Count(AlertSummary alert) => $"×{Display.Count(alert.Count)}";

    /// <summary>The evidence button's short label: "Batch 12", "Drift · temp", "Batches".</summary>
    public static string Evidence(AlertSummary alert)
    {
        var (what, _) = Describe(alert);
        return alert.Column is { Length: > 0 } column && alert.Link.Length > 0 ? $"{what} · {column}" : what;
    }

    /// <summary>What the evidence link opens, in words, for its tooltip: "Drift chart of column temp".</summary>
    public static string EvidenceHint(AlertSummary alert)
    {
        var (_, full) = Describe(alert);
        return alert.Column is { Length: > 0 } column && alert.Link.Length > 0 ? $"{full} of column {column}" : full;
    }

    private static (string Short, string Long) Describe(AlertSummary alert)
    {
        var path = alert.Link.Split('?', '#')[0];
        return path switch
        {
            _ when alert.Link.Length == 0 => ("No evidence", "No evidence link"),
            _ when path.StartsWith("/batches/", StringComparison.Ordinal) =>
                alert.BatchNumber is { } number ? ($"Batch {BatchLabel.Of(number)}", $"Batch {BatchLabel.Of(number)}") : ("Batch", "The batch"),
            _ when path.EndsWith("/drift", StringComparison.Ordinal) => ("Drift", "Drift chart"),
            _ when path.EndsWith("/quality", StringComparison.Ordinal) => ("Quality", "Data quality"),
            _ when path.EndsWith("/behavior", StringComparison.Ordinal) => ("Behavior", "Model behavior"),
            _ when path.EndsWith("/batches", StringComparison.Ordinal) => ("Batches", "The product's batches"),
            _ when path.EndsWith("/models", StringComparison.Ordinal) => ("Models", "The model registry"),
            _ when path.EndsWith("/gates", StringComparison.Ordinal) => ("Gates", "The product's gates"),
            _ => ("Evidence", "The evidence"),
        };
    }

    /// <summary>Whether a link stays inside the app (an alert never sends the user elsewhere).</summary>
    public static bool IsInApp(string link) =>
        link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal) && !link.StartsWith("/\\", StringComparison.Ordinal);
}
