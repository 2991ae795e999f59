using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using DataProductDashboard.Services.Notifications;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DataProductDashboard.Tests.TestSupport;

/// <summary>A real HTTP endpoint for webhook tests: a minimal Kestrel app on 127.0.0.1, port chosen by the OS. Each
/// path answers a scripted sequence of status codes (the last one repeats; <see cref="Hang"/> never answers) and
/// every request is recorded.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    /// <summary>A scripted "status" that holds the request open until the caller gives up.</summary>
    public const int Hang = 0;

    private readonly ConcurrentDictionary<string, int[]> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private readonly Channel<ReceivedWebhook> _arrivals = Channel.CreateUnbounded<ReceivedWebhook>();
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;

    public string BaseUrl { get; private set; } = "";

    public IReadOnlyCollection<ReceivedWebhook> Received => _received;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapPost("/{**path}", (Delegate)receiver.HandleAsync);
        await app.StartAsync();
        receiver._app = app;
        receiver.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
        return receiver;
    }

    /// <summary>Makes <paramref name="path"/> answer these statuses in turn (the last one repeats); default 200.</summary>
    public string Script(string path, params int[] statuses)
    {
        _scripts[Normalize(path)] = statuses;
        return Url(path);
    }

    public string Url(string path) => BaseUrl + Normalize(path);

    public IReadOnlyList<ReceivedWebhook> ReceivedAt(string path) => _received.Where(r => r.Path == Normalize(path)).ToList();

    /// <summary>Waits (up to <paramref name="timeout"/>) for the next request to arrive.</summary>
    public async Task<ReceivedWebhook> NextAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        return await _arrivals.Reader.ReadAsync(cts.Token);
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        var path = Normalize(context.Request.Path.Value ?? "/");
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = context.Request.Headers;
        var received = new ReceivedWebhook(path, body, context.Request.ContentType, headers.UserAgent.ToString(), headers["X-Dashboard-Event"].ToString(),
            headers[WebhookSigner.IdHeader].ToString(), headers[WebhookSigner.TimestampHeader].ToString(), headers[WebhookSigner.SignatureHeader].ToString());
        _received.Enqueue(received);
        _arrivals.Writer.TryWrite(received);
        var call = _calls.AddOrUpdate(path, 1, (_, n) => n + 1);
        var script = _scripts.GetValueOrDefault(path) ?? [200];
        var status = script[Math.Min(call, script.Length) - 1];
        if (status == Hang)
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, linked.Token);
            }
            catch (OperationCanceledException)
            {
            }
            return Results.StatusCode(499);
        }
        return status switch
        {
            204 => Results.NoContent(),
            >= 200 and < 300 => Results.Json(new { received = true }, statusCode: status),
            _ => Results.Text($"scripted {status}", statusCode: status),
        };
    }

    private static string Normalize(string path) => "/" + path.TrimStart('/');

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_app is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _app.StopAsync(timeout.Token);
            await _app.DisposeAsync();
        }
        _stopping.Dispose();
    }
}
