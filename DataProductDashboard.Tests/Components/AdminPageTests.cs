using Bunit;
using DataProductDashboard.Components.Pages.Admin;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using DataProductDashboard.Hosting;
using DataProductDashboard.Services.Access;
using DataProductDashboard.Services.Products;
using DataProductDashboard.Services.Trail;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DataProductDashboard.Tests.Components;

public sealed class AdminPageTests : BunitTestContext
{
    private const string Password = "Correct-Horse-42";

    /// <summary>An empty store with the signed-in Admin as a user; the users and keys services as the app registers them.</summary>
    private async Task UseAdminDataAsync()
    {
        Services.AddDashboardUserStore();
        UseData(await UiTestData.CreateEmptyAsync());
        await Service<UserAdminService>().AddAsync(UserName, [DashboardRoles.Admin], Password, Actor.System, CancellationToken.None);
    }

    private IRenderedComponent<AdminPage> RenderPage()
    {
        var cut = Render<AdminPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=user-row]")));
        return cut;
    }

    private static void OpenKeysTab(IRenderedComponent<AdminPage> cut)
    {
        cut.FindAll(".mud-tab").Single(t => t.TextContent.Contains("API keys", StringComparison.Ordinal)).Click();
        cut.WaitForAssertion(() => Assert.True(cut.FindAll("[data-testid=key-row]").Count > 0 || cut.FindAll("[data-testid=keys-empty]").Count > 0));
    }

    private string ShownSecret()
    {
        DialogProvider.WaitForAssertion(() => Assert.NotNull(DialogProvider.Find("[data-testid=shown-once-dialog]")));
        return DialogProvider.Find("input[data-testid=shown-once-secret]").GetAttribute("value")!;
    }

    private AngleSharp.Dom.IElement Role(string role) => DialogProvider.Find($"[data-role={role}] input, input[data-role={role}]");

    private void CloseShownOnce()
    {
        DialogProvider.Find("[data-testid=shown-once-done]").Click();
        DialogProvider.WaitForAssertion(() => Assert.Empty(DialogProvider.FindAll("[data-testid=shown-once-dialog]")));
    }

    [Fact]
    public async Task Render_UsersAndKeys_ListsThemWithRolesProductsAndState()
    {
        await UseAdminDataAsync();
        var product = await Service<ProductService>().CreateAsync(new CreateProductRequest("Bike rental demand", "admin test", "tests", TaskType.Regression,
            UiTestData.RentalsSchema), CancellationToken.None);
        await Service<UserAdminService>().AddAsync("viewer@example.test", [DashboardRoles.Viewer, DashboardRoles.DataScientist], null, Actor.System, CancellationToken.None);
        var keys = Service<ApiKeyService>();
        await keys.CreateAsync(new CreateApiKeyRequest("nightly", DashboardRoles.Ingest, [product.Id]), Actor.System, CancellationToken.None);
        await keys.CreateAsync(new CreateApiKeyRequest("old", DashboardRoles.Viewer), Actor.System, CancellationToken.None);
        await keys.RevokeAsync("old", Actor.System, CancellationToken.None);

        var cut = RenderPage();

        Assert.Equal([UserName, "viewer@example.test"], cut.FindAll("[data-testid=user-row]").Select(r => r.GetAttribute("data-email")));
        var viewer = cut.FindAll("tr").Single(r => r.TextContent.Contains("viewer@example.test", StringComparison.Ordinal));
        Assert.Equal(["Data scientist", "Viewer"], viewer.QuerySelectorAll("[data-testid=user-role-chip]").Select(c => c.TextContent.Trim()));
        Assert.Equal("Yes", viewer.QuerySelector("[data-testid=user-must-change]")!.TextContent.Trim());
        Assert.Contains("(you)", cut.FindAll("tr").Single(r => r.TextContent.Contains(UserName, StringComparison.Ordinal)).TextContent);

        OpenKeysTab(cut);
        Assert.Equal(["nightly", "old"], cut.FindAll("[data-testid=key-row]").Select(r => r.GetAttribute("data-name")));
        Assert.Equal(["Active", "Revoked"], cut.FindAll("[data-testid=key-row]").Select(r => r.GetAttribute("data-state")));
        Assert.Equal(["Bike rental demand", "All products"], cut.FindAll("[data-testid=key-products]").Select(c => c.TextContent.Trim()));
        Assert.Single(cut.FindAll("[data-testid=key-revoke]"));
    }

    [Fact]
    public async Task Render_NoKeys_ShowsTheEmptyStateWithACreateButton()
    {
        await UseAdminDataAsync();

        var cut = RenderPage();
        OpenKeysTab(cut);

        Assert.Contains("No API keys yet", cut.Find("[data-testid=keys-empty]").TextContent);
        Assert.NotNull(cut.Find("[data-testid=create-key-empty]"));
    }

    [Fact]
    public async Task AddUser_WithoutPassword_ShowsTheGeneratedPasswordOnlyOnce()
    {
        await UseAdminDataAsync();
        var cut = RenderPage();

        cut.Find("[data-testid=add-user-button]").Click();
        DialogProvider.WaitForAssertion(() => Assert.NotNull(DialogProvider.Find("[data-testid=add-user-dialog]")));
        DialogProvider.Find("input[data-testid=add-user-email]").Input("new.viewer@example.test");
        Role("Viewer").Change(true);
        DialogProvider.Find("[data-testid=add-user-save]").Click();

        var password = ShownSecret();
        Assert.Contains("Shown only now", DialogProvider.Find("[data-testid=shown-once-hint]").TextContent);
        var users = Services.CreateScope().ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        var user = (await users.FindByNameAsync("new.viewer@example.test"))!;
        Assert.True(await users.CheckPasswordAsync(user, password));
        Assert.Equal([DashboardRoles.Viewer], await users.GetRolesAsync(user));
        CloseShownOnce();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=user-row]").Count));
        Assert.DoesNotContain(password, cut.Markup + DialogProvider.Markup);
    }

    [Fact]
    public async Task AddUser_ExistingEmailAndNoRole_ShowsTheErrorsUnderTheirFields()
    {
        await UseAdminDataAsync();
        var cut = RenderPage();
        cut.Find("[data-testid=add-user-button]").Click();
        DialogProvider.WaitForAssertion(() => Assert.NotNull(DialogProvider.Find("[data-testid=add-user-dialog]")));

        DialogProvider.Find("[data-testid=add-user-save]").Click();
        DialogProvider.WaitForAssertion(() => Assert.Contains("at least one role", DialogProvider.Find("[data-testid=role-error]").TextContent));
        DialogProvider.Find("input[data-testid=add-user-email]").Input(UserName);
        Role("Admin").Change(true);
        DialogProvider.Find("[data-testid=add-user-save]").Click();

        DialogProvider.WaitForAssertion(() => Assert.Contains($"A user '{UserName}' already exists.",
            string.Join(" | ", DialogProvider.FindAll(".mud-input-helper-text.mud-input-error").Select(e => e.TextContent))));
        Assert.NotNull(DialogProvider.Find("[data-testid=add-user-dialog]"));
    }

    [Fact]
    public async Task EditRoles_LastAdminDropsAdmin_ShowsTheRefusalUnderTheRoles()
    {
        await UseAdminDataAsync();
        var cut = RenderPage();

        cut.Find("[data-testid=user-edit-roles]").Click();
        DialogProvider.WaitForAssertion(() => Assert.NotNull(DialogProvider.Find("[data-testid=edit-roles-dialog]")));
        Role("Admin").Change(false);
        Role("Viewer").Change(true);
        DialogProvider.Find("[data-testid=edit-roles-save]").Click();

        DialogProvider.WaitForAssertion(() => Assert.Contains("it is the only Admin", DialogProvider.Find("[data-testid=role-error]").TextContent));
        Assert.Equal([DashboardRoles.Admin], (await Service<UserAdminService>().ListAsync(CancellationToken.None)).Single().Roles);
    }

    [Fact]
    public async Task CreateKey_ShowsTheKeyOnceWithACurlExample_ThenListsItWithoutTheKey()
    {
        await UseAdminDataAsync();
        var cut = RenderPage();
        OpenKeysTab(cut);

        cut.Find("[data-testid=create-key-empty]").Click();
        DialogProvider.WaitForAssertion(() => Assert.NotNull(DialogProvider.Find("[data-testid=create-key-dialog]")));
        DialogProvider.Find("input[data-testid=create-key-name]").Input("nightly-ingest");
        DialogProvider.Find("[data-testid=create-key-save]").Click();

        var key = ShownSecret();
        Assert.StartsWith(ApiKeyService.KeyMarker, key);
        var example = DialogProvider.Find("textarea[data-testid=shown-once-example], [data-testid=shown-once-example] textarea");
        Assert.Contains($"curl -H \"Authorization: Bearer {key}\" ", example.GetAttribute("value") ?? example.TextContent);
        var check = await Service<ApiKeyService>().CheckAsync(key, CancellationToken.None);
        Assert.Equal((DashboardRoles.Ingest, UserName), (check.Key?.Role, check.Key?.CreatedBy));
        CloseShownOnce();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=key-row]")));
        Assert.DoesNotContain(key, cut.Markup + DialogProvider.Markup);
    }

    [Fact]
    public async Task Revoke_Confirmed_MarksTheKeyRevoked()
    {
        await UseAdminDataAsync();
        await Service<ApiKeyService>().CreateAsync(new CreateApiKeyRequest("ci", DashboardRoles.Viewer), Actor.System, CancellationToken.None);
        var cut = RenderPage();
        OpenKeysTab(cut);

        cut.Find("[data-testid=key-revoke]").Click();
        DialogProvider.WaitForAssertion(() => Assert.Contains("cannot be undone", DialogProvider.Markup));
        DialogProvider.FindAll("button").Single(b => b.TextContent.Trim() == "Revoke").Click();

        cut.WaitForAssertion(() => Assert.Equal("Revoked", cut.Find("[data-testid=key-row]").GetAttribute("data-state")));
        Assert.Empty(cut.FindAll("[data-testid=key-revoke]"));
        Assert.Equal("Revoked", (await Service<ApiKeyService>().ListAsync(CancellationToken.None)).Single().State);
    }
}
