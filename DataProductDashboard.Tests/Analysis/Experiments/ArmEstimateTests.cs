using DataProductDashboard.Analysis.Experiments;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Tests.Analysis.Experiments;

/// <summary>Reference bounds: t(0.975, 4) = 2.7764451051977987 and z(0.975) = 1.959963984540054 (scipy.stats t.ppf / norm.ppf).</summary>
public sealed class ArmEstimateTests
{
    [Fact]
    public void Of_Values_IsTheStudentTIntervalOfTheMean()
    {
        var estimate = ArmEstimate.Of("perf.mae", ExperimentArm.Challenger, ArmSample.OfValues([1.0, 3, 2, 5, 4]), 0.05)!;

        Assert.Equal(3, estimate.Estimate);
        Assert.Equal(1.036756838522439, estimate.Low, 1e-9);
        Assert.Equal(4.9632431614775605, estimate.High, 1e-9);
        Assert.Equal((ExperimentArm.Challenger, 5L), (estimate.Arm, estimate.Count));
    }

    [Fact]
    public void Of_Rate_IsTheWaldIntervalClippedToZeroOne()
    {
        var estimate = ArmEstimate.Of("perf.accuracy", ExperimentArm.Champion, ArmSample.OfRate(70, 100), 0.05)!;
        var certain = ArmEstimate.Of("perf.accuracy", ExperimentArm.Champion, ArmSample.OfRate(3, 3), 0.05)!;

        Assert.Equal(0.6101831668145794, estimate.Low, 1e-9);
        Assert.Equal(0.7898168331854205, estimate.High, 1e-9);
        Assert.Equal((1.0, 1.0, 1.0), (certain.Estimate, certain.Low, certain.High));
    }

    [Fact]
    public void Of_EmptyOrSingleObservation_IsNullOrHasNoInterval()
    {
        Assert.Null(ArmEstimate.Of("perf.mae", ExperimentArm.Champion, ArmSample.OfValues([]), 0.05));
        var single = ArmEstimate.Of("perf.mae", ExperimentArm.Champion, ArmSample.OfValues([2.5]), 0.05)!;
        Assert.Equal(2.5, single.Estimate);
        Assert.True(double.IsNaN(single.Low) && double.IsNaN(single.High));
    }
}
