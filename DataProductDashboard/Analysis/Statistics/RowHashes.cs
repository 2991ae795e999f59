using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace DataProductDashboard.Analysis.Statistics;

/// <summary>64-bit hashes (XXH3) of row keys and whole rows, collected chunk by chunk, so duplicates in a batch of any
/// length are counted from 8 bytes per row instead of a set of the rows themselves. Two different rows share a hash
/// with probability about n² / 2⁶⁵ (3 × 10⁻⁶ for ten million rows): the count is exact in practice.</summary>
public sealed class RowHashes(int expectedRows)
{
    private const ulong Missing = 0x6A09E667F3BCC909UL;
    private long[] _hashes = new long[Math.Max(16, expectedRows)];
    private int _count;

    public int Count => _count;

    public void Add(ulong hash)
    {
        if (_count == _hashes.Length)
            Array.Resize(ref _hashes, _hashes.Length * 2);
        _hashes[_count++] = unchecked((long)hash);
    }

    /// <summary>Rows whose hash occurred earlier (each repeat counts once, as a set would refuse it). Sorts in place.</summary>
    public int Duplicates()
    {
        var hashes = _hashes.AsSpan(0, _count);
        hashes.Sort();
        var duplicates = 0;
        for (var i = 1; i < hashes.Length; i++)
        {
            if (hashes[i] == hashes[i - 1])
                duplicates++;
        }
        return duplicates;
    }

    public static ulong Of(string? text) =>
        text is null ? Missing : XxHash3.HashToUInt64(MemoryMarshal.AsBytes(text.AsSpan()));

    /// <summary>NaN equals NaN and 0 equals −0, as <see cref="double.Equals(double)"/> has it.</summary>
    public static ulong Of(double value) =>
        double.IsNaN(value) ? Missing : unchecked((ulong)BitConverter.DoubleToInt64Bits(value == 0 ? 0 : value));

    public static ulong Of(DateTime? value) => value is { } v ? unchecked((ulong)v.Ticks) : Missing;

    /// <summary>A row's hash from the hashes of its values, in column order.</summary>
    public static ulong Of(ReadOnlySpan<ulong> values) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(values));
}
