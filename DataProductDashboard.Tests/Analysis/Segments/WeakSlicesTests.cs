using DataProductDashboard.Analysis.Segments;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Tests.Analysis.Segments;

public sealed class WeakSlicesTests
{
    private static readonly ColumnSpec[] Features =
    [
        new("income", ColumnKind.Numeric),
        new("region", ColumnKind.Categorical),
        new("weekday", ColumnKind.Categorical),
    ];

    /// <summary>2,000 rows: errors at 10 % everywhere, except 50 % for east on Mondays (about 12 % of the rows).</summary>
    private static (ColumnTable Table, double[] Errors) Rows(bool uniform = false)
    {
        var random = new Random(5);
        var n = 2000;
        string[] regions = ["north", "south", "east", "west"];
        var income = new double[n];
        var region = new string?[n];
        var weekday = new string?[n];
        var errors = new double[n];
        for (var i = 0; i < n; i++)
        {
            income[i] = Math.Round(random.NextDouble() * 1000);
            region[i] = regions[random.Next(4)];
            weekday[i] = random.Next(2) == 0 ? "mon" : "tue";
            var rate = !uniform && region[i] == "east" && weekday[i] == "mon" ? 0.5 : 0.1;
            errors[i] = random.NextDouble() < rate ? 1 : 0;
        }
        var table = new ColumnTable(n);
        table.AddNumeric("income", income);
        table.AddStrings("region", region);
        table.AddStrings("weekday", weekday);
        return (table, errors);
    }

    [Fact]
    public void Find_AWeakCrossedSlice_RanksItFirstWithItsEffectAndSupport()
    {
        var (table, errors) = Rows();

        var slices = WeakSlices.Find(table, Features, errors);

        var first = slices[0];
        Assert.Equal(2, first.Conditions.Count);
        Assert.Equal(["region = east", "weekday = mon"], first.Conditions.Order());
        Assert.InRange(first.Share, 0.1, 0.15);
        Assert.InRange(first.Effect, 0.3, 0.5);
        Assert.True(first.AdjustedPValue < 1e-6);
        Assert.All(slices, s => Assert.True(s.Share >= WeakSlices.MinShare && s.Effect > 0 && s.AdjustedPValue < WeakSlices.Alpha));
        // Each half of the planted slice is weaker on its own (diluted by the other half's rows), so it ranks below.
        var east = slices.Single(s => s.Conditions.SequenceEqual(["region = east"]));
        Assert.True(east.Effect < first.Effect);
    }

    [Fact]
    public void Find_UniformErrors_FindsNothing()
    {
        var (table, errors) = Rows(uniform: true);

        Assert.Empty(WeakSlices.Find(table, Features, errors));
    }

    [Fact]
    public void Find_ErrorsOfAnotherLength_Throws()
    {
        var (table, _) = Rows();

        Assert.Throws<ArgumentException>(() => WeakSlices.Find(table, Features, [1.0, 0.0]));
    }
}
