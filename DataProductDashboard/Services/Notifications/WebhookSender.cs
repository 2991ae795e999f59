using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using DataProductDashboard.Configuration;
using Microsoft.Extensions.Options;

namespace DataProductDashboard.Services.Notifications;

/// <summary>POSTs an <see cref="AlertNotification"/> as JSON to a webhook URL. Each attempt has its own timeout;
/// network errors, timeouts, 5xx, 408 and 429 are retried with exponential backoff (a 429's Retry-After is honoured,
/// up to a minute); other answers outside 2xx fail at once. Never throws for a failed delivery: the result says why.</summary>
public sealed class WebhookSender(HttpClient http, IOptions<NotificationOptions> options, TimeProvider clock, ILogger<WebhookSender> logger)
{
    public const string UserAgent = "DataProductDashboard-Notifications/1";
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(1);

    /// <param name="maxAttempts">Overrides <see cref="NotificationOptions.WebhookMaxAttempts"/> (a test send makes one attempt).</param>
    public async Task<DeliveryResult> SendAsync(string url, AlertNotification notification, CancellationToken ct, int? maxAttempts = null)
    {
        var settings = options.Value;
        var attempts = Math.Max(1, maxAttempts ?? settings.WebhookMaxAttempts);
        var body = notification.ToJsonBytes();
        var started = clock.GetTimestamp();
        int? status = null;
        string? error = null;
        for (var attempt = 1; ; attempt++)
        {
            var outcome = await AttemptAsync(url, body, notification, settings.WebhookTimeout, ct);
            status = outcome.Status;
            error = outcome.Error;
            if (error is null)
                return new DeliveryResult(true, attempt, status, null, Elapsed(started));
            if (!outcome.Retry || attempt >= attempts)
            {
                logger.LogWarning("Webhook delivery to {Host} failed after {Attempts} attempt(s): {Error}", HostOf(url), attempt, error);
                return new DeliveryResult(false, attempt, status, DeliveryResult.Truncate(error), Elapsed(started));
            }
            var delay = settings.WebhookBackoff * Math.Pow(2, attempt - 1);
            if (outcome.RetryAfter is { } retryAfter && retryAfter > delay)
                delay = retryAfter < MaxRetryAfter ? retryAfter : MaxRetryAfter;
            logger.LogInformation("Webhook attempt {Attempt} to {Host} failed ({Error}); retrying in {Delay}", attempt, HostOf(url), error, delay);
            await Task.Delay(delay, clock, ct);
        }
    }

    private async Task<Attempt> AttemptAsync(string url, byte[] body, AlertNotification notification, TimeSpan timeout, CancellationToken ct)
    {
        using var timeoutCts = new CancellationTokenSource(timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeoutCts.Token);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.UserAgent.ParseAdd(UserAgent);
            request.Headers.Add("X-Dashboard-Event", notification.IsTest ? "test" : "alert");
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var code = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
                return new Attempt(code, null, false, null);
            var detail = await ReadSnippetAsync(response, linked.Token);
            var error = $"HTTP {code} {response.ReasonPhrase}{(detail.Length > 0 ? ": " + detail : "")}";
            if (code is >= 300 and < 400)
                error += $" (redirects are not followed; use the final URL{(response.Headers.Location is { } to ? " " + to : "")})";
            var retry = code >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
            return new Attempt(code, error, retry, RetryAfter(response));
        }
        catch (OperationCanceledException) when (timeoutCts.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            return new Attempt(null, $"No answer within {timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s (Notifications:WebhookTimeoutSeconds).", true, null);
        }
        catch (HttpRequestException ex)
        {
            var cause = ex.InnerException is { } inner && !ex.Message.Contains(inner.Message, StringComparison.Ordinal) ? $" ({inner.Message})" : "";
            return new Attempt(null, $"Could not reach {HostOf(url)}: {ex.Message}{cause}", true, null);
        }
    }

    private static async Task<string> ReadSnippetAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            return text.Length <= 200 ? text : text[..200] + "…";
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            return "";
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - clock.GetUtcNow(),
        _ => null,
    };

    private static string HostOf(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Authority : url;

    private double Elapsed(long started) => clock.GetElapsedTime(started).TotalMilliseconds;

    private sealed record Attempt(int? Status, string? Error, bool Retry, TimeSpan? RetryAfter);
}
