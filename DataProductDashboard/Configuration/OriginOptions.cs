using System.ComponentModel.DataAnnotations;

namespace DataProductDashboard.Configuration;

/// <summary>The origins, besides the app's own, whose pages may open a Blazor circuit ("Dashboard:AllowedOrigins").</summary>
public sealed class OriginOptions : IValidatableObject
{
    public const string SectionName = DashboardOptions.SectionName;

    /// <summary>Origins as scheme://host[:port], e.g. "https://dashboard.example.com"; empty by default.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>The origin of an absolute http(s) URL without a path (scheme and host lower-cased, default port
    /// dropped), or null when <paramref name="value"/> is no such origin (the "null" origin of a sandboxed page, say).</summary>
    public static string? Normalize(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.PathAndQuery == "/"
            && string.IsNullOrEmpty(uri.UserInfo) && string.IsNullOrEmpty(uri.Fragment)
            ? uri.GetLeftPart(UriPartial.Authority)
            : null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        AllowedOrigins.Where(o => Normalize(o) is null)
            .Select(o => new ValidationResult($"'{o}' is not an origin (scheme://host[:port], http or https, no path).", [nameof(AllowedOrigins)]));
}
