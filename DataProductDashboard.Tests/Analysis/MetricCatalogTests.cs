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

    [Theory]
    [InlineData(TaskType.BinaryClassification)]
    [InlineData(TaskType.MulticlassClassification)]
    public void For_Classifier_HasScoresAndPositiveShareButNoRegressionErrors(TaskType task)
    {
        var keys = MetricCatalog.For(task).Select(m => m.Key).ToHashSet();

        Assert.Superset(new HashSet<string> { "perf.accuracy", "holdout.roc_auc", "shadow.f1", MetricKeys.PositiveShare, PerformancePoints.LabelledRows,
            MetricCatalog.ShadowLabelledRows }, keys);
        Assert.DoesNotContain(keys, k => k is "perf.mae" or "holdout.rmse" or "shadow.mape" or "perf.median_ae" or "perf.mean_error");
    }

    [Fact]
    public void For_EveryTask_SharesTheMetricsWithoutATask()
    {
        var everyTask = MetricCatalog.All.Where(m => m.Tasks is null).ToList();

        Assert.All(Enum.GetValues<TaskType>(), task => Assert.Superset(everyTask.ToHashSet(), MetricCatalog.For(task).ToHashSet()));
        Assert.All(MetricCatalog.All.Where(m => m.Family is MetricFamily.DataQuality or MetricFamily.Drift), m => Assert.Null(m.Tasks));
    }
}
