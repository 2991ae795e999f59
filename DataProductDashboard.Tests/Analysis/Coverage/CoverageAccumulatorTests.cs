using DataProductDashboard.Analysis;
using DataProductDashboard.Analysis.Coverage;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Tests.Analysis.Coverage;

public sealed class CoverageAccumulatorTests
{
    private static readonly ProductSchema Schema = new(
    [
        new("temp", ColumnKind.Numeric, Nullable: true),
        new("weather", ColumnKind.Categorical, Nullable: true),
        new("sex", ColumnKind.Categorical, ColumnRole.Segment),
        new("cnt", ColumnKind.Numeric, ColumnRole.Label),
    ]);

    private static ReferenceProfile Reference()
    {
        var table = new ColumnTable(4);
        table.AddNumeric("temp", [0.1, 0.5, 0.9, 0.3]);
        table.AddStrings("weather", ["sun", "rain", "sun", "fog"]);
        table.AddStrings("sex", ["f", "m", "f", "m"]);
        return ReferenceProfile.Build(Schema, table, new float[] { 1, 2, 3, 4 });
    }

    private static ColumnTable Batch()
    {
        var table = new ColumnTable(5);
        table.AddNumeric("temp", [0.1, 0.95, double.NaN, 0.05, 0.9]);
        table.AddStrings("weather", ["sun", "sun", "hail", null, "rain"]);
        table.AddStrings("sex", ["f", "m", "f", "m", "f"]);
        return table;
    }

    [Fact]
    public void Add_ValuesOutsideTheTrainingPopulation_CountPerColumnAndPerRow()
    {
        var accumulator = new CoverageAccumulator(new CoverageRules(Schema, Reference()));

        var covered = accumulator.Add(Batch());
        var result = accumulator.Result();

        // Row 2: temp 0.95 > 0.9; row 3: hail never seen (its missing temp is not judged); row 4: temp 0.05 < 0.1.
        Assert.Equal([true, false, false, false, true], covered);
        Assert.Equal((5L, 2L), (result.Rows, result.CoveredRows));
        Assert.Equal(0.4, result.RowShare, 12);
        var temp = result.Columns.Single(c => c.Column == "temp");
        Assert.Equal((4L, 2L), (temp.Values, temp.Covered));
        var weather = result.Columns.Single(c => c.Column == "weather");
        Assert.Equal((4L, 3L), (weather.Values, weather.Covered));
    }

    [Fact]
    public void Add_WithSegments_GivesEachSegmentItsRowShare()
    {
        var accumulator = new CoverageAccumulator(new CoverageRules(Schema, Reference()));
        var sex = Batch().Strings("sex");

        accumulator.Add(Batch(), row => [$"sex={sex[row]}"]);
        var points = accumulator.Result().Points().ToList();

        Assert.Contains((CoverageResult.RowsKey, (string?)null, (string?)"sex=f", 2.0 / 3), points);
        Assert.Contains((CoverageResult.RowsKey, (string?)null, (string?)"sex=m", 0.0), points);
        Assert.Contains((CoverageResult.ColumnKey, (string?)"temp", (string?)null, 0.5), points);
    }

    [Fact]
    public void Reasons_UncoveredRow_NamesTheColumnValueAndBound()
    {
        var rules = new CoverageRules(Schema, Reference());

        Assert.Equal(["temp 0.95 above the training maximum 0.9"], rules.Reasons(Batch(), 1));
        Assert.Equal(["weather 'hail' never seen in training"], rules.Reasons(Batch(), 2));
        Assert.Equal(["temp 0.05 below the training minimum 0.1"], rules.Reasons(Batch(), 3));
        Assert.Empty(rules.Reasons(Batch(), 0));
    }

    [Fact]
    public void Rules_SegmentColumnThatIsNotAFeature_IsNotJudged()
    {
        Assert.Equal(["temp", "weather"], new CoverageRules(Schema, Reference()).Columns);
    }
}
