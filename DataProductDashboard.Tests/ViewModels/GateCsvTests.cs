using DataProductDashboard.Domain;
using DataProductDashboard.Services.Gates;
using DataProductDashboard.Services.Trail;
using DataProductDashboard.ViewModels.Gates;

namespace DataProductDashboard.Tests.ViewModels;

public sealed class GateCsvTests
{
    private static readonly DateTime T0 = new(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    [Fact]
    public void GateRulesCsv_OneRowPerRuleWithItsLastOutcome_QuotingWhereNeeded()
    {
        var rule = new GateRuleView(3, 1, "Volume, usual", "Volume vs usual between 0.5 and 2", GateScope.Batch, "dq.volume_ratio", "Volume vs usual", null, null,
            GateCondition.Between, 0.5, 2, RelativeBound.NotBelow, ToleranceUnit.Percent, GateSeverity.Warning, "ana", false, T0, T0, GateStatus.Warning,
            "Volume vs usual 2.400 > upper bound 2.000", T0);

        var lines = GateRulesCsv.Write([rule]).Split('\n');

        Assert.Equal(GateRulesCsv.Header, lines[0]);
        Assert.Equal("3,Batch,\"Volume, usual\",Volume vs usual between 0.5 and 2,dq.volume_ratio,Volume vs usual,,Between,0.5,2,NotBelow,Percent,Warning,ana,false,Warning,2026-01-02T03:04:05Z,Volume vs usual 2.400 > upper bound 2.000", lines[1]);
        Assert.Equal("", lines[2]);
    }

    [Fact]
    public void TrailCsv_WhenWhoWhatBeforeAfter()
    {
        var entry = new TrailEntry(1, T0, "ana", TrailAction.GateUpdated, "batch gate 3 'Rows ≥ 5'", "Rows ≥ 5; Critical", "Rows \"≥\" 8");

        var lines = TrailCsv.Write([entry, entry with { Before = null }]).Split('\n');

        Assert.Equal(TrailCsv.Header, lines[0]);
        Assert.Equal("2026-01-02T03:04:05Z,ana,GateUpdated,batch gate 3 'Rows ≥ 5',Rows ≥ 5; Critical,\"Rows \"\"≥\"\" 8\"", lines[1]);
        Assert.Equal("2026-01-02T03:04:05Z,ana,GateUpdated,batch gate 3 'Rows ≥ 5',,\"Rows \"\"≥\"\" 8\"", lines[2]);
    }
}
