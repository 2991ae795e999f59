using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using MimeKit;
using SmtpServer;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using SmtpServerHost = SmtpServer.SmtpServer;

namespace DataProductDashboard.Tests.TestSupport;

/// <summary>A real SMTP server for e-mail tests (cosullivan's SmtpServer) on 127.0.0.1, port chosen by the OS; it keeps
/// every message it accepts.</summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly CapturingStore _store = new();
    private Task _running = Task.CompletedTask;

    public int Port { get; private set; }

    public IReadOnlyCollection<CapturedMail> Messages => _store.Messages;

    public static async Task<SmtpSink> StartAsync()
    {
        var sink = new SmtpSink();
        var listeners = new EndpointListenerFactory();
        var started = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        listeners.EndpointStarted += (_, e) => started.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, 0))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(sink._store);
        services.Add(listeners);
        sink._running = new SmtpServerHost(options, services).StartAsync(sink._stop.Token);
        sink.Port = await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        return sink;
    }

    /// <summary>Waits (up to <paramref name="timeout"/>) for the next accepted message.</summary>
    public async Task<CapturedMail> NextAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        return await _store.Arrivals.Reader.ReadAsync(cts.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
        {
        }
        _stop.Dispose();
    }

    private sealed class CapturingStore : MessageStore
    {
        private readonly ConcurrentQueue<CapturedMail> _messages = new();

        public IReadOnlyCollection<CapturedMail> Messages => _messages;
        public Channel<CapturedMail> Arrivals { get; } = Channel.CreateUnbounded<CapturedMail>();

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            var mail = new CapturedMail(transaction.To.Select(m => $"{m.User}@{m.Host}").ToList(), message);
            _messages.Enqueue(mail);
            Arrivals.Writer.TryWrite(mail);
            return SmtpResponse.Ok;
        }
    }
}
