using System.Buffers;

namespace DataProductDashboard.Analysis.Statistics;

/// <summary>LSD radix sort of finite doubles (11-bit digits, passes whose digit is the same for every key skipped):
/// several times faster than a comparison sort on the million-value columns a drift audit sorts. Same order as
/// <see cref="Array.Sort(Array)"/> for finite values, with −0.0 before +0.0.</summary>
public static class RadixSort
{
    private const int Bits = 11;
    private const int Buckets = 1 << Bits;
    private const int Passes = (64 + Bits - 1) / Bits;

    public static void Sort(double[] values)
    {
        var n = values.Length;
        if (n < 4096)
        {
            Array.Sort(values);
            return;
        }
        // Scratch keys come from the shared pool: a drift audit sorts dozens of million-value columns.
        var rentedKeys = ArrayPool<ulong>.Shared.Rent(n);
        var rentedBuffer = ArrayPool<ulong>.Shared.Rent(n);
        var keys = rentedKeys;
        var buffer = rentedBuffer;
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
            (keys, buffer) = (buffer, keys);
        }
        for (var i = 0; i < n; i++)
            values[i] = FromKey(keys[i]);
        ArrayPool<ulong>.Shared.Return(rentedKeys);
        ArrayPool<ulong>.Shared.Return(rentedBuffer);
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
