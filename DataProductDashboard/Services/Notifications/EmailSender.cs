using System.Globalization;
using System.Net.Sockets;
using DataProductDashboard.Configuration;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DataProductDashboard.Services.Notifications;

/// <summary>Sends an <see cref="AlertNotification"/> as an e-mail (plain text + HTML) through the configured SMTP server
/// with MailKit, one connection per message. One attempt: an SMTP server queues and retries on its own. Never throws
/// for a failed delivery: the result carries the SMTP reply code and the reason.</summary>
public sealed class EmailSender(IOptions<NotificationOptions> options, TimeProvider clock, ILogger<EmailSender> logger)
{
    /// <summary>Comma- or semicolon-separated addresses, as stored on a channel.</summary>
    public static IReadOnlyList<string> SplitAddresses(string target) =>
        target.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public async Task<DeliveryResult> SendAsync(string recipients, AlertNotification notification, CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        var started = clock.GetTimestamp();
        var timeout = TimeSpan.FromSeconds(smtp.TimeoutSeconds);
        using var timeoutCts = new CancellationTokenSource(timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeoutCts.Token);
        try
        {
            var message = Compose(smtp.From, recipients, notification);
            using var client = new SmtpClient { Timeout = (int)Math.Min(int.MaxValue, timeout.TotalMilliseconds) };
            await client.ConnectAsync(smtp.Host, smtp.Port, SocketOptions(smtp.Security), linked.Token);
            if (!string.IsNullOrEmpty(smtp.UserName))
                await client.AuthenticateAsync(smtp.UserName, smtp.Password, linked.Token);
            var reply = await client.SendAsync(message, linked.Token);
            await client.DisconnectAsync(quit: true, linked.Token);
            logger.LogInformation("E-mail for {Subject} accepted by {Host}: {Reply}", message.Subject, smtp.Host, reply);
            return new DeliveryResult(true, 1, 250, null, Elapsed(started));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Failed(started, null, $"The SMTP server {smtp.Host}:{smtp.Port} did not finish within {smtp.TimeoutSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s (Notifications:Smtp:TimeoutSeconds).");
        }
        catch (SmtpCommandException ex)
        {
            var who = ex.Mailbox is { } mailbox ? $" for {mailbox.Address}" : "";
            return Failed(started, (int)ex.StatusCode, $"SMTP {(int)ex.StatusCode}{who}: {ex.Message}");
        }
        catch (AuthenticationException ex)
        {
            return Failed(started, null, $"The SMTP server {smtp.Host}:{smtp.Port} refused the credentials (Notifications:Smtp:UserName / Password): {ex.Message}");
        }
        catch (SocketException ex)
        {
            return Failed(started, null, $"Could not connect to the SMTP server {smtp.Host}:{smtp.Port}: {ex.Message}");
        }
        catch (Exception ex) when (ex is SmtpProtocolException or SslHandshakeException or NotSupportedException or IOException or ServiceNotConnectedException
                                   or ServiceNotAuthenticatedException or TimeoutException or FormatException or ParseException)
        {
            return Failed(started, null, $"Sending through {smtp.Host}:{smtp.Port} failed: {ex.Message}");
        }
    }

    /// <summary>The message for <paramref name="recipients"/>: subject, plain text and HTML alternatives.</summary>
    public static MimeMessage Compose(string from, string recipients, AlertNotification notification)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        foreach (var address in SplitAddresses(recipients))
            message.To.Add(MailboxAddress.Parse(address));
        message.Subject = AlertEmail.Subject(notification);
        message.Headers.Add("X-Dashboard-Event", notification.IsTest ? "test" : "alert");
        if (notification.AlertId is { } alertId)
            message.Headers.Add("X-Dashboard-Alert-Id", alertId.ToString(CultureInfo.InvariantCulture));
        message.Body = new BodyBuilder { TextBody = AlertEmail.TextBody(notification), HtmlBody = AlertEmail.HtmlBody(notification) }.ToMessageBody();
        return message;
    }

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTlsWhenAvailable,
    };

    private DeliveryResult Failed(long started, int? status, string error)
    {
        logger.LogWarning("E-mail delivery failed: {Error}", error);
        return new DeliveryResult(false, 1, status, DeliveryResult.Truncate(error), Elapsed(started));
    }

    private double Elapsed(long started) => clock.GetElapsedTime(started).TotalMilliseconds;
}
