using System.Runtime.InteropServices;

namespace DataProductDashboard.Analysis.Statistics;

/// <summary>LSD radix sort of finite doubles (11-bit digits, passes whose digit is the same for every key skipped):
/// several times faster than a comparison sort on the million-value columns a drift audit sorts. Same order as
/// <see cref="Array.Sort(Array)"/> for finite values, with −0.0 before +0.0.</summary>
public static class RadixSort
{
    private const int Bits = 11;
    private const int Buckets = 1 << Bits;
    private const int Passes = (64 + Bits - 1) / Bits;
    private const int CachedScratchLength = 1 << 21;
    private static ulong[]? _cachedScratch;

    public static void Sort(double[] values)
    {
        var n = values.Length;
        if (n < 4096)
        {
            Array.Sort(values);
            return;
        }
        // The keys are made in place (a double and its key are both 8 bytes), so the only scratch is one buffer. It is
        // not rented from the shared pool, which would keep each large buffer (2 per concurrent sort, rounded up to a
        // power of two) for good: hundreds of MB after one audit of a few million rows. One buffer of at most
        // CachedScratchLength is kept for the next sort (an audit sorts dozens of columns of the same length).
        var scratch = Interlocked.Exchange(ref _cachedScratch, null);
        if (scratch is null || scratch.Length < n)
            scratch = GC.AllocateUninitializedArray<ulong>(n);
        Span<ulong> keys = MemoryMarshal.Cast<double, ulong>(values.AsSpan());
        Span<ulong> buffer = scratch.AsSpan(0, n);
        for (var i = 0; i < n; i++)
            keys[i] = ToKey(values[i]);
        var counts = new int[Passes, Buckets];
        for (var i = 0; i < n; i++)
        {
            var key = keys[i];
            for (var p = 0; p < Passes; p++)
                counts[p, (int)((key >> (p * Bits)) & (Buckets - 1))]++;
        }
        var offsets = new int[Buckets];
        for (var p = 0; p < Passes; p++)
        {
            var shift = p * Bits;
            if (counts[p, (int)((keys[0] >> shift) & (Buckets - 1))] == n)
                continue;
            var sum = 0;
            for (var b = 0; b < Buckets; b++)
            {
                offsets[b] = sum;
                sum += counts[p, b];
            }
            for (var i = 0; i < n; i++)
            {
                var key = keys[i];
                buffer[offsets[(int)((key >> shift) & (Buckets - 1))]++] = key;
            }
            var swap = keys;
            keys = buffer;
            buffer = swap;
        }
        // The sorted keys are in values' own memory or in the scratch buffer (after an odd number of passes); either
        // way each key is read before its slot of values is written.
        for (var i = 0; i < n; i++)
            values[i] = FromKey(keys[i]);
        if (scratch.Length <= CachedScratchLength)
            _cachedScratch = scratch;
    }

    /// <summary>Maps a double to an unsigned key with the same order: flip all bits of negatives, the sign bit of positives.</summary>
    private static ulong ToKey(double value)
    {
        var bits = (ulong)BitConverter.DoubleToInt64Bits(value);
        return (bits & 0x8000_0000_0000_0000UL) != 0 ? ~bits : bits | 0x8000_0000_0000_0000UL;
    }

    private static double FromKey(ulong key)
    {
        var bits = (key & 0x8000_0000_0000_0000UL) != 0 ? key & 0x7FFF_FFFF_FFFF_FFFFUL : ~key;
        return BitConverter.Int64BitsToDouble((long)bits);
    }
}
