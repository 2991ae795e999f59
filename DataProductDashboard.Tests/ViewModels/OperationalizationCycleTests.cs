using DataProductDashboard.Analysis;
using DataProductDashboard.Analysis.Kpi;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Kpis;
using DataProductDashboard.Services.Products;
using DataProductDashboard.Tests.TestSupport;
using DataProductDashboard.ViewModels.Products;

namespace DataProductDashboard.Tests.ViewModels;

public sealed class OperationalizationCycleTests
{
    private static ProductDetail Product(int? champion, int batches) => new(7, "P", "", "", TaskType.Regression, UiTestData.RentalsSchema,
        champion, champion is null ? 0 : 1, batches, batches * 10L, null, DateTime.UnixEpoch);

    [Fact]
    public void For_NoChampionNoBatches_AsksToRegisterModelThenUpload()
    {
        var stages = OperationalizationCycle.For(Product(null, 0));

        Assert.Equal(["activation", "integration", "audit", "kpi"], stages.Select(s => s.Key));
        Assert.Equal(CycleStageState.ActionNeeded, stages[0].State);
        Assert.Contains("register or train a model", stages[0].Detail);
        Assert.Equal(CycleStageState.ActionNeeded, stages[1].State);
        Assert.Equal("/products/7/models", stages[0].Href);
    }

    [Fact]
    public void For_ChampionAndBatches_ActivationAndIntegrationDone()
    {
        var stages = OperationalizationCycle.For(Product(3, 4));

        Assert.Equal(CycleStageState.Done, stages[0].State);
        Assert.Contains("version 3", stages[0].Detail);
        Assert.Equal(CycleStageState.Done, stages[1].State);
        Assert.Contains("4 batches, 40 rows", stages[1].Detail);
    }

    [Fact]
    public void For_NoAuditAndNoKpis_BothAreNotConfiguredNeverDone()
    {
        var stages = OperationalizationCycle.For(Product(1, 100));

        Assert.All(stages.Skip(2), s => Assert.Equal(CycleStageState.NotConfigured, s.State));
        Assert.All(stages.Skip(2), s => Assert.StartsWith("Not configured yet", s.Detail));
        Assert.Equal("/products/7/kpis", stages[3].Href);
    }

    private static KpiOverview Kpi(int id, KpiStatus status, DriftClassification? drift = null) => new(id, 7, $"K{id}", "", KpiDirection.HigherIsBetter, 10, 1,
        KpiPeriod.Week, KpiSource.Uploaded, status, null, null, null,
        drift is { } c ? new BusinessDriftFinding(c, DateTime.UnixEpoch, DateTime.UnixEpoch, 3, 5, -0.5, "why", null) : null, $"/products/7/kpis?kpi={id}");

    [Fact]
    public void Kpi_OneOffTargetWithFinding_FailsAndNamesTheClassification()
    {
        var stage = OperationalizationCycle.Kpi(Product(1, 10), [Kpi(1, KpiStatus.OnTarget), Kpi(2, KpiStatus.OffTarget, DriftClassification.BusinessDrift), Kpi(3, KpiStatus.AtRisk)]);

        Assert.Equal(CycleStageState.Failing, stage.State);
        Assert.Equal("K2 off target for 3 weeks: business drift", stage.Detail);
        Assert.Equal("/products/7/kpis?kpi=2", stage.Href);
    }

    [Fact]
    public void Kpi_AtRiskButNoneOff_NeedsAction() =>
        Assert.Equal(CycleStageState.ActionNeeded, OperationalizationCycle.Kpi(Product(1, 10), [Kpi(1, KpiStatus.OnTarget), Kpi(2, KpiStatus.AtRisk)]).State);

    [Fact]
    public void Kpi_AllOnTarget_IsDone()
    {
        var stage = OperationalizationCycle.Kpi(Product(1, 10), [Kpi(1, KpiStatus.OnTarget), Kpi(2, KpiStatus.OnTarget)]);

        Assert.Equal(CycleStageState.Done, stage.State);
        Assert.Equal("2 of 2 KPIs on target", stage.Detail);
    }

    [Fact]
    public void Kpi_OnlyNoData_IsNotConfiguredYetSaysNoCompletePeriod() =>
        Assert.Equal("1 of 1 KPI without a complete period yet", OperationalizationCycle.Kpi(Product(1, 10), [Kpi(1, KpiStatus.NoData)]).Detail);

    [Fact]
    public void For_RedDriftAmberQuality_AuditFailingWithDriftReasonAndLink()
    {
        var health = new AuditHealth(HealthState.Amber, "3 duplicate row keys.", HealthState.Red, "Dataset drift: 9 of 12 features drifted.");

        var audit = OperationalizationCycle.For(Product(1, 10), health)[2];

        Assert.Equal(CycleStageState.Failing, audit.State);
        Assert.Equal("Dataset drift: 9 of 12 features drifted.", audit.Detail);
        Assert.Equal("/products/7/drift", audit.Href);
    }

    [Fact]
    public void For_AmberQualityGreenDrift_AuditNeedsActionWithQualityReason()
    {
        var health = new AuditHealth(HealthState.Amber, "12% of 'hum' is missing.", HealthState.Green, "No drift in 12 features.");

        var audit = OperationalizationCycle.For(Product(1, 10), health)[2];

        Assert.Equal(CycleStageState.ActionNeeded, audit.State);
        Assert.Equal("12% of 'hum' is missing.", audit.Detail);
        Assert.Equal("/products/7/quality", audit.Href);
    }

    [Fact]
    public void For_BothGreen_AuditDoneAndKpiStillNotConfigured()
    {
        var stages = OperationalizationCycle.For(Product(1, 10), new AuditHealth(HealthState.Green, "Complete, valid and unique.", HealthState.Green, "No drift in 12 features."));

        Assert.Equal(CycleStageState.Done, stages[2].State);
        Assert.Contains("No drift", stages[2].Detail);
        Assert.Equal(CycleStageState.NotConfigured, stages[3].State);
    }

    [Fact]
    public void For_UnknownHealthWithoutBatches_AuditNotConfiguredAsksForABatch()
    {
        var audit = OperationalizationCycle.For(Product(1, 0), AuditHealth.Unknown)[2];

        Assert.Equal(CycleStageState.NotConfigured, audit.State);
        Assert.Contains("upload a batch", audit.Detail);
    }

    private static KpiOverview Kpi(string name, KpiStatus status, BusinessDriftFinding? drift = null) => new(1, 7, name, "", KpiDirection.HigherIsBetter, 100, 10,
        KpiPeriod.Day, KpiSource.Uploaded, status, null, null, null, drift, "/products/7/kpis?kpi=1");

    [Fact]
    public void For_KpiOffTargetForASustainedRun_KpiStageFailsNamingTheClassificationAndLinksTheKpi()
    {
        var drift = new BusinessDriftFinding(DriftClassification.DataDrift, DateTime.UnixEpoch, DateTime.UnixEpoch.AddDays(3), 4, 60, -0.3, "reason", 12);

        var kpi = OperationalizationCycle.For(Product(1, 10), kpis: [Kpi("Visits", KpiStatus.OnTarget), Kpi("Daily rentals", KpiStatus.OffTarget, drift)])[3];

        Assert.Equal(CycleStageState.Failing, kpi.State);
        Assert.Equal("Daily rentals off target for 4 days: data drift", kpi.Detail);
        Assert.Equal("/products/7/kpis?kpi=1", kpi.Href);
    }

    [Theory]
    [InlineData(KpiStatus.AtRisk, CycleStageState.ActionNeeded, "1 of 2 KPIs at risk")]
    [InlineData(KpiStatus.OffTarget, CycleStageState.Failing, "1 of 2 KPIs off target")]
    [InlineData(KpiStatus.OnTarget, CycleStageState.Done, "2 of 2 KPIs on target")]
    public void For_KpisWithoutARun_KpiStageTakesTheWorstStatus(KpiStatus worst, CycleStageState expected, string detail)
    {
        var kpi = OperationalizationCycle.For(Product(1, 10), kpis: [Kpi("Visits", KpiStatus.OnTarget), Kpi("Revenue", worst)])[3];

        Assert.Equal((expected, detail), (kpi.State, kpi.Detail));
        Assert.Equal("/products/7/kpis", kpi.Href);
    }
}
