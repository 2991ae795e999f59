namespace DataProductDashboard.Analysis.Statistics;

/// <summary>A uniform random sample of at most <paramref name="capacity"/> rows of a stream of rows of unknown length
/// (Vitter's algorithm R, seeded, so the same rows in the same order give the same sample). Holds the row's values
/// of <paramref name="columns"/> numeric columns. While fewer rows than the capacity have come, the sample is every
/// row, in order.</summary>
public sealed class Reservoir(int columns, int capacity, int seed, int expectedRows = 0)
{
    private readonly Random _random = new(seed);
    private readonly double[][] _values = Enumerable.Range(0, columns)
        .Select(_ => new double[Math.Clamp(expectedRows, 16, capacity)]).ToArray();
    private long _seen;

    /// <summary>Rows offered so far.</summary>
    public long Seen => _seen;

    /// <summary>Rows held: every row offered, up to the capacity.</summary>
    public int Count => (int)Math.Min(_seen, capacity);

    /// <summary>Whether rows were left out (more rows came than the capacity).</summary>
    public bool Sampled => _seen > capacity;

    /// <summary>Offers the next row: the slot its values go to in every column, or −1 when it is not kept.</summary>
    public int Offer()
    {
        var seen = _seen++;
        if (seen < capacity)
        {
            if (_values.Length > 0 && seen == _values[0].Length)
            {
                for (var c = 0; c < _values.Length; c++)
                    Array.Resize(ref _values[c], (int)Math.Min(capacity, seen * 2));
            }
            return (int)seen;
        }
        var slot = _random.NextInt64(seen + 1);
        return slot < capacity ? (int)slot : -1;
    }

    public void Set(int column, int slot, double value) => _values[column][slot] = value;

    /// <summary>The kept values of one column.</summary>
    public ReadOnlySpan<double> Column(int column) => _values[column].AsSpan(0, Count);
}
