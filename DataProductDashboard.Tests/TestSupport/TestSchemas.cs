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

    /// <summary>The header of <see cref="Pm25Csv"/> (as the Beijing PM2.5 air-quality data): the time split over year,
    /// month, day and hour.</summary>
    public const string Pm25Header = "No,year,month,day,hour,pm2.5,DEWP,TEMP,PRES,cbwd,Iws,Is,Ir";

    private static readonly string[] WindDirections = ["NW", "NE", "SE", "cv"];

    /// <summary>Hourly rows from <paramref name="start"/> (default 2010-01-01 00:00) shaped like the Beijing PM2.5 data,
    /// No counting from <paramref name="firstNo"/>; pm2.5 (the label, "NA" in about one row in 40) follows dew point,
    /// wind and the hour of day. Without the label the pm2.5 column is left out.</summary>
    public static string Pm25Csv(int rows, int seed = 5, bool withLabel = true, DateTime? start = null, int firstNo = 1)
    {
        var random = new Random(seed);
        var from = start ?? new DateTime(2010, 1, 1);
        var csv = new StringBuilder((withLabel ? Pm25Header : Pm25Header.Replace("pm2.5,", "", StringComparison.Ordinal)) + "\n");
        for (var i = 0; i < rows; i++)
        {
            var at = from.AddHours(i);
            var dewp = random.Next(-30, 25);
            var temp = dewp + random.Next(0, 15);
            var pres = random.Next(1000, 1040);
            var wind = WindDirections[random.Next(4)];
            var iws = Math.Round(random.NextDouble() * 50, 2);
            csv.Append(CultureInfo.InvariantCulture, $"{firstNo + i},{at.Year},{at.Month},{at.Day},{at.Hour}");
            if (withLabel)
            {
                var pm = Math.Max(0, Math.Round(80 + (2 * dewp) - iws + (10 * Math.Sin(at.Hour / 24.0 * 2 * Math.PI)) + (random.NextDouble() * 20)));
                csv.Append(random.Next(40) == 0 ? ",NA" : string.Create(CultureInfo.InvariantCulture, $",{pm}"));
            }
            csv.Append(CultureInfo.InvariantCulture, $",{dewp},{temp},{pres},{wind},{iws},{random.Next(0, 2)},{random.Next(0, 3)}\n");
        }
        return csv.ToString();
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
