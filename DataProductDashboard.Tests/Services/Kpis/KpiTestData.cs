using System.Globalization;
using System.Text;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Kpis;
using DataProductDashboard.Services.Trail;

namespace DataProductDashboard.Tests.Services.Kpis;

/// <summary>Batches of the test regression schema with chosen days and temperatures, and KPI definitions for them.</summary>
internal static class KpiTestData
{
    public static readonly Actor Pm = new("pm.kim");

    /// <summary>Weekly revenue: 120 on target, then 80, 70, 60 — three weeks below the band edge of 90.</summary>
    public const string OffForThreeWeeks = "period,value\n2024-05-06,120\n2024-05-13,80\n2024-05-20,70\n2024-05-27,60\n";

    public static byte[] Batch(params (string Id, string Day, double Temp)[] rows) => Encoding.UTF8.GetBytes(
        "id,day,temp,hum,season\n" + string.Concat(rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Id},{r.Day},{r.Temp},0.5,summer\n"))));

    /// <summary><paramref name="count"/> rows r{first}… spread over the days from <paramref name="firstDay"/> (one row
    /// per day, cycling over <paramref name="days"/> days), with temperatures like the training data, or far above it.</summary>
    public static byte[] Rows(int count, int first, DateTime firstDay, int days, bool drifted = false)
    {
        var random = new Random(first);
        var csv = new StringBuilder("id,day,temp,hum,season\n");
        for (var i = 0; i < count; i++)
        {
            var temp = drifted ? 55 + random.NextDouble() : Math.Round((random.NextDouble() * 40) - 5, 2);
            var hum = drifted ? 0.99 : Math.Round(random.NextDouble(), 3);
            var season = drifted ? "winter" : new[] { "spring", "summer", "autumn", "winter" }[random.Next(4)];
            csv.Append(CultureInfo.InvariantCulture, $"r{first + i},{firstDay.AddDays(i % days):yyyy-MM-dd},{temp},{hum},{season}\n");
        }
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    public static byte[] Labels(params (string Id, double Cnt)[] rows) => Encoding.UTF8.GetBytes(
        "id,cnt\n" + string.Concat(rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Id},{r.Cnt}\n"))));

    public static KpiInput SumPerDay(string column, string name = "Temperature sum") =>
        new(name, KpiDirection.HigherIsBetter, 10, 2, KpiPeriod.Day, KpiSource.BatchColumn, KpiAggregate.Sum, column, Unit: "°C");

    /// <summary>Weekly revenue, uploaded: on target ≥ 100, at risk down to 90, off target below; a run of 3 weeks.</summary>
    public static KpiInput Revenue(string name = "Revenue") =>
        new(name, KpiDirection.HigherIsBetter, 100, 10, KpiPeriod.Week, KpiSource.Uploaded, Unit: "k€");

    public static byte[] Csv(string text) => Encoding.UTF8.GetBytes(text);

    public static DateTime Utc(string date) => DateTime.SpecifyKind(DateTime.Parse(date, CultureInfo.InvariantCulture), DateTimeKind.Utc);
}
