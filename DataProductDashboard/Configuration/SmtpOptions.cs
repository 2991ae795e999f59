using System.ComponentModel.DataAnnotations;

namespace DataProductDashboard.Configuration;

/// <summary>The "Notifications:Smtp" section: the server e-mail channels send through.</summary>
public sealed class SmtpOptions : IValidatableObject
{
    [Required]
    public string Host { get; set; } = "localhost";

    [Range(1, 65535)]
    public int Port { get; set; } = 25;

    /// <summary>Auto: STARTTLS when the server offers it; None: never encrypt; StartTls: require STARTTLS;
    /// SslOnConnect: TLS from the first byte (usually port 465).</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    /// <summary>Empty: no authentication.</summary>
    public string UserName { get; set; } = "";

    /// <summary>Set it through an environment variable (Notifications__Smtp__Password), never in a committed file.</summary>
    public string Password { get; set; } = "";

    /// <summary>The sender address of notification e-mails.</summary>
    [Required]
    public string From { get; set; } = "dashboard@localhost";

    /// <summary>Connect, authenticate and send must each finish within this many seconds.</summary>
    [Range(0.05, 600)]
    public double TimeoutSeconds { get; set; } = 30;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!MimeKit.MailboxAddress.TryParse(new MimeKit.ParserOptions { AllowAddressesWithoutDomain = false }, From, out _))
            yield return new ValidationResult($"'{From}' is not an e-mail address.", [nameof(From)]);
    }
}
