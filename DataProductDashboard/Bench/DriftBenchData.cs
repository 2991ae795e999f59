using System.Globalization;
using System.Text;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Bench;

/// <summary>The fixed-seed reference / current pair of `bench drift`: 15 numeric columns of varied distributions
/// (num_04 and num_09 with ~1 % missing), 5 categorical columns with 10 levels; the current file shifts num_01 by
/// 0.05 sd, num_02 by 0.25 sd and num_03 by 1 sd, and swaps the shares of two levels of cat_01.</summary>
public static class DriftBenchData
{
    public const int NumericColumns = 15;
    public const int CategoricalColumns = 5;
    private static readonly string[] Levels = [.. Enumerable.Range(0, 10).Select(i => $"L{i}")];

    public static ProductSchema Schema { get; } = new(
    [
        .. Enumerable.Range(1, NumericColumns).Select(i => new ColumnSpec($"num_{i:D2}", ColumnKind.Numeric, Nullable: i is 4 or 9)),
        .. Enumerable.Range(1, CategoricalColumns).Select(i => new ColumnSpec($"cat_{i:D2}", ColumnKind.Categorical)),
    ]);

    public static void Write(string path, int rows, int seed, bool shifted)
    {
        var random = new Random(seed);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 20);
        writer.Write(string.Join(',', Schema.Columns.Select(c => c.Name)));
        writer.Write('\n');
        var line = new StringBuilder(256);
        for (var r = 0; r < rows; r++)
        {
            line.Clear();
            for (var c = 1; c <= NumericColumns; c++)
            {
                if ((c is 4 or 9) && random.NextDouble() < 0.01)
                {
                    line.Append(',');
                    continue;
                }
                var shift = !shifted ? 0 : c switch { 1 => 0.05, 2 => 0.25, 3 => 1.0, _ => 0 };
                line.Append(Numeric(c, random, shift).ToString("0.#####", CultureInfo.InvariantCulture)).Append(',');
            }
            for (var c = 1; c <= CategoricalColumns; c++)
            {
                line.Append(Level(random, swap: shifted && c == 1));
                if (c < CategoricalColumns)
                    line.Append(',');
            }
            line.Append('\n');
            writer.Write(line);
        }
    }

    /// <summary>Column c's distribution (unit scale), moved by <paramref name="shiftSd"/> of its standard deviation.</summary>
    private static double Numeric(int c, Random random, double shiftSd)
    {
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return (c % 5) switch
        {
            0 => 10 + (2 * Normal()) + (2 * shiftSd),
            1 => Normal() + shiftSd,
            2 => -Math.Log(1 - random.NextDouble()) + shiftSd,
            3 => (random.NextDouble() * 12) + (shiftSd * Math.Sqrt(12)),
            _ => Math.Exp(0.5 * Normal()) + (shiftSd * 0.6),
        };
    }

    private static string Level(Random random, bool swap)
    {
        // Shares 19 %, 17 %, … , 1 %: level i has weight 10 − i.
        var u = random.NextDouble() * 55;
        var i = 0;
        for (var acc = 10.0; u > acc; acc += 10 - (++i))
        {
        }
        i = Math.Min(i, 9);
        if (swap)
            i = i switch { 0 => 9, 9 => 0, _ => i };
        return Levels[i];
    }
}
