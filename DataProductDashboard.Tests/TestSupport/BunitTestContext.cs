using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace DataProductDashboard.Tests.TestSupport;

/// <summary>A bUnit context with MudBlazor (loose JS interop, popover and dialog providers rendered) and the
/// dashboard's real services over a test data folder. Disposed asynchronously (MudBlazor services are IAsyncDisposable only).</summary>
public class BunitTestContext : BunitContext, IAsyncLifetime
{
    private IRenderedComponent<MudDialogProvider>? _dialogs;
    private IRenderedComponent<MudPopoverProvider>? _popovers;

    protected void UseData(string root)
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        // Pages load through real services on SQLite; on a busy 2-core CI machine that can take longer than bUnit's
        // 1 s default. A longer ceiling costs nothing when the page is quick.
        DefaultWaitTimeout = TimeSpan.FromSeconds(20);
        Services.AddMudServices();
        UiTestData.AddDashboard(Services, root);
        _popovers = Render<MudPopoverProvider>();
        _dialogs = Render<MudDialogProvider>();
    }

    protected IRenderedComponent<MudDialogProvider> DialogProvider =>
        _dialogs ?? throw new InvalidOperationException("Call UseData first.");

    /// <summary>Where open popovers (select lists, menus) render.</summary>
    protected IRenderedComponent<MudPopoverProvider> PopoverProvider =>
        _popovers ?? throw new InvalidOperationException("Call UseData first.");

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    protected T Service<T>() where T : notnull => Services.GetRequiredService<T>();
}
