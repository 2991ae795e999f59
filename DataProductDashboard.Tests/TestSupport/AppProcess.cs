using System.Diagnostics;
using System.Text.RegularExpressions;

namespace DataProductDashboard.Tests.TestSupport;

/// <summary>The real app as a child process: <c>dotnet DataProductDashboard.dll</c> from the test output folder, settings
/// from environment variables, on 127.0.0.1 with a free port the operating system picks (<c>--urls
/// http://127.0.0.1:0</c>; the port is read off Kestrel's "Now listening on" line, so two test runs on one machine never
/// race for a port). <see cref="Kill"/> is SIGKILL on Linux: no shutdown code of the app runs, as in a crash, an OOM kill
/// or a pulled plug.</summary>
public sealed partial class AppProcess : IDisposable
{
    private const int KeptLines = 400;
    private readonly Process _process;
    private readonly Queue<string> _lines = new();
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource<string> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AppProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data);
    }

    /// <summary>The app's main assembly, copied beside the tests by the project reference.</summary>
    public static string AppDll { get; } = Path.Combine(AppContext.BaseDirectory, "DataProductDashboard.dll");

    /// <summary>http://127.0.0.1:port, once started.</summary>
    public string BaseUrl { get; private set; } = "";

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the app wrote (stdout and stderr), for failure messages.</summary>
    public string RecentOutput
    {
        get
        {
            lock (_lock)
                return string.Join('\n', _lines);
        }
    }

    /// <summary>Starts the app and waits until it listens and every hosted service started ("Application started"), or
    /// fails with its output when it exits or <paramref name="timeout"/> passes first.</summary>
    public static async Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var app = new AppProcess(Launch(environment, ["--urls", "http://127.0.0.1:0"]));
        try
        {
            var exited = app._process.WaitForExitAsync();
            var ready = Task.WhenAll(app._listening.Task, app._started.Task);
            var first = await Task.WhenAny(ready, exited, Task.Delay(timeout));
            if (first != ready)
                throw new InvalidOperationException(first == exited
                    ? $"The app exited with code {app._process.ExitCode} before it started:\n{app.RecentOutput}"
                    : $"The app did not start within {timeout.TotalSeconds:F0} s:\n{app.RecentOutput}");
            app.BaseUrl = (await app._listening.Task).TrimEnd('/');
            return app;
        }
        catch
        {
            app.Dispose();
            throw;
        }
    }

    /// <summary>Runs a command-line verb of the app (e.g. <c>apikeys create</c>) to its end.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunCommandAsync(IReadOnlyDictionary<string, string> environment,
        TimeSpan timeout, params string[] args)
    {
        using var process = Launch(environment, args, readAsync: false);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"'{string.Join(' ', args)}' did not finish within {timeout.TotalSeconds:F0} s:\n{await error}");
        }
        return (process.ExitCode, await output, await error);
    }

    /// <summary>SIGKILL to the app (and anything it started), then waits until it is gone.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        try
        {
            Kill();
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }
        _process.Dispose();
    }

    private static Process Launch(IReadOnlyDictionary<string, string> environment, string[] args, bool readAsync = true)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(AppDll);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        // The test runner's own settings must not leak into the app (a URL, an environment name).
        foreach (var name in new[] { "ASPNETCORE_URLS", "DOTNET_URLS", "URLS", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT" })
            start.Environment.Remove(name);
        // The app compiles every method optimised on first use (TieredCompilationQuickJit=false: a server importing a
        // few batches a day should not run them unoptimised); a test server runs each path a few times and restarts
        // often, so it starts with the runtime's quick first compilation (start 7.5 → 5.6 s on this machine).
        start.Environment["DOTNET_TC_QuickJit"] = "1";
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        var process = new Process { StartInfo = start };
        if (!process.Start())
            throw new InvalidOperationException($"Could not start {start.FileName} {AppDll}.");
        if (readAsync)
        {
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }
        return process;
    }

    /// <summary>The dotnet host running the tests (the CLI tells its children where it is), else the one on the PATH.</summary>
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
            return host;
        return Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
    }

    private void OnLine(string? line)
    {
        if (line is null)
            return;
        lock (_lock)
        {
            _lines.Enqueue(line);
            while (_lines.Count > KeptLines)
                _lines.Dequeue();
        }
        if (ListeningLine().Match(line) is { Success: true } match)
            _listening.TrySetResult(match.Groups[1].Value);
        else if (line.Contains("Application started", StringComparison.Ordinal))
            _started.TrySetResult();
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
