using System.Net;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DataProductDashboard.Tests.E2E;

/// <summary>The real app on Kestrel at 127.0.0.1 with a free port, seeded with the demo, and Debian's chromium
/// driven by Playwright. Shared by the browser journeys of one collection.</summary>
public sealed class DashboardServerFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly DashboardAppFactory _factory = new(seedDemo: true,
        settings: new Dictionary<string, string?> { [NotificationTestHost.AllowLoopbackKey] = NotificationTestHost.Loopback });
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public string DataPath => _factory.DataPath;

    public async Task InitializeAsync()
    {
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First(a => a.StartsWith("http://127.0.0.1", StringComparison.Ordinal)).TrimEnd('/');

        // Expectations wait for Blazor's server round trips; on a busy 2-core CI machine 5 s (the default) is too short.
        Assertions.SetDefaultExpectTimeout(30_000);
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: install Debian's chromium (./test.sh does).");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>Loads a page and waits until its Blazor circuit is interactive (before that, buttons are prerendered
    /// HTML without handlers and a click would be lost).</summary>
    public static async Task OpenAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await WaitUntilInteractiveAsync(page);
    }

    public static Task WaitUntilInteractiveAsync(IPage page) =>
        page.Locator("html[data-interactive='true']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    /// <summary>Chooses a file in the open dialog's file input once Blazor's InputFile has attached its change listener
    /// (it marks the element with <c>_blazorInputFileNextFileId</c>); a file set before that is never read, which left
    /// the dialog's submit button disabled on a busy machine.</summary>
    public static async Task ChooseDialogFileAsync(IPage page, string path)
    {
        var input = page.Locator(".mud-dialog input[type=file]");
        await input.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        await page.WaitForFunctionAsync("() => document.querySelector('.mud-dialog input[type=file]')?._blazorInputFileNextFileId !== undefined");
        await input.SetInputFilesAsync(path);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        await _factory.DisposeAsync();
    }
}
