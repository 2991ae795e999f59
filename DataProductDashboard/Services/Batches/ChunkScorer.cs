using System.Diagnostics;
using System.Globalization;
using DataProductDashboard.Analysis;
using DataProductDashboard.Analysis.Experiments;
using DataProductDashboard.Analysis.Segments;
using DataProductDashboard.Analysis.Statistics;
using DataProductDashboard.Domain;
using DataProductDashboard.Ingestion;
using DataProductDashboard.Scoring;
using Microsoft.ML;

namespace DataProductDashboard.Services.Batches;

/// <summary>Scores a batch chunk by chunk: each chunk is scored by the champion (or split between the arms of a
/// running A/B test), its keys and labels go to the <see cref="PredictionSpool"/>, its rows to the audit, and only the
/// model outputs (about 12 bytes per row, what the prediction profile and the latency percentiles need exactly) stay
/// in memory.</summary>
internal sealed class ChunkScorer(PreparedBatch prepared, IScoringModel champion, IScoringModel? challenger, BatchAuditBuilder? audit,
    PredictionSpool spool, IReadOnlyList<(ShadowChallenger Version, IScoringModel Model)>? shadows = null,
    Analysis.Coverage.CoverageAccumulator? coverage = null, Analysis.Multivariate.MultivariateAccumulator? multivariate = null,
    IScoringModel? errorModel = null, IScoringModel? squaredErrorModel = null)
{
    private readonly ProductSchema? _errorSchema = errorModel is null ? null : ModelTrainer.ErrorModelSchema(prepared.Schema);
    private double _estimatedErrorSum;
    private long _estimatedErrorRows;
    private double _estimatedSquaredSum;
    private long _estimatedSquaredRows;
    private readonly (ShadowChallenger Version, IScoringModel Model, Outputs Outputs)[] _shadows =
        (shadows ?? []).Select(s => (s.Version, s.Model, new Outputs(Math.Min(prepared.RowCount, prepared.ShadowRows), prepared.Task))).ToArray();
    private readonly Outputs _merged = new(prepared.RowCount, prepared.Task);
    private readonly Column<byte> _arms = new(prepared.Experiment is null ? 0 : prepared.RowCount);
    private readonly Outputs _champion = new(0, prepared.Task);
    private readonly Outputs _challenger = new(0, prepared.Task);
    private readonly Stopwatch _busy = new();
    private readonly Dictionary<string, Moments>[] _armStatistics = [new(StringComparer.Ordinal), new(StringComparer.Ordinal)];
    private readonly string[] _numericColumns = prepared.Schema.Columns.Where(c => c is { Kind: ColumnKind.Numeric, IsFeature: true }).Select(c => c.Name).ToArray();
    private readonly SegmentCoder? _coder = SegmentAttributes.Of(prepared.Schema) is { Count: > 0 } attributes ? new SegmentCoder(attributes) : null;
    private readonly Column<int> _codes = new(SegmentAttributes.Of(prepared.Schema).Count > 0 ? prepared.RowCount : 0);
    private SegmentMeasure? _segments;
    private bool _hasLabels;
    private int _labelled;
    private DateTime? _from;
    private DateTime? _to;

    /// <summary>Model outputs kept per segment value for its prediction drift (a seeded reservoir sample).</summary>
    public const int SegmentSampleRows = 10_000;

    /// <summary>Rows of a batch the error model of direct loss estimation scores, evenly spaced.</summary>
    public const int ErrorSampleRows = 2_000;

    public int Rows => _merged.Rows;

    /// <summary>Time spent scoring and profiling (the rest of a streamed read is parsing).</summary>
    public TimeSpan Busy => _busy.Elapsed;

    public void Add(ParsedCsv chunk, CancellationToken ct)
    {
        _busy.Start();
        var table = chunk.Table;
        ScoreResult scores;
        if (prepared.Experiment is { } experiment)
        {
            var arms = ArmAssignment.Assign(experiment.Id, chunk.RowKeys, experiment.ChallengerShare);
            var split = ArmScorer.Score(champion, challenger!, table, arms, prepared.Schema, prepared.Task, rowsDone: null, ct);
            _champion.Add(split.Champion);
            _challenger.Add(split.Challenger);
            _arms.Add(arms);
            scores = split.Merged;
            // Each arm's label-free statistics (predictions, numeric feature columns): an experiment's are later merged
            // from these without reading rows.
            ArmStatistics.AddChunk(prepared.Task, _armStatistics, table, _numericColumns, arms, scores.Predicted);
        }
        else
        {
            scores = ModelScorer.Score(champion, table, prepared.Schema, prepared.Task, rowsDone: null, ct);
        }
        ScoreShadows(chunk, ct);
        _merged.Add(scores);
        int[]? rowCodes = null;
        if (_coder is not null)
        {
            var codes = _coder.Code(table);
            rowCodes = codes;
            _codes.Add(codes);
            _segments ??= new SegmentMeasure(_coder, prepared.Task, SegmentSampleRows,
                int.Parse(prepared.File.Hash.AsSpan(0, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            _segments.Add(codes, scores.Probability ?? scores.Predicted, scores.Predicted);
        }
        coverage?.Add(table, rowCodes is null ? null : row => _coder!.SegmentsOf(rowCodes[row]));
        multivariate?.Add(table);
        if (errorModel is not null && prepared.Task == TaskType.Regression)
            EstimateErrors(table, chunk.FirstRow, scores.Predicted, ct);

        var labels = LabelsOf(chunk);
        var keys = chunk.RowKeys;
        for (var i = 0; i < keys.Length; i++)
        {
            var label = labels?[i] ?? double.NaN;
            spool.Append(keys[i], label);
            if (!double.IsNaN(label))
                _labelled++;
        }
        AddEventTimes(table);

        if (audit is not null)
        {
            var output = scores.Probability ?? scores.Predicted;
            var predictions = new double[output.Length];
            for (var i = 0; i < output.Length; i++)
                predictions[i] = output[i];
            audit.Add(table, chunk.HasKeyColumn ? keys : null, predictions);
        }
        _busy.Stop();
    }

    public ScoredBatch Complete()
    {
        (ScoreResult, ScoreResult)? arms = prepared.Experiment is null ? null : (_champion.Complete(), _challenger.Complete());
        return new ScoredBatch(Rows, _merged.Complete(), prepared.Experiment is null ? null : _arms.ToArray(), arms, _hasLabels ? _labelled : 0, _from, _to,
            prepared.Experiment is null ? null : (_armStatistics[0], _armStatistics[1]))
        {
            Shadows = _shadows.Where(s => s.Outputs.Rows > 0).Select(s => new ShadowScores(s.Version, s.Outputs.Complete())).ToList(),
            Segments = _coder is null || _segments is null ? null : new SegmentRows(_coder, _codes.ToArray(), _segments),
            Coverage = coverage?.Result(),
            Multivariate = multivariate?.Result(),
            EstimatedMae = _estimatedErrorRows == 0 ? null : _estimatedErrorSum / _estimatedErrorRows,
            EstimatedMse = _estimatedSquaredRows == 0 ? null : _estimatedSquaredSum / _estimatedSquaredRows,
        };
    }

    /// <summary>Each challenger scores the chunk's rows that are still within the batch's first
    /// <see cref="PreparedBatch.ShadowRows"/>; its own scoring time is what the shadow cost is.</summary>
    private void ScoreShadows(ParsedCsv chunk, CancellationToken ct)
    {
        foreach (var (_, model, outputs) in _shadows)
        {
            var take = Math.Min(chunk.RowCount, prepared.ShadowRows - outputs.Rows);
            if (take <= 0 || chunk.FirstRow != outputs.Rows)
                continue;
            var table = take == chunk.RowCount ? chunk.Table : chunk.Table.Select([.. Enumerable.Range(0, take)]);
            outputs.Add(ModelScorer.Score(model, table, prepared.Schema, prepared.Task, rowsDone: null, ct));
        }
    }

    /// <summary>Direct loss estimation: the error model's predicted absolute error of each row, from its features and
    /// the champion's prediction, on every row of a batch of up to <see cref="ErrorSampleRows"/> rows and on an evenly
    /// spaced sample of that many of a longer one (the mean of 2,000 rows is as good as of millions, at a fraction of
    /// the scoring time).</summary>
    private void EstimateErrors(ColumnTable table, int firstRow, float[] predicted, CancellationToken ct)
    {
        var step = Math.Max(1, (int)Math.Ceiling((double)Math.Max(prepared.RowCount, 1) / ErrorSampleRows));
        var rows = Enumerable.Range(0, table.RowCount).Where(r => (firstRow + r) % step == 0).ToArray();
        if (rows.Length == 0)
            return;
        var sample = table.Select(rows);
        sample.AddNumeric(ModelTrainer.ErrorModelPrediction, [.. rows.Select(r => (double)predicted[r])]);
        foreach (var e in ModelScorer.Score(errorModel!, sample, _errorSchema!, TaskType.Regression, rowsDone: null, ct).Predicted)
        {
            if (!float.IsFinite(e))
                continue;
            _estimatedErrorSum += Math.Max(0, e);
            _estimatedErrorRows++;
        }
        if (squaredErrorModel is null)
            return;
        foreach (var e in ModelScorer.Score(squaredErrorModel, sample, _errorSchema!, TaskType.Regression, rowsDone: null, ct).Predicted)
        {
            if (!float.IsFinite(e))
                continue;
            _estimatedSquaredSum += Math.Max(0, e);
            _estimatedSquaredRows++;
        }
    }

    private double[]? LabelsOf(ParsedCsv chunk)
    {
        if (!chunk.HasLabels || prepared.Schema.Label is not { } label)
            return null;
        _hasLabels = true;
        var table = chunk.Table;
        if (prepared.Task == TaskType.MulticlassClassification)
            return LabelCodes.Multiclass(table, label.Name, ClassNames.Multiclass(prepared.Schema));
        if (table.TryGetNumeric(label.Name, out var numbers))
        {
            if (prepared.Task == TaskType.Regression)
                return numbers;
            var positive = double.Parse(prepared.Schema.PositiveClass ?? "1", CultureInfo.InvariantCulture);
            return numbers.Select(v => double.IsNaN(v) ? double.NaN : v == positive ? 1.0 : 0.0).ToArray();
        }
        return table.Strings(label.Name).Select(v => v is null ? double.NaN : v == prepared.Schema.PositiveClass ? 1.0 : 0.0).ToArray();
    }

    private void AddEventTimes(ColumnTable table)
    {
        if (prepared.Schema.EventTime is not { } column || !table.TryGetTimestamps(column.Name, out var times))
            return;
        foreach (var t in times)
        {
            if (t is not { } v)
                continue;
            if (_from is null || v < _from)
                _from = v;
            if (_to is null || v > _to)
                _to = v;
        }
    }

    /// <summary>Model outputs over all chunks: the batch's, or one arm's (sized for <paramref name="expected"/> rows).</summary>
    private sealed class Outputs(int expected, TaskType task)
    {
        private readonly Column<float> _predicted = new(expected);
        private readonly Column<float> _probability = new(task == TaskType.Regression ? 0 : expected);
        private readonly Column<float> _latency = new(expected);
        private bool _hasProbability = true;
        private TimeSpan _duration;

        public int Rows => _predicted.Count;

        public void Add(ScoreResult scores)
        {
            if (scores.Predicted.Length == 0)
                return;
            _predicted.Add(scores.Predicted);
            if (scores.Probability is null)
                _hasProbability = false;
            else
                _probability.Add(scores.Probability);
            _latency.Add(scores.RowLatencyMicros ?? []);
            _duration += scores.Duration;
        }

        public ScoreResult Complete() => new(_predicted.ToArray(),
            task != TaskType.Regression && _hasProbability ? _probability.ToArray() : null, _duration, LatencyPercentiles.From(_latency.ToArray()));
    }

    /// <summary>A growing array sized once for the expected rows (no copy when the guess was right).</summary>
    private sealed class Column<T>(int expected)
    {
        private T[] _values = new T[Math.Max(expected, 0)];

        public int Count { get; private set; }

        public void Add(ReadOnlySpan<T> values)
        {
            if (Count + values.Length > _values.Length)
                Array.Resize(ref _values, Math.Max(Count + values.Length, _values.Length * 2));
            values.CopyTo(_values.AsSpan(Count));
            Count += values.Length;
        }

        public T[] ToArray()
        {
            if (_values.Length != Count)
                Array.Resize(ref _values, Count);
            return _values;
        }
    }
}

/// <summary>A batch's model outputs in row order, each arm's own when an A/B test ran, the challengers' shadow scores
/// of its first rows, and what the rows said.</summary>
internal sealed record ScoredBatch(int Rows, ScoreResult Scores, byte[]? Arms, (ScoreResult Champion, ScoreResult Challenger)? ArmScores,
    int LabelledRows, DateTime? EventTimeFrom, DateTime? EventTimeTo,
    (Dictionary<string, Moments> Champion, Dictionary<string, Moments> Challenger)? ArmStatistics)
{
    public IReadOnlyList<ShadowScores> Shadows { get; init; } = [];

    /// <summary>How much of the batch lies inside the champion's training population; null without a reference.</summary>
    public Analysis.Coverage.CoverageResult? Coverage { get; init; }

    /// <summary>The batch's PCA reconstruction error against the reference band and its novel rows; null without a
    /// multivariate reference.</summary>
    public Analysis.Multivariate.MultivariateResult? Multivariate { get; init; }

    /// <summary>Regression: the MAE the error model expects for the batch (direct loss estimation); null without one.</summary>
    public double? EstimatedMae { get; init; }
    /// <summary>Regression: the squared-error model's mean predicted squared error of the sampled rows (the estimated
    /// RMSE is its square root).</summary>
    public double? EstimatedMse { get; init; }

    /// <summary>Each row's tuple of segment values and what the batch shows per segment; null without segment attributes.</summary>
    public SegmentRows? Segments { get; init; }
}

/// <summary>A batch's rows' segment tuples (codes into <see cref="Coder"/>) and its per-segment measures.</summary>
internal sealed record SegmentRows(SegmentCoder Coder, int[] Codes, SegmentMeasure Measure)
{
    public string TupleOf(int row) => Coder.TupleOf(Codes[row]);
}

/// <summary>A challenger's outputs for the batch's first <c>Predicted.Length</c> rows, with its scoring time.</summary>
internal sealed record ShadowScores(ShadowChallenger Version, ScoreResult Scores);
