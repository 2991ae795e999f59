using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace DataProductDashboard.Tests.TestSupport;

/// <summary>Keeps every log entry at or above <see cref="MinimumLevel"/> (with its exception), so a test can assert
/// that a run logged no error.</summary>
public sealed class CapturingLoggerProvider(LogLevel minimumLevel = LogLevel.Warning) : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Message, Exception? Exception)> _entries = new();

    public LogLevel MinimumLevel { get; } = minimumLevel;

    public IReadOnlyList<(LogLevel Level, string Category, string Message, Exception? Exception)> Entries => _entries.ToList();

    /// <summary>Errors and worse, as text (empty when none).</summary>
    public IReadOnlyList<string> Errors => _entries.Where(e => e.Level >= LogLevel.Error)
        .Select(e => $"{e.Level} {e.Category}: {e.Message} {e.Exception}").ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= owner.MinimumLevel;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                owner._entries.Enqueue((logLevel, category, formatter(state, exception), exception));
        }
    }
}
