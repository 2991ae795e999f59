using System.Net;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Access;
using DataProductDashboard.Services.Trail;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DataProductDashboard.Tests.E2E;

/// <summary>The real app on Kestrel at 127.0.0.1 with a free port, seeded with the demo, and Debian's chromium
/// driven by Playwright. Shared by the browser journeys of one collection.</summary>
public class DashboardServerFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly DashboardAppFactory _factory;

    /// <summary>The server of the journeys: the demo seeded.</summary>
    public DashboardServerFixture() : this(seedDemo: true)
    {
    }

    protected DashboardServerFixture(bool seedDemo)
    {
        // The journeys sign in about fifteen times from 127.0.0.1; the default 10 a minute turned a fast run's last
        // sign-ins into 429s (the limit itself is tested in Hosting/SignInTests).
        _factory = new(seedDemo: seedDemo,
            settings: new Dictionary<string, string?>
            {
                [NotificationTestHost.AllowLoopbackKey] = NotificationTestHost.Loopback,
                ["Dashboard:RateLimits:SignInPerMinute"] = "1000",
            });
    }
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

    /// <summary>The user the journeys act as unless they sign in as someone else: every right, named as the trail shows it.</summary>
    public const string UserName = "product.manager";

    private readonly Dictionary<string, string> _passwords = [];

    /// <summary>A new browser context signed in as <paramref name="userName"/> (created with <paramref name="role"/> on first use).</summary>
    public async Task<IPage> NewPageAsync(string userName = UserName, string role = DashboardRoles.Admin, ColorScheme colorScheme = ColorScheme.Light)
    {
        var page = await NewAnonymousPageAsync(colorScheme);
        await SignInAsync(page, userName, await PasswordOfAsync(userName, role));
        return page;
    }

    /// <summary>A new browser context without a sign-in; <paramref name="colorScheme"/> is the operating system's scheme
    /// the page sees (<c>prefers-color-scheme</c>).</summary>
    public async Task<IPage> NewAnonymousPageAsync(ColorScheme colorScheme = ColorScheme.Light)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
            ColorScheme = colorScheme,
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the sign-in form and waits until the browser left it.</summary>
    public async Task SignInAsync(IPage page, string userName, string password, string returnUrl = "/")
    {
        await page.GotoAsync($"{BaseUrl}/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.FillAsync("#login-name", userName);
        await page.FillAsync("#login-password", password);
        var response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#login-submit"),
            r => r.Request.Method == "POST" && r.Url.Contains("/account/login", StringComparison.Ordinal));
        Assert.True(response.Status is 302 or 303, $"Signing in as {userName} answered {response.Status}: {await page.ContentAsync()}");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
    }

    private async Task<string> PasswordOfAsync(string userName, string role)
    {
        if (_passwords.TryGetValue(userName, out var known))
            return known;
        var password = PasswordGenerator.Create();
        await _factory.Services.GetRequiredService<UserAdminService>().AddAsync(userName, [role], password, Actor.System, CancellationToken.None);
        _passwords[userName] = password;
        return password;
    }

    /// <summary>Headers of an API call made the way a pipeline makes it: with an Admin key (the sign-in cookie is for reads only).</summary>
    public Dictionary<string, string> PipelineHeaders(params (string Name, string Value)[] extra)
    {
        var headers = new Dictionary<string, string> { ["Authorization"] = "Bearer " + _factory.NamedKey("journey-pipeline", DashboardRoles.Admin) };
        foreach (var (name, value) in extra)
            headers[name] = value;
        return headers;
    }

    /// <summary>A client of the in-process server that sends an Admin key (API checks of the demo store).</summary>
    public HttpClient CreateApiClient() => _factory.CreateClient();

    /// <summary>The first Admin's one-time password, as the first start wrote it.</summary>
    public string InitialAdminPassword => File.ReadAllText(Path.Combine(DataPath, InitialAdmin.FileName)).Trim();

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
