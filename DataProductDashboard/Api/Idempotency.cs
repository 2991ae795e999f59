using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DataProductDashboard.Domain;
using DataProductDashboard.Hosting;
using DataProductDashboard.Services.Idempotency;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace DataProductDashboard.Api;

/// <summary>Honours the <c>Idempotency-Key</c> header of an upload: the same key with the same request (method, path,
/// query, file content and form fields) answers the first answer again, with <c>Idempotent-Replayed: true</c>, and
/// does no new work; the same key with another request answers 422. Without the header the work simply runs.</summary>
public static class Idempotency
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public static async Task<IResult> RunAsync(HttpContext context, Upload? upload, Func<Task<ApiAnswer>> work, CancellationToken ct,
        string? bodyHash = null)
    {
        var key = context.Request.Headers[HeaderName].ToString();
        if (key.Length == 0)
            return ToResult(context, await work());
        if (key.Length > IdempotencyStore.MaxKeyLength || key.Any(char.IsControl))
            throw new InputValidationException(HeaderName, $"The {HeaderName} header must be 1 to {IdempotencyStore.MaxKeyLength} printable characters.");
        var store = context.RequestServices.GetRequiredService<IdempotencyStore>();
        var scope = Scope(context);
        var stored = await store.BeginAsync(scope, key, Fingerprint(context.Request, upload, bodyHash), ct);
        if (stored is not null)
        {
            context.Response.Headers[ReplayedHeader] = "true";
            if (stored.Location is { } location)
                context.Response.Headers.Location = location;
            return Results.Text(stored.Json, "application/json", Encoding.UTF8, stored.StatusCode);
        }
        ApiAnswer answer;
        try
        {
            answer = await work();
        }
        catch
        {
            await store.ReleaseAsync(scope, key);
            throw;
        }
        var json = JsonSerializer.Serialize(answer.Body, answer.Body.GetType(), context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions);
        await store.CompleteAsync(scope, key, new StoredAnswer(answer.StatusCode, answer.Location, json));
        return ToResult(context, answer);
    }

    private static IResult ToResult(HttpContext context, ApiAnswer answer)
    {
        if (answer.Location is { } location)
            context.Response.Headers.Location = location;
        return Results.Json(answer.Body, (JsonSerializerOptions?)null, null, answer.StatusCode);
    }

    /// <summary>Keys are per caller (the rate limiter's: API key, else user, else address) and per route, so two
    /// pipelines cannot collide.</summary>
    private static string Scope(HttpContext context) =>
        $"{DashboardRateLimitPolicy.Caller(context)} {context.Request.Method} {context.Request.Path}";

    private static string Fingerprint(HttpRequest request, Upload? upload, string? bodyHash)
    {
        var text = new StringBuilder();
        text.Append(request.Method).Append('\n').Append(request.Path).Append('\n').Append(bodyHash).Append('\n');
        foreach (var (name, value) in request.Query.OrderBy(q => q.Key, StringComparer.Ordinal))
            text.Append(name).Append('=').Append(value.ToString()).Append('\n');
        if (upload is not null)
        {
            text.Append("file:").Append(upload.File.Hash).Append(':').Append(upload.FileName).Append('\n');
            foreach (var (name, value) in upload.Fields.OrderBy(f => f.Key, StringComparer.Ordinal))
                text.Append(name).Append('=').Append(value).Append('\n');
            foreach (var (name, file) in (upload.Extra ?? new Dictionary<string, Storage.UploadedFile>()).OrderBy(f => f.Key, StringComparer.Ordinal))
                text.Append(name).Append(':').Append(file.Hash).Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>A small JSON body read whole (for its fingerprint); the endpoint reads it again.</summary>
    public static async Task<string> BodyHashAsync(HttpRequest request, CancellationToken ct)
    {
        request.EnableBuffering();
        var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(request.Body, ct));
        request.Body.Position = 0;
        return hash;
    }
}
