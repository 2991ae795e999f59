namespace DataProductDashboard.Analysis.Estimation;

/// <summary>A batch's estimated performance before its labels arrive, each metric with the standard error of that
/// metric between chunks of the reference of the batch's size (drawn with replacement); the band is the estimate ± 3
/// standard errors. Undefined values are null (a metric with no positive prediction has no precision).</summary>
public sealed record PerformanceEstimate(string Method, int Rows, int ReferenceRows, IReadOnlyDictionary<string, double?> Values,
    IReadOnlyDictionary<string, double?> StandardErrors)
{
    public const string Prefix = "estimated.";
    public const string StandardErrorPrefix = "estimated_se.";
    public const string Cbpe = "CBPE (isotonic calibration on the hold-out)";
    public const string Dle = "DLE (FastTree of the absolute error on the hold-out)";
    public const string Mae = "mae";
    public const string Rmse = "rmse";
    public const int BandChunks = 50;

    /// <summary>Largest chunk the standard errors are measured on: a larger batch's standard error is that of a chunk of
    /// this size times √(size ÷ rows) (sampling with replacement: the spread of a mean falls with √n).</summary>
    public const int MaxChunkRows = 5_000;

    private static double Scale(int rows) => rows <= MaxChunkRows ? 1 : Math.Sqrt((double)MaxChunkRows / rows);

    /// <summary>Regression: the error models' expected MAE and, given the expected squared error
    /// <paramref name="mse"/>, RMSE (√ of the mean expected squared error) of the batch, each with the standard error of
    /// that metric between chunks of the batch's size drawn with replacement from the hold-out's errors (seed 42).</summary>
    public static PerformanceEstimate? Regression(HoldoutSample? reference, double mae, int rows, double? mse = null)
    {
        if (!double.IsFinite(mae) || rows == 0)
            return null;
        var values = new Dictionary<string, double?>(StringComparer.Ordinal) { [Mae] = mae };
        var errors = new Dictionary<string, double?>(StringComparer.Ordinal) { [Mae] = null };
        if (mse is { } squared && double.IsFinite(squared))
            (values[Rmse], errors[Rmse]) = (Math.Sqrt(Math.Max(0, squared)), null);
        if (reference is { Rows: >= MinReferenceRows })
        {
            var absolute = reference.Labels.Select((y, i) => Math.Abs(reference.Predicted[i] - y)).Where(double.IsFinite).ToArray();
            var random = new Random(42);
            var size = Math.Min(rows, MaxChunkRows);
            var maes = new double[BandChunks];
            var rmses = new double[BandChunks];
            for (var c = 0; c < BandChunks; c++)
            {
                double sum = 0, squares = 0;
                for (var j = 0; j < size; j++)
                {
                    var e = absolute[random.Next(absolute.Length)];
                    sum += e;
                    squares += e * e;
                }
                maes[c] = sum / size;
                rmses[c] = Math.Sqrt(squares / size);
            }
            errors[Mae] = StandardDeviation(maes) * Scale(rows);
            if (values.ContainsKey(Rmse))
                errors[Rmse] = StandardDeviation(rmses) * Scale(rows);
        }
        return new PerformanceEstimate(Dle, rows, reference?.Rows ?? 0, values, errors);
    }

    private static double StandardDeviation(double[] values)
    {
        var average = values.Average();
        return Math.Sqrt(values.Sum(m => (m - average) * (m - average)) / (values.Length - 1));
    }

    /// <summary>Fewest reference rows an estimate is made from.</summary>
    public const int MinReferenceRows = 50;

    /// <summary>The points: "estimated.accuracy" and its standard error "estimated_se.accuracy" (finite values only).</summary>
    public IEnumerable<(string Key, string? Column, string? Segment, double Value)> Points()
    {
        foreach (var (metric, value) in Values)
        {
            if (value is not { } v)
                continue;
            yield return (Prefix + metric, null, null, v);
            if (StandardErrors.GetValueOrDefault(metric) is { } se)
                yield return (StandardErrorPrefix + metric, null, null, se);
        }
    }

    /// <summary>Binary: CBPE from the model's probabilities and predictions of the batch, calibrated on the reference
    /// rows; null when the reference has fewer than <see cref="MinReferenceRows"/> rows or only one class.</summary>
    public static PerformanceEstimate? Binary(HoldoutSample? reference, ReadOnlySpan<float> probability, ReadOnlySpan<float> predicted)
    {
        if (reference is null || reference.Rows < MinReferenceRows || reference.Labels.Distinct().Count() < 2 || probability.Length == 0)
            return null;
        var calibration = IsotonicCalibration.Fit(reference.Scores, reference.Labels);
        var scores = new double[probability.Length];
        var labels = new double[predicted.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = probability[i];
            labels[i] = predicted[i];
        }
        var estimate = ConfidenceBasedEstimator.Estimate(calibration.Predict(scores), labels, scores);
        var errors = ConfidenceBasedEstimator.ChunkStandardErrors(reference.Labels, reference.Predicted, reference.Scores, Math.Min(scores.Length, MaxChunkRows))
            .ToDictionary(e => e.Key, e => e.Value * Scale(scores.Length));
        var values = new Dictionary<string, double?>(StringComparer.Ordinal)
        {
            [ConfidenceBasedEstimator.Accuracy] = Finite(estimate.Accuracy),
            [ConfidenceBasedEstimator.Precision] = Finite(estimate.Precision),
            [ConfidenceBasedEstimator.Recall] = Finite(estimate.Recall),
            [ConfidenceBasedEstimator.F1] = Finite(estimate.F1),
            [ConfidenceBasedEstimator.RocAuc] = Finite(estimate.RocAuc),
        };
        static double? Finite(double value) => double.IsFinite(value) ? value : null;
        return new PerformanceEstimate(Cbpe, estimate.Rows, reference.Rows, values, errors.ToDictionary(e => e.Key, e => Finite(e.Value), StringComparer.Ordinal));
    }
}
