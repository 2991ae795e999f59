using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace DataProductDashboard.Tests.E2E;

[Collection(AccessCollection.Name)]
public sealed class AccessJourneyTests(FirstStartServerFixture server)
{
    private const string ViewerEmail = "business.user@example.test";
    private const string ViewerPassword = "Viewer-Reads-2026";

    [Fact]
    public async Task Journey_FirstAdminSignsInSetsAPasswordAndCreatesAViewerWhoCanReadButNotAdminister()
    {
        // A fresh start: the portfolio sends an anonymous visitor to the sign-in page.
        var page = await server.NewAnonymousPageAsync();
        await page.GotoAsync(server.BaseUrl + "/");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/login"));

        // The first Admin signs in with the printed one-time password and must choose a new one.
        await page.FillAsync("#login-name", "admin");
        await page.FillAsync("#login-password", server.InitialAdminPassword);
        await page.ClickAsync("#login-submit");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/change-password"));
        await page.FillAsync("#current-password", server.InitialAdminPassword);
        await page.FillAsync("#new-password", "Admin-Chose-This-1");
        await page.FillAsync("#confirm-password", "Admin-Chose-This-1");
        await page.ClickAsync("#change-password-submit");

        // The empty portfolio offers an Admin the first product, then the Admin page through the navigation entry only
        // Admins see.
        await Assertions.Expect(page.Locator("[data-testid=portfolio-empty-new]")).ToBeVisibleAsync();
        await DashboardServerFixture.WaitUntilInteractiveAsync(page);
        await page.ClickAsync("#nav-admin");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin$"));
        await Assertions.Expect(page.Locator("[data-testid=user-row][data-email=admin]")).ToBeVisibleAsync();

        // A Viewer with a password typed in the dialog: it is used directly, so no one-time password is shown.
        await page.ClickAsync("#add-user-button");
        await page.FillAsync("input[data-testid=add-user-email]", ViewerEmail);
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Viewer", Exact = true }).CheckAsync();
        await page.FillAsync("input[data-testid=add-user-password]", ViewerPassword);
        await page.ClickAsync("#add-user-save");
        var viewerRow = page.Locator($"[data-testid=user-row][data-email='{ViewerEmail}']");
        await Assertions.Expect(viewerRow).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("tr", new() { Has = viewerRow }).Locator("[data-testid=user-role-chip]")).ToHaveTextAsync(["Viewer"]);
        await Assertions.Expect(page.Locator("[data-testid=shown-once-dialog]")).ToHaveCountAsync(0);

        // Sign out.
        await page.ClickAsync("[data-testid=user-menu] button");
        await page.ClickAsync("[data-testid=sign-out]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/login"));

        // The Viewer, in another browser, reads the portfolio but has no way to the Admin page.
        var viewer = await server.NewAnonymousPageAsync();
        await server.SignInAsync(viewer, ViewerEmail, ViewerPassword);
        // A reader is told who creates products instead of being offered a button that would refuse them.
        await Assertions.Expect(viewer.Locator("[data-testid=portfolio-empty-reader]")).ToBeVisibleAsync();
        await Assertions.Expect(viewer.Locator("[data-testid=portfolio-empty-new]")).ToHaveCountAsync(0);
        await DashboardServerFixture.WaitUntilInteractiveAsync(viewer);
        await Assertions.Expect(viewer.Locator("#nav-admin")).ToHaveCountAsync(0);
        await viewer.ClickAsync("[data-testid=user-menu] button");
        await Assertions.Expect(viewer.Locator("[data-testid=user-roles]")).ToHaveTextAsync("Roles: Viewer");
        await Assertions.Expect(viewer.Locator("[data-testid=menu-admin]")).ToHaveCountAsync(0);
        await viewer.GotoAsync(server.BaseUrl + "/admin");
        await Assertions.Expect(viewer.Locator("[data-testid=not-authorized], h1:has-text('Not allowed')").First).ToBeVisibleAsync();
        await Assertions.Expect(viewer.Locator("[data-testid=users-table]")).ToHaveCountAsync(0);
    }
}
