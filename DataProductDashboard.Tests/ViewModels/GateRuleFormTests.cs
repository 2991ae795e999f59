using DataProductDashboard.Analysis;
using DataProductDashboard.Analysis.Gates;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Gates;
using DataProductDashboard.ViewModels.Gates;

namespace DataProductDashboard.Tests.ViewModels;

public sealed class GateRuleFormTests
{
    private static readonly DateTime T0 = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void ConditionsFor_BatchScope_ComparesWithTheReferenceButNotTheChampion()
    {
        var conditions = GateRuleForm.ConditionsFor(GateScope.Batch, MetricCatalog.Find(MetricKeys.LatencyP95));

        Assert.Contains(GateCondition.Between, conditions);
        Assert.Contains(GateCondition.RelativeToReference, conditions);
        Assert.DoesNotContain(GateCondition.RelativeToChampion, conditions);
    }

    [Fact]
    public void ConditionsFor_ReleaseScope_OffersTheChampion() =>
        Assert.Contains(GateCondition.RelativeToChampion, GateRuleForm.ConditionsFor(GateScope.Release, MetricCatalog.Find("holdout.mae")));

    [Fact]
    public void ConditionsFor_FlagMetric_OnlyEqualOrAtMost() =>
        Assert.Equal([GateCondition.Eq, GateCondition.Lte, GateCondition.Lt], GateRuleForm.ConditionsFor(GateScope.Batch, MetricCatalog.Find(AuditPoints.ColumnDrift)));

    [Fact]
    public void NormalizeCondition_FlagMetricWithAComparison_BecomesEqualsZero()
    {
        var form = new GateRuleForm { MetricId = MetricOption.IdOf(AuditPoints.ColumnDrift, "temp"), Condition = GateCondition.Between };

        form.NormalizeCondition();

        Assert.Equal(GateCondition.Eq, form.Condition);
        Assert.Equal(0, form.Threshold);
        Assert.Equal("Drift detected of 'temp' = 0", form.Text);
    }

    [Fact]
    public void Missing_EmptyForm_NamesTheMetricAndThreshold()
    {
        var form = new GateRuleForm();

        Assert.Equal(new Dictionary<string, string> { ["metricKey"] = "Choose a metric.", ["threshold"] = "Enter a threshold." }, form.Missing());
        Assert.False(form.IsComplete);
        Assert.Null(form.ToInput());
        Assert.Null(form.Text);
    }

    [Fact]
    public void Missing_BetweenWithoutUpper_AsksForTheUpperBound()
    {
        var form = new GateRuleForm { MetricId = AuditPoints.VolumeRatio, Condition = GateCondition.Between, Threshold = 0.5 };

        Assert.Equal("Enter the upper bound.", Assert.Single(form.Missing()).Value);
        Assert.Equal("Lower bound", form.ThresholdLabel);
    }

    [Fact]
    public void ToInput_CompleteRule_CarriesEveryFieldAndDropsTheUpperBoundUnlessBetween()
    {
        var form = new GateRuleForm
        {
            Scope = GateScope.Batch, MetricId = MetricOption.IdOf(AuditPoints.ColumnMissingShare, "temp"), Condition = GateCondition.Lte, Threshold = 0.05,
            UpperThreshold = 9, Severity = GateSeverity.Warning, Owner = "  ana ", Name = " ", Enabled = false,
        };

        var input = form.ToInput()!;

        Assert.Equal(new GateRuleInput(GateScope.Batch, AuditPoints.ColumnMissingShare, "temp", GateCondition.Lte, 0.05, GateSeverity.Warning, null,
            RelativeBound.NotBelow, ToleranceUnit.Percent, null, "ana", false), input);
        Assert.Equal("Missing share of 'temp' ≤ 5 %", form.Text);
    }

    [Fact]
    public void ThresholdLabel_RelativeRule_IsATolerance()
    {
        var form = new GateRuleForm { Condition = GateCondition.RelativeToReference };

        Assert.Equal("Tolerance (%)", form.ThresholdLabel);
        form.Unit = ToleranceUnit.Absolute;
        Assert.Equal("Tolerance", form.ThresholdLabel);
        Assert.Equal("Enter a tolerance.", form.Missing()["threshold"]);
    }

    [Fact]
    public void From_UnnamedStoredRule_DoesNotKeepItsTextAsAName()
    {
        var view = new GateRuleView(3, 1, "Rows ≥ 5", "Rows ≥ 5", GateScope.Batch, MetricKeys.Rows, "Rows", null, null, GateCondition.Gte, 5, null,
            RelativeBound.NotBelow, ToleranceUnit.Percent, GateSeverity.Critical, "pm", true, T0, T0, GateStatus.Passed, "ok", T0);

        var form = GateRuleForm.From(view);

        Assert.Null(form.Name);
        Assert.Equal(MetricKeys.Rows, form.MetricId);
        Assert.Equal(5, form.Threshold);
        Assert.Equal("pm", form.Owner);
        Assert.Equal("Named", GateRuleForm.InputOf(view with { Name = "Named" }).Name);
    }
}
