using System.Globalization;
using System.Text;

namespace DataProductDashboard.Bench;

/// <summary>Fixed-seed CSV rows shaped like the bike-rental product (calendar + weather, hourly).</summary>
public static class BikeShapedCsv
{
    public const string Header = "instant,dteday,season,yr,mnth,hr,holiday,weekday,workingday,weathersit,temp,atemp,hum,windspeed";

    /// <summary>The header of a label file: row key + label, as the label upload expects it.</summary>
    public const string LabelHeader = "instant,cnt";

    public static byte[] Generate(int rows, int seed, bool withLabel = false)
    {
        using var buffer = new MemoryStream(rows * 64);
        Write(buffer, rows, seed, withLabel);
        return buffer.ToArray();
    }

    /// <summary>Writes the rows as UTF-8 to a stream, one line at a time (no whole-file string in memory). Row keys
    /// ("instant") run from <paramref name="firstKey"/>. Row i is hour i from 2011-01-01, or with <paramref name="day"/>
    /// the rows spread evenly over that day (a batch a day).</summary>
    public static void Write(Stream output, int rows, int seed, bool withLabel = false, long firstKey = 1, DateTime? day = null)
    {
        var random = new Random(seed);
        using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        var text = new StringBuilder(128);
        writer.Write(Header);
        writer.Write(withLabel ? ",cnt\n" : "\n");
        for (var i = 0; i < rows; i++)
        {
            text.Clear();
            var row = Row.Next(random, Row.TimeOf(i, rows, day));
            text.Append(CultureInfo.InvariantCulture,
                $"{firstKey + i},{row.At:yyyy-MM-dd},{row.Season},{row.At.Year - 2011},{row.At.Month},{row.At.Hour},{row.Holiday},{row.Weekday},{row.Working},{row.Weather},{row.Temp:0.00},{row.Atemp:0.0000},{row.Hum:0.00},{row.Wind:0.0000}");
            if (withLabel)
                text.Append(CultureInfo.InvariantCulture, $",{row.Count(random.NextDouble())}");
            text.Append('\n');
            writer.Write(text);
        }
    }

    /// <summary>Writes the true labels ("instant,cnt") of the rows that <see cref="Write"/> writes without labels for the
    /// same <paramref name="rows"/>, <paramref name="seed"/> and <paramref name="firstKey"/>: the same relation to the
    /// features as the labelled rows, with noise from a stream of its own (the unlabelled rows draw none).
    /// <paramref name="withHeader"/> false appends to a label file already started.</summary>
    public static void WriteLabels(Stream output, int rows, int seed, long firstKey, bool withHeader = true, DateTime? day = null)
    {
        var random = new Random(seed);
        var noise = new Random(unchecked((seed * 31) + 17));
        using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        if (withHeader)
            writer.Write(LabelHeader + "\n");
        var text = new StringBuilder(32);
        for (var i = 0; i < rows; i++)
        {
            text.Clear();
            var row = Row.Next(random, Row.TimeOf(i, rows, day));
            text.Append(CultureInfo.InvariantCulture, $"{firstKey + i},{row.Count(noise.NextDouble())}\n");
            writer.Write(text);
        }
    }

    /// <summary>The features of one row, drawn in a fixed order from the file's random stream.</summary>
    private readonly record struct Row(DateTime At, int Season, int Weekday, int Holiday, int Working, int Weather, double Temp, double Atemp, double Hum, double Wind)
    {
        private static readonly DateTime Start = new(2011, 1, 1);

        /// <summary>Hour <paramref name="index"/> from the start (two years, then again), or a time of <paramref name="day"/>.</summary>
        public static DateTime TimeOf(int index, int rows, DateTime? day) =>
            day is { } d ? d.Date.AddTicks(TimeSpan.TicksPerDay / Math.Max(1, rows) * index) : Start.AddHours(index % 17544);

        public static Row Next(Random random, DateTime at)
        {
            var season = ((at.Month % 12) / 3) + 1;
            var weekday = (int)at.DayOfWeek;
            var holiday = random.NextDouble() < 0.03 ? 1 : 0;
            var working = weekday is > 0 and < 6 && holiday == 0 ? 1 : 0;
            var weather = random.NextDouble() switch { < 0.65 => 1, < 0.9 => 2, < 0.995 => 3, _ => 4 };
            var temp = Math.Clamp(0.5 + (0.3 * Math.Sin((at.Month - 4) / 12.0 * 2 * Math.PI)) + ((random.NextDouble() - 0.5) * 0.2), 0.02, 1);
            var atemp = Math.Clamp(temp + ((random.NextDouble() - 0.5) * 0.08), 0, 1);
            var hum = Math.Clamp(0.6 + ((random.NextDouble() - 0.5) * 0.6), 0, 1);
            var wind = Math.Clamp(random.NextDouble() * random.NextDouble() * 0.8, 0, 1);
            return new Row(at, season, weekday, holiday, working, weather, temp, atemp, hum, wind);
        }

        /// <summary>Rentals: peak hours × temperature × working day ÷ weather, plus up to 20 of noise (<paramref name="noise"/> in [0, 1)).</summary>
        public double Count(double noise)
        {
            var peak = At.Hour is 8 or 17 or 18 ? 3.0 : At.Hour is >= 7 and <= 20 ? 1.5 : 0.3;
            return Math.Max(0, Math.Round((peak * 120 * Temp * (Working == 1 ? 1.2 : 0.9) / Weather) + (noise * 20)));
        }
    }
}
