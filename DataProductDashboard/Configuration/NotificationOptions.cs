using System.ComponentModel.DataAnnotations;

namespace DataProductDashboard.Configuration;

/// <summary>The "Notifications" section of the root appsettings.json: how alerts leave the app (webhooks, e-mail).</summary>
public sealed class NotificationOptions : IValidatableObject
{
    public const string SectionName = "Notifications";

    /// <summary>The address people open the dashboard at; links in webhooks, e-mails and exported reports start with
    /// it. Unset: the address the app listens on (<c>Services.Notifications.PublicBaseUrl</c>).</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>How long one webhook attempt may take before it counts as failed (and is retried), in seconds.</summary>
    [Range(0.05, 300)]
    public double WebhookTimeoutSeconds { get; set; } = 10;

    /// <summary>Attempts per webhook delivery: network errors, timeouts, 5xx, 408 and 429 are retried; other 4xx are not.</summary>
    [Range(1, 10)]
    public int WebhookMaxAttempts { get; set; } = 3;

    /// <summary>Wait before the first retry, in seconds; it doubles before each further retry.</summary>
    [Range(0, 300)]
    public double WebhookBackoffSeconds { get; set; } = 1;

    /// <summary>Host names, IP addresses or CIDR ranges webhooks may target although they are the host itself or on
    /// its network (loopback, private, link-local, CGNAT, …), e.g. ["hooks.internal", "10.20.0.0/16"]. Empty: none.
    /// Checked on start by <c>WebhookHostsValidator</c>.</summary>
    public string[] AllowedWebhookHosts { get; set; } = [];

    /// <summary>The SMTP server e-mail channels send through.</summary>
    [Required]
    public SmtpOptions Smtp { get; set; } = new();

    public TimeSpan WebhookTimeout => TimeSpan.FromSeconds(WebhookTimeoutSeconds);

    public TimeSpan WebhookBackoff => TimeSpan.FromSeconds(WebhookBackoffSeconds);

    /// <summary>Checks what data annotations cannot: an absolute http(s) base URL (when set) and the nested SMTP settings
    /// (AllowedWebhookHosts is checked by Services.Notifications.WebhookHostsValidator).</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(PublicBaseUrl)
            && (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https")))
            yield return new ValidationResult($"'{PublicBaseUrl}' is not an absolute http(s) URL.", [nameof(PublicBaseUrl)]);
        var smtp = new List<ValidationResult>();
        Validator.TryValidateObject(Smtp, new ValidationContext(Smtp), smtp, validateAllProperties: true);
        foreach (var result in smtp)
            yield return new ValidationResult(result.ErrorMessage, result.MemberNames.Select(m => $"{nameof(Smtp)}:{m}"));
    }
}
