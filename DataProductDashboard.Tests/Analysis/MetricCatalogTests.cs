using DataProductDashboard.Analysis;
using DataProductDashboard.Analysis.Gates;
using DataProductDashboard.Analysis.Performance;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Tests.Analysis;

public sealed class MetricCatalogTests
{
    [Fact]
    public void For_Regression_HasErrorMetricsButNoClassifierScores()
    {
        var keys = MetricCatalog.For(TaskType.Regression).Select(m => m.Key).ToHashSet();

        Assert.Superset(new HashSet<string> { "perf.mae", "holdout.rmse", "shadow.mean_error", "perf.r2", AuditPoints.DriftShare, MetricKeys.LatencyP95,
            PerformancePoints.ConceptDegraded, MetricCatalog.ShadowLatencyP95 }, keys);
        Assert.DoesNotContain(keys, k => k is "perf.accuracy" or "holdout.roc_auc" or "shadow.log_loss" or "perf.brier");
        Assert.DoesNotContain(MetricKeys.PositiveShare, keys);
    }

    [Fact]
    public void For_BinaryClassifier_HasScoresAndPositiveShareButNoRegressionErrors()
    {
        var keys = MetricCatalog.For(TaskType.BinaryClassification).Select(m => m.Key).ToHashSet();

        Assert.Superset(new HashSet<string> { "perf.accuracy", "holdout.roc_auc", "shadow.f1", MetricKeys.PositiveShare, PerformancePoints.LabelledRows,
            MetricCatalog.ShadowLabelledRows }, keys);
        Assert.DoesNotContain(keys, k => k is "perf.mae" or "holdout.rmse" or "shadow.mape" or "perf.median_ae" or "perf.mean_error" or "perf.macro_f1");
    }

    [Fact]
    public void For_MulticlassClassifier_HasAccuracyAndMacroAveragesButNoPositiveClassMetrics()
    {
        var keys = MetricCatalog.For(TaskType.MulticlassClassification).Select(m => m.Key).ToHashSet();

        Assert.Superset(new HashSet<string> { "perf.accuracy", "perf.balanced_accuracy", "perf.macro_f1", "holdout.macro_f1", "shadow.accuracy",
            PerformancePoints.LabelledRows }, keys);
        Assert.DoesNotContain(keys, k => k is "perf.roc_auc" or "perf.f1" or "perf.precision" or "holdout.log_loss" or "perf.mae" or MetricKeys.PositiveShare);
    }

    [Fact]
    public void For_EveryTask_SharesTheMetricsWithoutATask()
    {
        var everyTask = MetricCatalog.All.Where(m => m.Tasks is null).ToList();

        Assert.All(Enum.GetValues<TaskType>(), task => Assert.Superset(everyTask.ToHashSet(), MetricCatalog.For(task).ToHashSet()));
        Assert.All(MetricCatalog.All.Where(m => m.Family is MetricFamily.DataQuality or MetricFamily.Drift), m => Assert.Null(m.Tasks));
    }

    [Fact]
    public void WindowBatches_ConceptDriftAndFairness_AreReadOverTheirRollingWindowOthersPerBatch()
    {
        var windowed = MetricCatalog.All.Where(m => m.WindowBatches > 1).Select(m => m.Key).ToHashSet();

        Assert.Contains(PerformancePoints.ConceptDegraded, windowed);
        Assert.Contains(PerformancePoints.WindowDegraded, windowed);
        Assert.Contains("fairness.disparate_impact", windowed);
        Assert.DoesNotContain("perf.mae", windowed);
        Assert.DoesNotContain("shadow.fairness.disparate_impact", windowed);
        Assert.All(windowed, key => Assert.Equal(4, MetricCatalog.Find(key)!.WindowBatches));
    }
}
