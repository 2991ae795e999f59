using Bunit;
using Bunit.TestDoubles;
using DataProductDashboard.Domain;
using Microsoft.AspNetCore.Components;
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
    private BunitAuthorizationContext? _authorization;

    /// <summary>The user the UI tests act as.</summary>
    public const string UserName = "product.manager";

    /// <summary>Signs the test in as <paramref name="name"/> with exactly <paramref name="roles"/> (before rendering).</summary>
    protected void SignInAs(string name, params string[] roles)
    {
        var authorization = _authorization ?? throw new InvalidOperationException("Call UseData first.");
        authorization.SetAuthorized(name);
        authorization.SetRoles(roles);
    }

    /// <param name="root">The data folder.</param>
    /// <param name="configure">Replaces registrations (e.g. a fake clock for live updates) before anything renders.</param>
    protected void UseData(string root, Action<IServiceCollection>? configure = null)
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        // Pages load through real services on SQLite; on a busy 2-core CI machine that can take longer than bUnit's
        // 1 s default. A longer ceiling costs nothing when the page is quick.
        DefaultWaitTimeout = TimeSpan.FromSeconds(20);
        Services.AddMudServices();
        UiTestData.AddDashboard(Services, root);
        configure?.Invoke(Services);
        // Signed in with every right unless a test narrows it with SignInAs; actions are recorded as this user.
        _authorization = AddAuthorization();
        SignInAs(UserName, DashboardRoles.Admin);
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

    /// <summary>Asserts that none of <paramref name="selectors"/> matches (e.g. the change controls a reader must not see).</summary>
    protected static void AssertAbsent<TComponent>(IRenderedComponent<TComponent> cut, params string[] selectors) where TComponent : IComponent =>
        Assert.All(selectors, selector => Assert.Empty(cut.FindAll(selector)));

    /// <summary>Asserts that each of <paramref name="selectors"/> matches at least once.</summary>
    protected static void AssertPresent<TComponent>(IRenderedComponent<TComponent> cut, params string[] selectors) where TComponent : IComponent =>
        Assert.All(selectors, selector => Assert.NotEmpty(cut.FindAll(selector)));
}
