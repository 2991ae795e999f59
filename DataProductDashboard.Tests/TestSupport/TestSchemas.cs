using System.Globalization;
using System.Text;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Tests.TestSupport;

/// <summary>A small bike-like regression schema and fixed-seed CSV generators for it.</summary>
public static class TestSchemas
{
    public static readonly ProductSchema Regression = new(
    [
        new("id", ColumnKind.Id, ColumnRole.RowKey),
        new("day", ColumnKind.Timestamp, ColumnRole.EventTime),
        new("temp", ColumnKind.Numeric, Min: -50, Max: 60),
        new("hum", ColumnKind.Numeric, Nullable: true, Min: 0, Max: 1),
        new("season", ColumnKind.Categorical, AllowedValues: ["spring", "summer", "autumn", "winter"]),
        new("cnt", ColumnKind.Numeric, ColumnRole.Label, Min: 0),
    ]);

    public static readonly ProductSchema Binary = new(
    [
        new("id", ColumnKind.Id, ColumnRole.RowKey),
        new("amount", ColumnKind.Numeric, Min: 0),
        new("age", ColumnKind.Numeric, Min: 18, Max: 100),
        new("housing", ColumnKind.Categorical, AllowedValues: ["rent", "own", "free"]),
        new("risk", ColumnKind.Categorical, ColumnRole.Label, AllowedValues: ["good", "bad"]),
    ], PositiveClass: "bad");

    public const string RegressionHeader = "id,day,temp,hum,season";

    private static readonly string[] Seasons = ["spring", "summer", "autumn", "winter"];
    private static readonly string[] Housing = ["rent", "own", "free"];

    /// <summary>Rows of the regression schema; cnt = 10 + 3·temp − 20·hum + season effect + noise.</summary>
    public static string RegressionCsv(int rows, int seed = 7, bool withLabel = true, int firstId = 1)
    {
        var random = new Random(seed);
        var csv = new StringBuilder(withLabel ? RegressionHeader + ",cnt\n" : RegressionHeader + "\n");
        for (var i = 0; i < rows; i++)
        {
            var temp = Math.Round((random.NextDouble() * 40) - 5, 2);
            var hum = Math.Round(random.NextDouble(), 3);
            var season = random.Next(4);
            var day = new DateTime(2024, 1, 1).AddDays(i % 28);
            csv.Append(CultureInfo.InvariantCulture, $"r{firstId + i},{day:yyyy-MM-dd},{temp},{hum},{Seasons[season]}");
            if (withLabel)
                csv.Append(CultureInfo.InvariantCulture, $",{Math.Max(0, Math.Round(10 + (3 * temp) - (20 * hum) + (season * 5) + (random.NextDouble() * 4), 1))}");
            csv.Append('\n');
        }
        return csv.ToString();
    }

    /// <summary>Rows of the binary schema; risk is "bad" mostly for large amounts and young applicants.</summary>
    public static string BinaryCsv(int rows, int seed = 11, bool withLabel = true)
    {
        var random = new Random(seed);
        var csv = new StringBuilder(withLabel ? "id,amount,age,housing,risk\n" : "id,amount,age,housing\n");
        for (var i = 0; i < rows; i++)
        {
            var amount = Math.Round(random.NextDouble() * 10000, 0);
            var age = random.Next(18, 80);
            var housing = Housing[random.Next(3)];
            var bad = (amount / 10000) + ((80 - age) / 120.0) + (random.NextDouble() * 0.5) > 1.0;
            csv.Append(CultureInfo.InvariantCulture, $"a{i + 1},{amount},{age},{housing}");
            if (withLabel)
                csv.Append(bad ? ",bad" : ",good");
            csv.Append('\n');
        }
        return csv.ToString();
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
