using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using DataProductDashboard.Configuration;
using Microsoft.Extensions.Options;

namespace DataProductDashboard.Services.Notifications;

/// <summary>POSTs an <see cref="AlertNotification"/> as JSON to a webhook URL, signed with the channel's secret
/// (<see cref="WebhookSigner"/>: one webhook-id per delivery, a fresh timestamp and signature per attempt). The client's
/// handler is <see cref="WebhookTargetGuard.CreateHandler"/>, so a host that resolves to the host itself or its network
/// is refused (and not retried). Each attempt has its own timeout; network errors, timeouts, 5xx, 408 and 429 are
/// retried with exponential backoff (a 429's Retry-After is honoured, up to a minute); other answers outside 2xx fail
/// at once. The receiver's answer body is never read or kept: the result has the status, not what the server said.
/// Never throws for a failed delivery: the result says why.</summary>
public sealed class WebhookSender(HttpClient http, IOptions<NotificationOptions> options, TimeProvider clock, ILogger<WebhookSender> logger)
{
    public const string UserAgent = "DataProductDashboard-Notifications/1";
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(1);

    /// <param name="secret">The channel's signing secret ("whsec_…").</param>
    /// <param name="maxAttempts">Overrides <see cref="NotificationOptions.WebhookMaxAttempts"/> (a test send makes one attempt).</param>
    public async Task<DeliveryResult> SendAsync(string url, string secret, AlertNotification notification, CancellationToken ct, int? maxAttempts = null)
    {
        var messageId = WebhookSigner.NewMessageId();
        var settings = options.Value;
        var attempts = Math.Max(1, maxAttempts ?? settings.WebhookMaxAttempts);
        var body = notification.ToJsonBytes();
        var started = clock.GetTimestamp();
        int? status = null;
        string? error = null;
        for (var attempt = 1; ; attempt++)
        {
            var outcome = await AttemptAsync(url, secret, messageId, body, notification, settings.WebhookTimeout, ct);
            status = outcome.Status;
            error = outcome.Error;
            if (error is null)
                return new DeliveryResult(true, attempt, status, null, Elapsed(started));
            if (!outcome.Retry || attempt >= attempts)
            {
                logger.LogWarning("Webhook delivery to {Host} failed after {Attempts} attempt(s): {Error}", WebhookUrl.Authority(url), attempt, error);
                return new DeliveryResult(false, attempt, status, DeliveryResult.Truncate(error), Elapsed(started));
            }
            var delay = settings.WebhookBackoff * Math.Pow(2, attempt - 1);
            if (outcome.RetryAfter is { } retryAfter && retryAfter > delay)
                delay = retryAfter < MaxRetryAfter ? retryAfter : MaxRetryAfter;
            logger.LogInformation("Webhook attempt {Attempt} to {Host} failed ({Error}); retrying in {Delay}", attempt, WebhookUrl.Authority(url), error, delay);
            await Task.Delay(delay, clock, ct);
        }
    }

    private async Task<Attempt> AttemptAsync(string url, string secret, string messageId, byte[] body, AlertNotification notification, TimeSpan timeout, CancellationToken ct)
    {
        using var timeoutCts = new CancellationTokenSource(timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeoutCts.Token);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.UserAgent.ParseAdd(UserAgent);
            request.Headers.Add("X-Dashboard-Event", notification.IsTest ? "test" : "alert");
            WebhookSigner.AddHeaders(request.Headers, secret, messageId, clock.GetUtcNow(), body);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var code = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
                return new Attempt(code, null, false, null);
            var error = $"HTTP {code} {response.ReasonPhrase}";
            if (code is >= 300 and < 400)
                error += $" (redirects are not followed; use the final URL{(response.Headers.Location is { } to ? " " + WebhookUrl.Mask(to.ToString()) : "")})";
            var retry = code >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
            return new Attempt(code, error, retry, RetryAfter(response));
        }
        catch (OperationCanceledException) when (timeoutCts.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            return new Attempt(null, $"No answer within {timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s (Notifications:WebhookTimeoutSeconds).", true, null);
        }
        catch (Exception ex) when (Refusal(ex) is { } refused)
        {
            return new Attempt(null, refused.Message, false, null);
        }
        catch (HttpRequestException ex)
        {
            var cause = ex.InnerException is { } inner && !ex.Message.Contains(inner.Message, StringComparison.Ordinal) ? $" ({inner.Message})" : "";
            return new Attempt(null, $"Could not reach {WebhookUrl.Authority(url)}: {ex.Message}{cause}", true, null);
        }
    }

    /// <summary>The guard's refusal, thrown by the handler's connect callback (wrapped in an HttpRequestException).</summary>
    private static WebhookTargetRefusedException? Refusal(Exception ex) =>
        ex as WebhookTargetRefusedException ?? ex.InnerException as WebhookTargetRefusedException;

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - clock.GetUtcNow(),
        _ => null,
    };

    private double Elapsed(long started) => clock.GetElapsedTime(started).TotalMilliseconds;

    private sealed record Attempt(int? Status, string? Error, bool Retry, TimeSpan? RetryAfter);
}
