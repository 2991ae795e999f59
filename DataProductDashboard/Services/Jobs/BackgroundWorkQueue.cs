using System.Threading.Channels;

namespace DataProductDashboard.Services.Jobs;

/// <summary>Work items for <see cref="BackgroundWorkService"/>, run one at a time in arrival order.</summary>
public sealed class BackgroundWorkQueue
{
    private readonly Channel<Func<CancellationToken, Task>> _channel = Channel.CreateUnbounded<Func<CancellationToken, Task>>(
        new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(Func<CancellationToken, Task> work)
    {
        if (!_channel.Writer.TryWrite(work))
            throw new InvalidOperationException("The background queue is closed.");
    }

    public IAsyncEnumerable<Func<CancellationToken, Task>> ReadAllAsync(CancellationToken ct) => _channel.Reader.ReadAllAsync(ct);
}
