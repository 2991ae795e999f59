using System.ComponentModel.DataAnnotations;

namespace DataProductDashboard.Configuration;

/// <summary>What operators watch: readiness thresholds and where telemetry goes ("Operations" section).</summary>
public sealed class OperationsOptions : IValidatableObject
{
    public const string SectionName = "Operations";

    /// <summary>Readiness reports Degraded when the oldest queued job has waited longer than this.</summary>
    [Range(1, 86_400)]
    public int QueueLagSeconds { get; set; } = 600;

    /// <summary>Serve metrics in Prometheus text format at <see cref="PrometheusPath"/> (no sign-in: scrapers have none).</summary>
    public bool Prometheus { get; set; } = true;

    [Required, RegularExpression("^/[A-Za-z0-9/_-]*$", ErrorMessage = "The Prometheus path must start with / and hold only letters, digits, /, _ and -.")]
    public string PrometheusPath { get; set; } = "/metrics";

    /// <summary>Send traces and metrics over OTLP to this collector (e.g. http://127.0.0.1:4317); none when empty.
    /// The standard OTEL_EXPORTER_OTLP_ENDPOINT variable is honoured as well.</summary>
    public string? OtlpEndpoint { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(OtlpEndpoint)
            && !(Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            yield return new ValidationResult($"Operations:OtlpEndpoint must be an absolute http(s) address; got '{OtlpEndpoint}'.", [nameof(OtlpEndpoint)]);
        if (PrometheusPath is "/api" || PrometheusPath.StartsWith("/api/", StringComparison.Ordinal) || PrometheusPath.StartsWith("/health", StringComparison.Ordinal))
            yield return new ValidationResult($"Operations:PrometheusPath '{PrometheusPath}' collides with the API or the health endpoints.", [nameof(PrometheusPath)]);
    }
}
