using System.Net;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Access;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace DataProductDashboard.Tests.Hosting;

/// <summary>The sign-in form, the first Admin, the forced password change, lockout and the sign-in rate limit.</summary>
public sealed class SignInTests
{
    [Fact]
    public async Task FirstStart_CreatesAdminWithAOneTimePasswordInAnOwnerOnlyFile()
    {
        await using var app = new DashboardAppFactory();
        var file = app.Services.GetRequiredService<InitialAdmin>().PasswordFile;

        var users = await app.Services.GetRequiredService<UserAdminService>().ListAsync(default);

        var admin = Assert.Single(users);
        Assert.Equal((InitialAdmin.UserName, true), (admin.Email, admin.MustChangePassword));
        Assert.Equal([DashboardRoles.Admin], admin.Roles);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Matches("^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}$", File.ReadAllText(file).Trim());
    }

    [Fact]
    public async Task SignIn_WithTheOneTimePassword_LeadsToTheChangePage_AndPagesStayClosedUntilChanged()
    {
        await using var app = new DashboardAppFactory();
        var password = File.ReadAllText(app.Services.GetRequiredService<InitialAdmin>().PasswordFile).Trim();
        var browser = app.CreateBrowserClient();

        var signIn = await CookieSignIn.PostSignInAsync(browser, InitialAdmin.UserName, password, "/alerts");
        var page = await browser.GetAsync("/alerts");
        var api = await browser.GetAsync("/api/products");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.StartsWith("/account/change-password", signIn.Headers.Location!.OriginalString.Replace("http://localhost", ""));
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/account/change-password", page.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsAnErrorAndFiveFailuresLockTheAccount()
    {
        await using var app = new DashboardAppFactory();
        var (email, password) = await app.AddUserAsync(DashboardRoles.Viewer);
        var browser = app.CreateBrowserClient();

        var first = await CookieSignIn.PostSignInAsync(browser, email, "wrong-password-1");
        for (var i = 0; i < 4; i++)
            await CookieSignIn.PostSignInAsync(browser, email, "wrong-password-1");
        var locked = await CookieSignIn.PostSignInAsync(browser, email, password);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("The sign-in name or the password is wrong.", await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("locked after repeated failed sign-ins", await locked.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignIn_MoreAttemptsThanTheLimit_Answers429WithRetryAfter()
    {
        await using var app = new DashboardAppFactory(settings: new Dictionary<string, string?> { ["Dashboard:RateLimits:SignInPerMinute"] = "3" });
        var browser = app.CreateBrowserClient();

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
            answers.Add(await CookieSignIn.PostSignInAsync(browser, "nobody", "whatever-password"));

        Assert.All(answers.Take(3), a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[3].StatusCode);
        Assert.NotNull(answers[3].Headers.RetryAfter);
    }

    [Fact]
    public async Task SignIn_ReturnUrlToAnotherSite_GoesHomeInstead()
    {
        await using var app = new DashboardAppFactory();
        var (email, password) = await app.AddUserAsync(DashboardRoles.Viewer);

        var response = await CookieSignIn.PostSignInAsync(app.CreateBrowserClient(), email, password, "//evil.example/phish");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString.Replace("http://localhost", ""));
    }

    [Fact]
    public async Task Page_WithoutSignIn_RedirectsToTheSignInPage()
    {
        await using var app = new DashboardAppFactory();

        var response = await app.CreateBrowserClient().GetAsync("/products/1/models");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login?ReturnUrl=%2Fproducts%2F1%2Fmodels", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignOut_WithoutTheAntiforgeryToken_IsRefused()
    {
        await using var app = new DashboardAppFactory();
        var browser = await app.SignedInClientAsync(DashboardRoles.Viewer);

        var response = await browser.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>()));
        var stillIn = await browser.GetAsync("/api/products");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
    }
}
