using DataProductDashboard.Configuration;
using Microsoft.Extensions.Options;

namespace DataProductDashboard.Services.Jobs;

/// <summary>Admission for heavy work (imports, training): at most <see cref="DashboardOptions.ImportSlots"/> at a
/// time and, together, at most <see cref="DashboardOptions.ImportMemoryBudgetMegabytes"/> of memory weight (one
/// runs whatever its weight). Waiters are served first come, first served, so a large file is not starved by small
/// ones. Requests that would wait behind <see cref="DashboardOptions.MaxQueuedImports"/> others are refused with
/// <see cref="ServiceBusyException"/> (503 + Retry-After); background jobs always wait.</summary>
public sealed class ImportSlots(IOptions<DashboardOptions> options, ILogger<ImportSlots> logger)
{
    private readonly Lock _lock = new();
    private readonly LinkedList<Waiter> _waiters = new();
    private int _running;
    private long _weight;

    public int Running { get { lock (_lock) return _running; } }
    public int Waiting { get { lock (_lock) return _waiters.Count; } }

    /// <summary>Waits for a slot; dispose the lease to give it back.</summary>
    /// <param name="weightBytes">Memory the work may take (twice its file size is a fair estimate).</param>
    /// <param name="mayRefuse">A request (true) is refused when the line is full; a background job (false) waits.</param>
    public async Task<IDisposable> AcquireAsync(long weightBytes, bool mayRefuse, CancellationToken ct)
    {
        var weight = Math.Max(0, weightBytes);
        Waiter waiter;
        lock (_lock)
        {
            if (_waiters.Count == 0 && Fits(weight))
                return Grant(weight);
            if (mayRefuse && _waiters.Count >= options.Value.MaxQueuedImports)
            {
                logger.LogWarning("Import refused: {Running} running and {Waiting} waiting", _running, _waiters.Count);
                throw new ServiceBusyException(
                    $"{_running} imports are running and {_waiters.Count} are waiting (Dashboard:MaxQueuedImports); send the file again in a few seconds.",
                    TimeSpan.FromSeconds(Math.Clamp(_waiters.Count, 2, 30)));
            }
            waiter = new Waiter(weight);
            waiter.Node = _waiters.AddLast(waiter);
        }
        await using (ct.Register(() => Cancel(waiter)))
        {
            await waiter.Granted.Task;
        }
        return new Lease(this, weight);
    }

    private bool Fits(long weight) =>
        _running < options.Value.ImportSlots && (_running == 0 || _weight + weight <= options.Value.ImportMemoryBudgetMegabytes * 1024L * 1024L);

    private Lease Grant(long weight)
    {
        _running++;
        _weight += weight;
        return new Lease(this, weight);
    }

    private void Cancel(Waiter waiter)
    {
        lock (_lock)
        {
            if (waiter.Node?.List is null)
                return;
            _waiters.Remove(waiter.Node);
            waiter.Granted.TrySetCanceled();
            ServeWaiters();
        }
    }

    private void Release(long weight)
    {
        lock (_lock)
        {
            _running--;
            _weight -= weight;
            ServeWaiters();
        }
    }

    private void ServeWaiters()
    {
        while (_waiters.First is { } first && Fits(first.Value.Weight))
        {
            _waiters.RemoveFirst();
            _running++;
            _weight += first.Value.Weight;
            if (!first.Value.Granted.TrySetResult())
            {
                _running--;
                _weight -= first.Value.Weight;
            }
        }
    }

    private sealed class Waiter(long weight)
    {
        public long Weight { get; } = weight;
        public TaskCompletionSource Granted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public LinkedListNode<Waiter>? Node { get; set; }
    }

    private sealed class Lease(ImportSlots owner, long weight) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                owner.Release(weight);
        }
    }
}
