using System.Buffers;
using System.Globalization;
using System.Text;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Analysis.Experiments;

/// <summary>Which arm of an A/B test a row falls in, from a stable hash of (experiment id, row key): the UTF-8 bytes of
/// "{experimentId}:{rowKey}" go through 64-bit FNV-1a, then MurmurHash3's 64-bit finalizer (fmix64) so that keys
/// differing only in their last characters still spread over the whole range; the top 53 bits divided by 2⁵³ give a
/// number u uniform in [0, 1). The row goes to the challenger when u &lt; the challenger share.
/// <para>The hash depends only on those bytes — not on the process, the platform or .NET's randomized
/// <see cref="string.GetHashCode()"/> — so a row key keeps its arm across batches, restarts and machines (a customer
/// scored twice is scored by the same model), and two experiments split the same keys independently.</para></summary>
public static class ArmAssignment
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;
    private const double TwoTo53 = 9007199254740992.0;
    private const int StackBytes = 256;

    /// <summary>The row's position u ∈ [0, 1) in the experiment's split.</summary>
    public static double Unit(int experimentId, string rowKey)
    {
        ArgumentNullException.ThrowIfNull(rowKey);
        Span<byte> prefix = stackalloc byte[16];
        experimentId.TryFormat(prefix, out var written, provider: CultureInfo.InvariantCulture);
        prefix[written++] = (byte)':';
        var hash = Fnv1a(FnvOffset, prefix[..written]);

        var max = Encoding.UTF8.GetMaxByteCount(rowKey.Length);
        byte[]? rented = null;
        Span<byte> buffer = max <= StackBytes ? stackalloc byte[StackBytes] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            var length = Encoding.UTF8.GetBytes(rowKey, buffer);
            hash = Fnv1a(hash, buffer[..length]);
        }
        finally
        {
            if (rented is not null)
                ArrayPool<byte>.Shared.Return(rented);
        }
        return (Mix(hash) >> 11) / TwoTo53;
    }

    /// <summary>The arm of one row: the challenger when its <see cref="Unit"/> is below <paramref name="challengerShare"/>.</summary>
    public static ExperimentArm Assign(int experimentId, string rowKey, double challengerShare) =>
        Unit(experimentId, rowKey) < challengerShare ? ExperimentArm.Challenger : ExperimentArm.Champion;

    /// <summary>The arm of every row, as stored on predictions: 0 champion, 1 challenger.</summary>
    public static byte[] Assign(int experimentId, IReadOnlyList<string> rowKeys, double challengerShare)
    {
        ArgumentNullException.ThrowIfNull(rowKeys);
        var arms = new byte[rowKeys.Count];
        for (var i = 0; i < arms.Length; i++)
            arms[i] = Unit(experimentId, rowKeys[i]) < challengerShare ? (byte)ExperimentArm.Challenger : (byte)ExperimentArm.Champion;
        return arms;
    }

    /// <summary>The row indices of one arm, in row order.</summary>
    public static int[] RowsOf(byte[] arms, ExperimentArm arm)
    {
        ArgumentNullException.ThrowIfNull(arms);
        var value = (byte)arm;
        var count = 0;
        foreach (var a in arms)
        {
            if (a == value)
                count++;
        }
        var rows = new int[count];
        var next = 0;
        for (var i = 0; i < arms.Length; i++)
        {
            if (arms[i] == value)
                rows[next++] = i;
        }
        return rows;
    }

    private static ulong Fnv1a(ulong hash, ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            hash ^= b;
            hash *= FnvPrime;
        }
        return hash;
    }

    /// <summary>MurmurHash3's fmix64: every input bit affects every output bit.</summary>
    private static ulong Mix(ulong k)
    {
        k ^= k >> 33;
        k *= 0xff51afd7ed558ccdUL;
        k ^= k >> 33;
        k *= 0xc4ceb53a5ec34e53UL;
        k ^= k >> 33;
        return k;
    }
}
