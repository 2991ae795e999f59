using System.Net;
using DataProductDashboard.Data;
using DataProductDashboard.Domain;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataProductDashboard.Tests.Hosting;

/// <summary>Two instances on one database share the data-protection key ring it holds: a sign-in cookie issued by one
/// opens pages on the other (what a load balancer without sticky sign-ins needs).</summary>
public sealed class DataProtectionTests
{
    [Fact]
    public async Task SignInCookie_IssuedByOneInstance_OpensTheApiOnAnotherOnTheSameDatabase()
    {
        using var shared = new TempDirectory();
        TemplateDatabase.CopyTo(Path.Combine(shared.Path, "dashboard.db"));
        var settings = new Dictionary<string, string?> { ["Dashboard:DataDirectory"] = shared.Path };
        await using var first = new DashboardAppFactory(settings: settings);
        await using var second = new DashboardAppFactory(settings: settings);
        var (email, password) = await first.AddUserAsync(DashboardRoles.Viewer);

        var signIn = await CookieSignIn.PostSignInAsync(first.CreateBrowserClient(), email, password);
        var cookies = string.Join("; ", signIn.Headers.GetValues("Set-Cookie").Select(c => c[..c.IndexOf(';')]));
        var other = second.Server.CreateClient();
        other.DefaultRequestHeaders.Add("Cookie", cookies);
        var products = await other.GetAsync("/api/products");
        var withoutCookie = await second.Server.CreateClient().GetAsync("/api/products");
        var payload = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("tests").Protect("shared");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, products.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutCookie.StatusCode);
        Assert.Equal("shared", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("tests").Unprotect(payload));
        await using var db = await second.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync());
    }
}
