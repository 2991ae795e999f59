using DataProductDashboard.Components.Shared;
using DataProductDashboard.Domain;
using DataProductDashboard.Tests.TestSupport;
using MudBlazor;

namespace DataProductDashboard.Tests.Components;

public sealed class RoleGuardTests : BunitTestContext
{
    [Fact]
    public async Task DemandAsync_ViewerForAManagersChange_RefusesWithANeedsSnackbar()
    {
        UseData(await UiTestData.CreateEmptyAsync());
        SignInAs("viewer", DashboardRoles.Viewer);

        var allowed = await Service<RoleGuard>().DemandAsync(DashboardRoles.Managers);

        Assert.False(allowed);
        Assert.Equal("Needs Product manager", Assert.Single(Service<ISnackbar>().ShownSnackbars).Message);
    }

    [Fact]
    public async Task DemandAsync_UserHoldingOneOfTheRoles_AllowsWithoutSnackbar()
    {
        UseData(await UiTestData.CreateEmptyAsync());
        SignInAs("both", DashboardRoles.Viewer, DashboardRoles.DataScientist);

        var allowed = await Service<RoleGuard>().DemandAsync(DashboardRoles.ModelEditors);

        Assert.True(allowed);
        Assert.Empty(Service<ISnackbar>().ShownSnackbars);
    }

    [Theory]
    [InlineData(DashboardRoles.Managers, "Needs Product manager")]
    [InlineData(DashboardRoles.Uploaders, "Needs Data scientist")]
    [InlineData(DashboardRoles.Contributors, "Needs Product manager or Data scientist")]
    [InlineData(DashboardRoles.Admins, "Needs Admin")]
    public void Needs_RoleList_NamesThePeopleRolesBesidesAdmin(string roles, string expected) =>
        Assert.Equal(expected, DashboardRoleNames.Needs(roles));
}
