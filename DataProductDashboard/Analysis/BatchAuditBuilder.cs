using DataProductDashboard.Analysis.DataQuality;
using DataProductDashboard.Analysis.Drift;
using DataProductDashboard.Analysis.Statistics;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Analysis;

/// <summary>The audit of a batch built chunk by chunk, so a file of any length is audited holding one chunk at a time.
/// Data quality and categorical drift are exact over every row (they are counts). Numeric drift (features and the
/// prediction) is tested on every row up to <see cref="DefaultDriftSampleRows"/>, and beyond that on a seeded uniform
/// sample of that many rows, which the result states (<see cref="DatasetDriftResult.SampledFrom"/>): a two-sample
/// test's power is bounded by its smaller side, the reference, so a million rows test as sharply as ten million.</summary>
public sealed class BatchAuditBuilder
{
    public const int DefaultDriftSampleRows = 1_000_000;

    private readonly ReferenceProfile _reference;
    private readonly ReferenceProfile _driftReference;
    private readonly DriftReference _driftReferenceUsed;
    private readonly DriftSettings _settings;
    private readonly DataQualityAccumulator _quality;
    private readonly List<ColumnSpec> _features;
    private readonly int[] _numericSlot;
    private readonly Dictionary<string, long>?[] _categories;
    private readonly int _predictionSlot;
    private readonly bool[] _present;
    private readonly Reservoir _sample;

    /// <param name="reference">The champion's training profile: data quality is judged against it, and it decides which
    /// columns are tested (and kept in the batch's <see cref="ReferenceSampleOf"/>).</param>
    /// <param name="seed">Seeds the sample (a hash of the file: the same file is always sampled alike).</param>
    /// <param name="window">The product's reference window and its profile, when it is not the training data: feature
    /// and prediction drift are measured against it, and the result says which reference served.</param>
    public BatchAuditBuilder(ProductSchema schema, ReferenceProfile reference, DriftSettings settings, int expectedRows = 0,
        int driftSampleRows = DefaultDriftSampleRows, int seed = 0, (ReferenceProfile Profile, DriftReference Used)? window = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentOutOfRangeException.ThrowIfLessThan(driftSampleRows, 1);
        _reference = reference;
        _driftReference = window?.Profile ?? reference;
        _driftReferenceUsed = window?.Used ?? DriftReference.Training(reference.Rows);
        _settings = settings;
        _quality = new DataQualityAccumulator(schema, reference, expectedRows);
        _features = schema.Features.ToList();
        _numericSlot = new int[_features.Count];
        _categories = new Dictionary<string, long>?[_features.Count];
        _present = new bool[_features.Count];
        var slots = 0;
        for (var i = 0; i < _features.Count; i++)
        {
            var name = _features[i].Name;
            _numericSlot[i] = reference.Numeric(name) is not null ? slots++ : -1;
            if (_numericSlot[i] < 0 && reference.Categories(name) is not null)
                _categories[i] = new Dictionary<string, long>(StringComparer.Ordinal);
        }
        _predictionSlot = reference.SortedPredictions.Length > 0 ? slots++ : -1;
        _sample = new Reservoir(slots, driftSampleRows, seed, expectedRows);
    }

    /// <param name="rowKeys">The chunk's row keys, or null when the schema has no row-key column.</param>
    /// <param name="predictions">The model output of each row of the chunk (the positive-class probability, or the value).</param>
    public void Add(ColumnTable chunk, IReadOnlyList<string>? rowKeys, ReadOnlyMemory<double> predictions)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        if (predictions.Length != chunk.RowCount)
            throw new ArgumentException($"{predictions.Length} predictions for {chunk.RowCount} rows.", nameof(predictions));
        // Quality and drift read the same columns independently: run them side by side.
        Parallel.Invoke(() => _quality.Add(chunk, rowKeys), () => AddDrift(chunk, predictions.Span));
    }

    private void AddDrift(ColumnTable chunk, ReadOnlySpan<double> predictions)
    {
        var numbers = new double[]?[_features.Count];
        for (var i = 0; i < _features.Count; i++)
        {
            var name = _features[i].Name;
            if (_numericSlot[i] >= 0)
            {
                numbers[i] = chunk.TryGetNumeric(name, out var values) ? values : null;
                _present[i] |= values is not null;
            }
            else if (_categories[i] is { } counts && chunk.TryGetStrings(name, out var texts))
            {
                _present[i] = true;
                foreach (var t in texts)
                {
                    if (t is not null)
                        counts[t] = counts.GetValueOrDefault(t) + 1;
                }
            }
        }
        for (var row = 0; row < chunk.RowCount; row++)
        {
            var slot = _sample.Offer();
            if (slot < 0)
                continue;
            for (var i = 0; i < _features.Count; i++)
            {
                if (_numericSlot[i] >= 0)
                    _sample.Set(_numericSlot[i], slot, numbers[i] is { } column ? column[row] : double.NaN);
            }
            if (_predictionSlot >= 0)
                _sample.Set(_predictionSlot, slot, predictions[row]);
        }
    }

    public AuditResult Finish(DateTime receivedAt, IReadOnlyList<int> earlierBatchRows, IReadOnlyList<DateTime>? earlierReceivedAt = null)
    {
        DataQualityResult? quality = null;
        (DatasetDriftResult Result, IReadOnlyList<ColumnDistribution> Distributions)? drift = null;
        Parallel.Invoke(
            () => quality = _quality.Result(receivedAt, earlierBatchRows, earlierReceivedAt),
            () => drift = Drift());
        return new AuditResult(quality!, drift!.Value.Result, drift.Value.Distributions);
    }

    private (DatasetDriftResult, IReadOnlyList<ColumnDistribution>) Drift()
    {
        var results = new DriftColumnResult?[_features.Count];
        var distributions = new ColumnDistribution?[_features.Count];
        // Each column's sort and test is independent: use every core. Each column is tested as soon as it is sorted,
        // so only the sorted copies being worked on are alive (not one per column).
        Parallel.For(0, _features.Count, i =>
        {
            var name = _features[i].Name;
            if (!_present[i])
                return;
            var pair = _numericSlot[i] >= 0 && _driftReference.Numeric(name) is { } referenceNumbers
                ? ColumnPair.Numeric(name, referenceNumbers, NumericSample.From(_sample.Column(_numericSlot[i])))
                : _categories[i] is { } counts && _driftReference.Categories(name) is { } referenceCounts
                ? ColumnPair.Categorical(name, referenceCounts, CategoryCounts.FromCounts(counts))
                : null;
            if (pair is null)
                return;
            results[i] = DriftDetector.DetectColumn(pair, _settings, _features[i].Seasonal);
            if (results[i] is not null)
                distributions[i] = ColumnDistribution.Of(pair);
        });
        var predictionPair = _predictionSlot >= 0 && _driftReference.SortedPredictions.Length > 0
            ? ColumnPair.Numeric(DriftDetector.PredictionColumn, _driftReference.Predictions, NumericSample.From(_sample.Column(_predictionSlot)))
            : null;
        var prediction = predictionPair is null ? null : DriftDetector.DetectPrediction(predictionPair, _settings);
        var summary = DriftDetector.Summarize(results.OfType<DriftColumnResult>().ToList(), prediction, _settings);
        var shown = distributions.OfType<ColumnDistribution>().ToList();
        if (prediction is not null)
            shown.Add(ColumnDistribution.Of(predictionPair!));
        summary = summary with { Reference = _driftReferenceUsed };
        return (_sample.Sampled ? summary with { SampledFrom = _sample.Seen, SampleRows = _sample.Count } : summary, shown);
    }

    /// <summary>What this batch lends to later reference windows (call after the last <see cref="Add"/>): a seeded uniform
    /// sample of at most <paramref name="rows"/> of its rows (drawn from the drift sample, itself uniform), their
    /// numeric feature values and outputs, and the exact counts of its categorical features.</summary>
    public ReferenceSample ReferenceSampleOf(int rows, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        var held = _sample.Count;
        var slots = Enumerable.Range(0, held).ToArray();
        if (held > rows)
        {
            // A partial Fisher–Yates shuffle picks the rows; kept in row order.
            var random = new Random(seed);
            for (var i = 0; i < rows; i++)
            {
                var j = random.Next(i, held);
                (slots[i], slots[j]) = (slots[j], slots[i]);
            }
            slots = slots[..rows];
            Array.Sort(slots);
        }
        double[] Pick(int slot)
        {
            var column = _sample.Column(slot);
            var picked = new double[slots.Length];
            for (var i = 0; i < slots.Length; i++)
                picked[i] = column[slots[i]];
            return picked;
        }
        var numbers = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var categories = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        for (var i = 0; i < _features.Count; i++)
        {
            if (!_present[i])
                continue;
            if (_numericSlot[i] >= 0)
                numbers[_features[i].Name] = Pick(_numericSlot[i]);
            else if (_categories[i] is { } counts)
                categories[_features[i].Name] = new Dictionary<string, long>(counts, StringComparer.Ordinal);
        }
        return new ReferenceSample(_sample.Seen, numbers, categories, _predictionSlot >= 0 ? Pick(_predictionSlot) : []);
    }
}
