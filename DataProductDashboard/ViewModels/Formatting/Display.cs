using System.Globalization;

namespace DataProductDashboard.ViewModels.Formatting;

/// <summary>How numbers, times and sizes read in the UI (invariant culture, UTC).</summary>
public static class Display
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>"3 minutes ago", "in 2 days", "just now".</summary>
    public static string Relative(DateTime utc, DateTimeOffset now)
    {
        var delta = now.UtcDateTime - DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        var future = delta < TimeSpan.Zero;
        var span = future ? -delta : delta;
        if (span < TimeSpan.FromSeconds(45))
            return "just now";
        var (value, unit) = span switch
        {
            _ when span < TimeSpan.FromMinutes(59.5) => (Math.Max(1, (int)Math.Round(span.TotalMinutes)), "minute"),
            _ when span < TimeSpan.FromHours(23.5) => ((int)Math.Round(span.TotalHours), "hour"),
            _ when span < TimeSpan.FromDays(30) => ((int)Math.Round(span.TotalDays), "day"),
            _ when span < TimeSpan.FromDays(365) => ((int)Math.Round(span.TotalDays / 30.44), "month"),
            _ => ((int)Math.Round(span.TotalDays / 365.25), "year"),
        };
        var text = $"{value} {unit}{(value == 1 ? "" : "s")}";
        return future ? $"in {text}" : $"{text} ago";
    }

    /// <summary>"2026-11-24 09:00 UTC".</summary>
    public static string Absolute(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm 'UTC'", Invariant);

    public static string Date(DateTime utc) => utc.ToString("yyyy-MM-dd", Invariant);

    public static string Count(long value) => value.ToString("N0", Invariant);

    public static string Seconds(double seconds) => seconds switch
    {
        < 0.001 => "< 1 ms",
        < 1 => $"{(seconds * 1000).ToString("0", Invariant)} ms",
        < 60 => $"{seconds.ToString("0.00", Invariant)} s",
        _ => $"{(seconds / 60).ToString("0.0", Invariant)} min",
    };

    public static string Micros(double micros) => micros < 1000
        ? $"{micros.ToString("0.0", Invariant)} µs"
        : $"{(micros / 1000).ToString("0.00", Invariant)} ms";

    public static string Number(double? value, int significant = 4)
    {
        if (value is not { } v || !double.IsFinite(v))
            return "–";
        if (v == 0)
            return "0";
        var magnitude = Math.Abs(v);
        if (magnitude >= 1e6 || magnitude < 1e-4)
            return v.ToString("0.###e+0", Invariant);
        var decimals = Math.Clamp(significant - 1 - (int)Math.Floor(Math.Log10(magnitude)), 0, 6);
        return v.ToString("N" + decimals.ToString(Invariant), Invariant);
    }

    /// <summary>"512 B", "1.5 KB", "256 MB" (one decimal only when it is not zero).</summary>
    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{(bytes / 1024.0).ToString("0.#", Invariant)} KB",
        _ => $"{(bytes / (1024.0 * 1024)).ToString("0.#", Invariant)} MB",
    };

    /// <summary>"FastTree (Regression)" → "FastTree": the task is the product's, so the list does not repeat it.</summary>
    public static string Trainer(string trainer)
    {
        foreach (var task in Enum.GetNames<Domain.TaskType>())
        {
            var suffix = $" ({task})";
            if (trainer.EndsWith(suffix, StringComparison.Ordinal))
                return trainer[..^suffix.Length];
        }
        return trainer;
    }

    public static string ShortHash(string hash) => hash.Length <= 10 ? hash : hash[..10];

    /// <summary>"MAE 12.3 · RMSE 20.1 · R² 0.871", in <see cref="MetricNames"/> order.</summary>
    public static string Metrics(IReadOnlyDictionary<string, double> metrics) => metrics.Count == 0
        ? "–"
        : string.Join(" · ", MetricNames.Ordered(metrics.Keys).Select(k => $"{MetricNames.Display(k)} {Number(metrics[k])}"));

    /// <summary>"Trained in app" / "Uploaded".</summary>
    public static string Source(Domain.ModelSource source) => source switch
    {
        Domain.ModelSource.TrainedInApp => "Trained in app",
        Domain.ModelSource.Onnx => "Uploaded ONNX",
        _ => "Uploaded ML.NET zip",
    };

    /// <summary>"UI upload" / "API" / "Demo".</summary>
    public static string Source(Domain.BatchSource source) => source switch
    {
        Domain.BatchSource.Ui => "UI upload",
        Domain.BatchSource.Api => "API",
        _ => "Demo",
    };

    /// <summary>What a model status means, for the status chip's tooltip.</summary>
    public static string StatusHelp(Domain.ModelStatus status) => status switch
    {
        Domain.ModelStatus.Champion => "Champion: the version that scores every new batch. Exactly one per product.",
        Domain.ModelStatus.Challenger => "Challenger: scores each new batch beside the champion (shadow scoring), so both are measured on the same rows; it can be promoted.",
        Domain.ModelStatus.Retired => "Retired: a former champion, kept for the record; it can be promoted again.",
        _ => "Candidate: a version that does not score batches (new, or no longer a challenger). Shadow-score it as a challenger, or promote it.",
    };

    public static string Task(Domain.TaskType task) => task switch
    {
        Domain.TaskType.BinaryClassification => "Binary classification",
        Domain.TaskType.MulticlassClassification => "Multiclass classification",
        _ => "Regression",
    };
}
