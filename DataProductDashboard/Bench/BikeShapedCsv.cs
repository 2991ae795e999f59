using System.Globalization;
using System.Text;

namespace DataProductDashboard.Bench;

/// <summary>Fixed-seed CSV rows shaped like the bike-rental product (calendar + weather, hourly).</summary>
public static class BikeShapedCsv
{
    public const string Header = "instant,dteday,season,yr,mnth,hr,holiday,weekday,workingday,weathersit,temp,atemp,hum,windspeed";

    public static byte[] Generate(int rows, int seed, bool withLabel = false)
    {
        using var buffer = new MemoryStream(rows * 64);
        Write(buffer, rows, seed, withLabel);
        return buffer.ToArray();
    }

    /// <summary>Writes the rows as UTF-8 to a stream, one line at a time (no whole-file string in memory). Row keys
    /// ("instant") run from <paramref name="firstKey"/>.</summary>
    public static void Write(Stream output, int rows, int seed, bool withLabel = false, long firstKey = 1)
    {
        var random = new Random(seed);
        using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        var text = new StringBuilder(128);
        writer.Write(Header);
        writer.Write(withLabel ? ",cnt\n" : "\n");
        var start = new DateTime(2011, 1, 1);
        for (var i = 0; i < rows; i++)
        {
            text.Clear();
            var at = start.AddHours(i % 17544);
            var month = at.Month;
            var season = ((month % 12) / 3) + 1;
            var weekday = (int)at.DayOfWeek;
            var holiday = random.NextDouble() < 0.03 ? 1 : 0;
            var working = weekday is > 0 and < 6 && holiday == 0 ? 1 : 0;
            var weather = random.NextDouble() switch { < 0.65 => 1, < 0.9 => 2, < 0.995 => 3, _ => 4 };
            var temp = Math.Clamp(0.5 + (0.3 * Math.Sin((month - 4) / 12.0 * 2 * Math.PI)) + ((random.NextDouble() - 0.5) * 0.2), 0.02, 1);
            var atemp = Math.Clamp(temp + ((random.NextDouble() - 0.5) * 0.08), 0, 1);
            var hum = Math.Clamp(0.6 + ((random.NextDouble() - 0.5) * 0.6), 0, 1);
            var wind = Math.Clamp(random.NextDouble() * random.NextDouble() * 0.8, 0, 1);
            text.Append(CultureInfo.InvariantCulture,
                $"{firstKey + i},{at:yyyy-MM-dd},{season},{at.Year - 2011},{month},{at.Hour},{holiday},{weekday},{working},{weather},{temp:0.00},{atemp:0.0000},{hum:0.00},{wind:0.0000}");
            if (withLabel)
            {
                var peak = at.Hour is 8 or 17 or 18 ? 3.0 : at.Hour is >= 7 and <= 20 ? 1.5 : 0.3;
                var cnt = Math.Max(0, Math.Round((peak * 120 * temp * (working == 1 ? 1.2 : 0.9) / weather) + (random.NextDouble() * 20)));
                text.Append(CultureInfo.InvariantCulture, $",{cnt}");
            }
            text.Append('\n');
            writer.Write(text);
        }
    }
}
