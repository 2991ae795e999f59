using DataProductDashboard.Domain;
using DataProductDashboard.Services.Kpis;
using DataProductDashboard.Services.Trail;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static DataProductDashboard.Tests.Services.Kpis.KpiTestData;

namespace DataProductDashboard.Tests.Services.Kpis;

public sealed class KpiServiceTests
{
    private static readonly Actor NoName = new(null!);

    [Fact]
    public async Task UploadValues_SamePeriodAgain_ReplacesItsValue()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync(withModel: false);
        var kpi = await h.KpiService.CreateAsync(product.Id, Revenue(), Pm, default);
        await h.KpiService.UploadValuesAsync(product.Id, kpi.Definition.Id, Csv("period,value\n2024-05-06,120\n2024-05-13,80\n"), "a.csv", Pm, default);

        var result = await h.KpiService.UploadValuesAsync(product.Id, kpi.Definition.Id, Csv("period,value\n2024-05-13,101.5\n2024-05-20,99\n"), "b.csv", Pm, default);
        var values = await h.KpiService.ListValuesAsync(product.Id, kpi.Definition.Id, default);

        Assert.Equal(new KpiUploadResult(2, 1, 1, Utc("2024-05-13"), Utc("2024-05-20")), result);
        Assert.Equal([120.0, 101.5, 99.0], values.Select(v => v.Value!.Value));
        Assert.Equal([KpiStatus.OnTarget, KpiStatus.OnTarget, KpiStatus.AtRisk], values.Select(v => v.Status));
        Assert.Equal(3, await h.CountAsync(db => db.KpiValues));
    }

    [Fact]
    public async Task UploadValues_ArmColumn_KeepsEachArmsValueBesideTheOverallOne()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync(withModel: false);
        var kpi = await h.KpiService.CreateAsync(product.Id, Revenue(), Pm, default);

        await h.KpiService.UploadValuesAsync(product.Id, kpi.Definition.Id,
            Csv("period,value,arm\n2024-05-06,100,\n2024-05-06,90,champion\n2024-05-06,110,Challenger\n"), "arms.csv", Pm, default);
        var values = await h.KpiService.ListValuesAsync(product.Id, kpi.Definition.Id, default);

        Assert.Equal([(null, 100.0), (ExperimentArm.Champion, 90.0), (ExperimentArm.Challenger, 110.0)], values.Select(v => (v.Arm, v.Value!.Value)));
    }

    [Fact]
    public async Task UploadValues_BadRows_NamesEveryRowAndStoresNothing()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync(withModel: false);
        var kpi = await h.KpiService.CreateAsync(product.Id, Revenue(), Pm, default);
        await h.KpiService.UploadValuesAsync(product.Id, kpi.Definition.Id, Csv("period,value\n2024-05-06,120\n"), "a.csv", Pm, default);
        var trail = (await h.Trail.ListAsync(product.Id, 100, default)).Count;

        var ex = await Assert.ThrowsAsync<InputValidationException>(() => h.KpiService.UploadValuesAsync(product.Id, kpi.Definition.Id,
            Csv("period,value\n2024-05-06,130\n2024-05-08,1\n2024-05-20,abc\n2024-13-01,4\n2024-05-27,\n2024-05-06,5\n"), "bad.csv", Pm, default));

        Assert.Equal(["2024-05-08 is not the start of a week (weeks start on Monday: 2024-05-06)"], ex.Errors["row 3, column 'period'"]);
        Assert.StartsWith("'abc' is not a number", ex.Errors["row 4, column 'value'"][0]);
        Assert.StartsWith("'2024-13-01' is not a date", ex.Errors["row 5, column 'period'"][0]);
        Assert.Equal(["a value is required"], ex.Errors["row 6, column 'value'"]);
        Assert.Equal(["2024-05-06 appears again (first on row 2)"], ex.Errors["row 7, column 'period'"]);
        Assert.Contains("'bad.csv' has 5 problems", ex.Message);
        var values = await h.KpiService.ListValuesAsync(product.Id, kpi.Definition.Id, default);
        Assert.Equal(120.0, Assert.Single(values).Value);
        Assert.Equal(trail, (await h.Trail.ListAsync(product.Id, 100, default)).Count);
    }

    [Fact]
    public async Task Create_TrailEntryCannotBeSaved_StoresNoKpi()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync(withModel: false);

        // An actor without a name cannot be written to the trail (its Actor column is required): the save after the KPI fails.
        await Assert.ThrowsAsync<DbUpdateException>(() => h.KpiService.CreateAsync(product.Id, Revenue() with { Owner = "finance" }, NoName, default));

        Assert.Equal(0, await h.CountAsync(db => db.Kpis));
        Assert.Equal(0, await h.CountAsync(db => db.AuditTrail));
    }

    [Fact]
    public async Task Update_ComputedToUploadedWhenTheTrailCannotBeSaved_KeepsTheComputedValues()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync();
        await h.Importer.ImportAsync(product.Id, Batch(("r1", "2024-01-01", 10), ("r2", "2024-01-02", 3)), "a.csv", BatchSource.Api);
        var kpi = await h.KpiService.CreateAsync(product.Id, SumPerDay("temp"), Pm, default);
        var values = await h.CountAsync(db => db.KpiValues);

        await Assert.ThrowsAsync<DbUpdateException>(() =>
            h.KpiService.UpdateAsync(product.Id, kpi.Definition.Id, Revenue() with { Owner = "finance" }, NoName, default));

        Assert.Equal(2, values);
        Assert.Equal(values, await h.CountAsync(db => db.KpiValues));
        Assert.Equal(KpiSource.BatchColumn, (await h.KpiService.GetDefinitionAsync(product.Id, kpi.Definition.Id, default)).Source);
    }

    [Fact]
    public async Task UploadValues_ComputedKpi_IsAConflict()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync(withModel: false);
        var kpi = await h.KpiService.CreateAsync(product.Id, SumPerDay("temp"), Pm, default);

        var ex = await Assert.ThrowsAsync<ConflictException>(() =>
            h.KpiService.UploadValuesAsync(product.Id, kpi.Definition.Id, Csv("period,value\n2024-05-06,1\n"), "a.csv", Pm, default));

        Assert.Contains("computed from the product's batches (Sum of 'temp')", ex.Message);
    }

    [Fact]
    public async Task Create_InvalidDefinition_NamesEveryBadField()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync(withModel: false);

        var ex = await Assert.ThrowsAsync<InputValidationException>(() => h.KpiService.CreateAsync(product.Id,
            new KpiInput(" ", KpiDirection.HigherIsBetter, 10, -1, KpiPeriod.Day, KpiSource.BatchColumn, Aggregate: null, Column: "season", RunLength: 1), Pm, default));
        var cost = await Assert.ThrowsAsync<InputValidationException>(() => h.KpiService.CreateAsync(product.Id,
            new KpiInput("Cost", KpiDirection.LowerIsBetter, 1, 0, KpiPeriod.Week, KpiSource.MisclassificationCost, CostFalsePositive: -1), Pm, default));

        Assert.Equal(["name", "tolerance", "runLength", "aggregate", "column"], ex.Errors.Keys);
        Assert.Contains("'season' is a Categorical column", ex.Errors["column"][0]);
        Assert.Equal(["source", "costFalsePositive", "costFalseNegative"], cost.Errors.Keys);
        Assert.Contains("needs a binary classifier", cost.Errors["source"][0]);
        Assert.Equal(0, await h.CountAsync(db => db.Kpis));
    }

    [Fact]
    public async Task Create_UnknownColumnAndDuplicateName_AreRejected()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync(withModel: false);
        await h.KpiService.CreateAsync(product.Id, Revenue(), Pm, default);

        var ex = await Assert.ThrowsAsync<InputValidationException>(() =>
            h.KpiService.CreateAsync(product.Id, SumPerDay("tmp", "revenue"), Pm, default));

        Assert.Equal("The product already has a KPI named 'revenue'.", ex.Errors["name"][0]);
        Assert.Equal("'tmp' is not a column of the product; use one of temp, hum, cnt, prediction.", ex.Errors["column"][0]);
    }

    [Fact]
    public async Task CreateUpdateDelete_AreRecordedInTheAuditTrail()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync(withModel: false);
        var kpi = await h.KpiService.CreateAsync(product.Id, Revenue(), Pm, default);
        await h.KpiService.UpdateAsync(product.Id, kpi.Definition.Id, Revenue() with { Target = 120 }, Pm, default);
        await h.KpiService.UploadValuesAsync(product.Id, kpi.Definition.Id, Csv("period,value\n2024-05-06,1\n"), "a.csv", Pm, default);
        await h.KpiService.DeleteAsync(product.Id, kpi.Definition.Id, Pm, default);

        var trail = await h.Trail.ListAsync(product.Id, 100, default);

        Assert.Equal([TrailAction.KpiDeleted, TrailAction.KpiValuesUploaded, TrailAction.KpiUpdated, TrailAction.KpiCreated], trail.Select(t => t.Action));
        Assert.All(trail, t => Assert.Equal("pm.kim", t.Actor));
        var update = trail.Single(t => t.Action == TrailAction.KpiUpdated);
        Assert.Contains("target 100 k€ ± 10", update.Before);
        Assert.Contains("target 120 k€ ± 10", update.After);
    }

    [Fact]
    public async Task Update_UploadedKpiWithValuesToAnotherPeriod_IsRefused()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync(withModel: false);
        var kpi = await h.KpiService.CreateAsync(product.Id, Revenue(), Pm, default);
        await h.KpiService.UploadValuesAsync(product.Id, kpi.Definition.Id, Csv("period,value\n2024-05-06,1\n"), "a.csv", Pm, default);

        var ex = await Assert.ThrowsAsync<InputValidationException>(() =>
            h.KpiService.UpdateAsync(product.Id, kpi.Definition.Id, Revenue() with { Period = KpiPeriod.Month }, Pm, default));

        Assert.Contains("has 1 uploaded values per week", ex.Errors["period"][0]);
        Assert.Equal(KpiPeriod.Week, (await h.KpiService.GetDefinitionAsync(product.Id, kpi.Definition.Id, default)).Period);
    }

    [Fact]
    public async Task Get_KpiOfAnotherProduct_IsNotFound()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var first = await h.CreateRegressionProductAsync("First", withModel: false);
        var second = await h.CreateRegressionProductAsync("Second", withModel: false);
        var kpi = await h.KpiService.CreateAsync(first.Id, Revenue(), Pm, default);

        await Assert.ThrowsAsync<NotFoundException>(() => h.KpiService.GetAsync(second.Id, kpi.Definition.Id, default));
    }
}
