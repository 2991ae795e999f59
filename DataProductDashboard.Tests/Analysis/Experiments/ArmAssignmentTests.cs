using System.Globalization;
using DataProductDashboard.Analysis.Experiments;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Tests.Analysis.Experiments;

/// <summary>The expected positions were computed independently in Python (FNV-1a 64 over the UTF-8 bytes of
/// "{id}:{key}", MurmurHash3 fmix64, top 53 bits / 2⁵³):
/// <code>
/// M = (1 &lt;&lt; 64) - 1
/// def fnv(h, bs):
///     for b in bs: h ^= b; h = (h * 1099511628211) &amp; M
///     return h
/// def mix(k):
///     k ^= k &gt;&gt; 33; k = (k * 0xff51afd7ed558ccd) &amp; M; k ^= k &gt;&gt; 33; k = (k * 0xc4ceb53a5ec34e53) &amp; M; k ^= k &gt;&gt; 33
///     return k
/// unit = lambda e, key: (mix(fnv(14695981039346656037, f"{e}:{key}".encode())) &gt;&gt; 11) / 2**53
/// </code></summary>
public sealed class ArmAssignmentTests
{
    [Theory]
    [InlineData(1, "r1", 0.1358641588504821)]
    [InlineData(1, "r2", 0.6375518359506543)]
    [InlineData(1, "r3", 0.5761029917337468)]
    [InlineData(1, "APP-0001", 0.6329661197203789)]
    [InlineData(7, "APP-0001", 0.6929138447147327)]
    [InlineData(42, "customer-é-ß", 0.9059257644778622)]
    [InlineData(3, "", 0.7478822258062255)]
    public void Unit_KnownKey_MatchesTheIndependentReference(int experimentId, string key, double expected) =>
        Assert.Equal(expected, ArmAssignment.Unit(experimentId, key));

    [Fact]
    public void Unit_KeysLongerThanTheStackBuffer_MatchTheReference()
    {
        Assert.Equal(0.6310465206012766, ArmAssignment.Unit(5, new string('k', 300)));
        Assert.Equal(0.831196026256954, ArmAssignment.Unit(5, string.Concat(Enumerable.Repeat("€", 100))));
    }

    [Fact]
    public void Assign_FirstTwentyKeysAtHalfSplit_GiveTheFixedExpectedArms()
    {
        var keys = Enumerable.Range(1, 20).Select(i => $"r{i}").ToArray();

        var arms = ArmAssignment.Assign(1, keys, 0.5);

        Assert.Equal("10000111011001001110", string.Concat(arms.Select(a => a.ToString(CultureInfo.InvariantCulture))));
        Assert.Equal(ExperimentArm.Challenger, ArmAssignment.Assign(1, "r1", 0.5));
        Assert.Equal(ExperimentArm.Champion, ArmAssignment.Assign(1, "r2", 0.5));
    }

    [Fact]
    public void Assign_SameKeysTwice_GiveTheSameArms()
    {
        var keys = Enumerable.Range(0, 1000).Select(i => $"key-{i}").ToArray();

        Assert.Equal(ArmAssignment.Assign(9, keys, 0.3), ArmAssignment.Assign(9, keys.Reverse().ToArray(), 0.3).Reverse());
    }

    [Theory]
    [InlineData(0.05)]
    [InlineData(0.2)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void Assign_TenThousandKeys_RespectTheShareWithinFourStandardErrors(double share)
    {
        const int n = 10_000;
        var keys = Enumerable.Range(1, n).Select(i => $"APP-{i:D6}").ToArray();

        var challengers = ArmAssignment.Assign(17, keys, share).Count(a => a == 1);

        var tolerance = 4 * Math.Sqrt(share * (1 - share) / n);
        Assert.InRange((double)challengers / n, share - tolerance, share + tolerance);
    }

    [Fact]
    public void Assign_TwoExperiments_SplitTheSameKeysIndependently()
    {
        var keys = Enumerable.Range(1, 10_000).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();

        var first = ArmAssignment.Assign(1, keys, 0.5);
        var second = ArmAssignment.Assign(2, keys, 0.5);

        var agree = first.Zip(second).Count(p => p.First == p.Second) / 10_000.0;
        Assert.InRange(agree, 0.46, 0.54);
    }

    [Fact]
    public void Assign_LargerShare_KeepsEveryEarlierChallengerRow()
    {
        var keys = Enumerable.Range(1, 2000).Select(i => $"r{i}").ToArray();

        var small = ArmAssignment.Assign(4, keys, 0.2);
        var large = ArmAssignment.Assign(4, keys, 0.6);

        Assert.All(Enumerable.Range(0, keys.Length).Where(i => small[i] == 1), i => Assert.Equal(1, large[i]));
    }

    [Fact]
    public void RowsOf_Arms_ListTheRowIndicesOfEachArmInOrder()
    {
        byte[] arms = [0, 1, 1, 0, 1];

        Assert.Equal([0, 3], ArmAssignment.RowsOf(arms, ExperimentArm.Champion));
        Assert.Equal([1, 2, 4], ArmAssignment.RowsOf(arms, ExperimentArm.Challenger));
    }
}
