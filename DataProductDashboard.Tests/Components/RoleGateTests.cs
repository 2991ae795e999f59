using Bunit;
using DataProductDashboard.Components.Shared;
using DataProductDashboard.Domain;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Components;

namespace DataProductDashboard.Tests.Components;

public sealed class RoleGateTests : BunitTestContext
{
    private static readonly RenderFragment Button = b => b.AddMarkupContent(0, "<button data-testid=\"gated\">Promote</button>");
    private static readonly RenderFragment Reader = b => b.AddMarkupContent(0, "<p data-testid=\"reader\">A product manager decides.</p>");

    private async Task ArrangeAsync(string role)
    {
        UseData(await UiTestData.CreateEmptyAsync());
        SignInAs(role.ToLowerInvariant(), role);
    }

    [Fact]
    public async Task Render_UserWithTheRole_ShowsTheContentOnly()
    {
        await ArrangeAsync(DashboardRoles.ProductManager);

        var cut = Render<RoleGate>(ps => ps.Add(p => p.Roles, DashboardRoles.Managers).Add(p => p.Hint, true).Add(p => p.ChildContent, Button).Add(p => p.Otherwise, Reader));

        Assert.NotNull(cut.Find("[data-testid=gated]"));
        Assert.Empty(cut.FindAll("[data-testid=reader]"));
        Assert.Empty(cut.FindAll("[data-testid=role-hint]"));
    }

    [Fact]
    public async Task Render_ViewerWithHint_ShowsTheHintInsteadOfTheContent()
    {
        await ArrangeAsync(DashboardRoles.Viewer);

        var cut = Render<RoleGate>(ps => ps.Add(p => p.Roles, DashboardRoles.Managers).Add(p => p.Hint, true).Add(p => p.ChildContent, Button));

        Assert.Empty(cut.FindAll("[data-testid=gated]"));
        Assert.Equal("Needs Product manager", cut.Find("[data-testid=role-hint]").TextContent.Trim());
    }

    [Fact]
    public async Task Render_ViewerWithoutHint_ShowsOtherwiseOrNothing()
    {
        await ArrangeAsync(DashboardRoles.Viewer);

        var withReader = Render<RoleGate>(ps => ps.Add(p => p.Roles, DashboardRoles.Managers).Add(p => p.ChildContent, Button).Add(p => p.Otherwise, Reader));
        var bare = Render<RoleGate>(ps => ps.Add(p => p.Roles, DashboardRoles.Managers).Add(p => p.ChildContent, Button));

        Assert.NotNull(withReader.Find("[data-testid=reader]"));
        Assert.Empty(withReader.FindAll("[data-testid=role-hint]"));
        Assert.Equal("", bare.Markup.Trim());
    }

    [Fact]
    public async Task Render_ArchivedProduct_HidesTheActionFromEveryRoleUnlessAllowed()
    {
        await ArrangeAsync(DashboardRoles.Admin);

        var hidden = Render<RoleGate>(ps => ps.Add(p => p.Roles, DashboardRoles.Managers).Add(p => p.Hint, true).Add(p => p.ChildContent, Button)
            .Add(p => p.Otherwise, Reader).AddCascadingValue(RoleGate.ProductArchived, true));
        var allowed = Render<RoleGate>(ps => ps.Add(p => p.Roles, DashboardRoles.Admins).Add(p => p.AllowWhenArchived, true).Add(p => p.ChildContent, Button)
            .AddCascadingValue(RoleGate.ProductArchived, true));

        Assert.Empty(hidden.FindAll("[data-testid=gated]"));
        Assert.NotNull(hidden.Find("[data-testid=reader]"));
        Assert.Equal("Archived: read-only", hidden.Find("[data-testid=archived-hint]").TextContent.Trim());
        Assert.NotNull(allowed.Find("[data-testid=gated]"));
    }
}
