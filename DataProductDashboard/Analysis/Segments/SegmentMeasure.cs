using DataProductDashboard.Analysis.Drift;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Analysis.Segments;

/// <summary>What a batch shows per segment value, accumulated chunk by chunk from the rows' tuple codes and model
/// outputs: support, the prediction's mean and standard deviation, the positive share of a binary model, and a
/// seeded sample of the outputs (at most <paramref name="sampleRows"/> per segment) for the prediction's drift against
/// the same segment of the reference.</summary>
public sealed class SegmentMeasure(SegmentCoder coder, TaskType task, int sampleRows, int seed)
{
    /// <summary>Fewest rows on each side for a segment's prediction drift to be tested.</summary>
    public const int MinDriftRows = 30;

    private readonly Dictionary<string, Accumulator> _segments = new(StringComparer.Ordinal);
    private readonly Random _random = new(seed);
    private readonly List<Accumulator[]> _byCode = [];

    /// <param name="output">Each row's model output: the positive-class probability, or the value.</param>
    /// <param name="predicted">Each row's prediction (binary: 1 positive, 0 negative).</param>
    public void Add(ReadOnlySpan<int> codes, ReadOnlySpan<float> output, ReadOnlySpan<float> predicted)
    {
        for (var r = 0; r < codes.Length; r++)
        {
            foreach (var accumulator in AccumulatorsOf(codes[r]))
                accumulator.Add(output[r], predicted[r] == 1f, _random, sampleRows);
        }
    }

    /// <summary>The points of each segment: rows, prediction mean and std, positive share (binary), and the prediction
    /// drift score and verdict where the reference has at least <see cref="MinDriftRows"/> rows of the segment.</summary>
    public IReadOnlyList<(string Segment, string Key, double Value)> Points(ReferenceProfile? reference, DriftSettings settings)
    {
        var points = new List<(string, string, double)>();
        foreach (var (segment, a) in _segments.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            points.Add((segment, MetricKeys.Rows, a.Count));
            points.Add((segment, MetricKeys.PredictionMean, a.Mean));
            if (a.Count > 1)
                points.Add((segment, MetricKeys.PredictionStd, Math.Sqrt(a.M2 / (a.Count - 1))));
            if (task == TaskType.BinaryClassification)
                points.Add((segment, MetricKeys.PositiveShare, (double)a.Positive / a.Count));
            if (reference?.SegmentPredictions.GetValueOrDefault(segment) is { Length: >= MinDriftRows } referenceValues && a.Sample.Count >= MinDriftRows)
            {
                var pair = ColumnPair.Numeric(DriftDetector.PredictionColumn, NumericSample.FromSorted(referenceValues), NumericSample.From(a.Sample.ToArray()));
                if (DriftDetector.DetectPrediction(pair, settings) is { } drift)
                {
                    points.Add((segment, AuditPoints.PredictionDriftScore, drift.Score));
                    points.Add((segment, AuditPoints.PredictionDrift, drift.Drift ? 1 : 0));
                }
            }
        }
        return points;
    }

    private Accumulator[] AccumulatorsOf(int code)
    {
        while (_byCode.Count <= code)
        {
            var values = coder.ValuesOf(_byCode.Count);
            _byCode.Add([.. coder.Attributes.Select((attribute, i) =>
            {
                var name = SegmentAttributes.Name(attribute, values[i]);
                if (!_segments.TryGetValue(name, out var accumulator))
                    _segments[name] = accumulator = new Accumulator();
                return accumulator;
            })]);
        }
        return _byCode[code];
    }

    private sealed class Accumulator
    {
        public long Count;
        public double Mean;
        public double M2;
        public long Positive;
        public readonly List<double> Sample = [];

        public void Add(double value, bool positive, Random random, int cap)
        {
            Count++;
            var delta = value - Mean;
            Mean += delta / Count;
            M2 += delta * (value - Mean);
            if (positive)
                Positive++;
            // Reservoir sampling (Algorithm R): every row of the segment equally likely to be in the sample.
            if (Sample.Count < cap)
                Sample.Add(value);
            else if (random.NextInt64(Count) is var slot && slot < cap)
                Sample[(int)slot] = value;
        }
    }
}
