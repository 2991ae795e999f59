using DataProductDashboard.Domain;
using DataProductDashboard.Services.Gates;
using DataProductDashboard.Services.Trail;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Tests.Services;

public sealed class GateServiceTests
{
    private static readonly GateRuleInput DriftShare = new(GateScope.Batch, "drift.share", null, GateCondition.Lt, 0.5, GateSeverity.Critical, Owner: "ops");

    [Fact]
    public async Task Create_StoresTheRuleWithItsTrailEntry()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync(withModel: false);

        var rule = await h.Gates.CreateAsync(product.Id, DriftShare, new Actor("ana"), default);

        var entry = Assert.Single(await h.Trail.ListAsync(product.Id, 10, default));
        Assert.Equal((TrailAction.GateCreated, "ana"), (entry.Action, entry.Actor));
        Assert.Contains($"gate {rule.Id} ", entry.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_TrailEntryCannotBeSaved_StoresNoRule()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync(withModel: false);

        // An actor without a name cannot be written to the trail (its Actor column is required): the save after the rule fails.
        await Assert.ThrowsAsync<DbUpdateException>(() => h.Gates.CreateAsync(product.Id, DriftShare, new Actor(null!), default));

        Assert.Equal(0, await h.CountAsync(db => db.GateRules));
        Assert.Equal(0, await h.CountAsync(db => db.AuditTrail));
    }
}
