namespace DataProductDashboard.Configuration;

/// <summary>How the SMTP connection is secured (maps to MailKit's SecureSocketOptions).</summary>
public enum SmtpSecurity
{
    /// <summary>STARTTLS when the server offers it, plain otherwise.</summary>
    Auto,
    None,
    StartTls,
    SslOnConnect,
}
