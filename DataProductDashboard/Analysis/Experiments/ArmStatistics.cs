using DataProductDashboard.Analysis.Statistics;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Analysis.Experiments;

/// <summary>What one arm's rows of a batch contribute to every A/B metric, as mergeable <see cref="Moments"/> by key:
/// stored per batch and arm when the batch is scored (<see cref="OfScoring"/>, <see cref="Column"/>) and when its labels
/// arrive (<see cref="OfLabels"/>), and merged over the experiment's batches for its statistics, which then equal the
/// row-level computation (<see cref="Of"/>) without reading a row.</summary>
public static class ArmStatistics
{
    /// <summary>Every row of the arm, as the constant 1 (only its count matters): the split's row counts.</summary>
    public const string Rows = "rows";
    /// <summary>Finite predictions (every row).</summary>
    public const string Prediction = "prediction";
    /// <summary>Binary: 1 when the row is predicted positive (every row).</summary>
    public const string Positive = "positive";
    /// <summary>Labels of labelled rows.</summary>
    public const string Label = "label";
    /// <summary>prediction − label over labelled rows with a finite prediction (as are the keys below).</summary>
    public const string Error = "error";
    public const string AbsoluteError = "abs_error";
    public const string SquaredError = "squared_error";
    /// <summary>Binary: 1 when prediction = label.</summary>
    public const string Correct = "correct";
    /// <summary>Binary: 1 when predicted positive and the label is not.</summary>
    public const string FalsePositive = "false_positive";
    /// <summary>Binary: 1 when the label is positive and the prediction is not.</summary>
    public const string FalseNegative = "false_negative";
    public const string ColumnPrefix = "column:";

    /// <summary>The keys that depend on labels (replaced when labels arrive).</summary>
    public static IReadOnlyList<string> LabelKeys { get; } = [Label, Error, AbsoluteError, SquaredError, Correct, FalsePositive, FalseNegative];

    /// <summary>The key of a numeric feature column's finite values.</summary>
    public static string Column(string name) => ColumnPrefix + name;

    /// <summary>The label-free keys of an arm's rows: the row count, the finite predictions and, for a binary model, the positive share.</summary>
    public static Dictionary<string, Moments> OfScoring(TaskType task, ReadOnlySpan<double> predicted)
    {
        var finite = new List<double>(predicted.Length);
        long positives = 0;
        foreach (var p in predicted)
        {
            if (double.IsFinite(p))
                finite.Add(p);
            if (p == 1)
                positives++;
        }
        var statistics = new Dictionary<string, Moments>(StringComparer.Ordinal)
        {
            [Rows] = Moments.OfIndicator(predicted.Length, predicted.Length),
            [Prediction] = Moments.Of(finite),
        };
        if (task == TaskType.BinaryClassification)
            statistics[Positive] = Moments.OfIndicator(positives, predicted.Length);
        return statistics;
    }

    /// <summary>The label keys of an arm's rows (NaN label: not labelled yet).</summary>
    public static Dictionary<string, Moments> OfLabels(TaskType task, ReadOnlySpan<double> predicted, ReadOnlySpan<double> labels)
    {
        if (predicted.Length != labels.Length)
            throw new ArgumentException($"{predicted.Length} predictions but {labels.Length} labels.", nameof(labels));
        var label = new List<double>();
        var error = new List<double>();
        var absolute = new List<double>();
        var squared = new List<double>();
        long correct = 0, falsePositive = 0, falseNegative = 0;
        for (var i = 0; i < predicted.Length; i++)
        {
            var (p, y) = (predicted[i], labels[i]);
            if (double.IsNaN(y))
                continue;
            label.Add(y);
            if (!double.IsFinite(p))
                continue;
            error.Add(p - y);
            absolute.Add(Math.Abs(p - y));
            squared.Add((p - y) * (p - y));
            if (p == y)
                correct++;
            if (p == 1 && y != 1)
                falsePositive++;
            else if (p != 1 && y == 1)
                falseNegative++;
        }
        var statistics = new Dictionary<string, Moments>(StringComparer.Ordinal) { [Label] = Moments.Of(label) };
        if (task == TaskType.BinaryClassification)
        {
            statistics[Correct] = Moments.OfIndicator(correct, error.Count);
            statistics[FalsePositive] = Moments.OfIndicator(falsePositive, error.Count);
            statistics[FalseNegative] = Moments.OfIndicator(falseNegative, error.Count);
        }
        else
        {
            statistics[Error] = Moments.Of(error);
            statistics[AbsoluteError] = Moments.Of(absolute);
            statistics[SquaredError] = Moments.Of(squared);
        }
        return statistics;
    }

    /// <summary>The finite values of a numeric column.</summary>
    public static Moments OfColumn(ReadOnlySpan<double> values)
    {
        var finite = new List<double>(values.Length);
        foreach (var v in values)
        {
            if (double.IsFinite(v))
                finite.Add(v);
        }
        return Moments.Of(finite);
    }

    /// <summary>Adds one chunk of a split batch to each arm's statistics (<paramref name="perArm"/>[arm code]): the
    /// label-free keys of <paramref name="predicted"/> when given, and the finite values of every numeric feature column
    /// the chunk holds. <paramref name="arms"/> has each row's arm code (0 champion, 1 challenger; any other value: the
    /// row is in no arm).</summary>
    public static void AddChunk(TaskType task, IReadOnlyList<Dictionary<string, Moments>> perArm, ColumnTable table, IReadOnlyList<string> numericColumns,
        ReadOnlySpan<byte> arms, ReadOnlySpan<float> predicted)
    {
        ArgumentNullException.ThrowIfNull(perArm);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(numericColumns);
        var columns = numericColumns.Select(name => table.TryGetNumeric(name, out var numbers) ? (name, numbers) : (name, null)).ToArray();
        foreach (var arm in (ExperimentArm[])[ExperimentArm.Champion, ExperimentArm.Challenger])
        {
            var code = (byte)arm;
            var rows = new List<int>(arms.Length);
            for (var i = 0; i < arms.Length; i++)
            {
                if (arms[i] == code)
                    rows.Add(i);
            }
            if (rows.Count == 0)
                continue;
            var values = new double[rows.Count];
            Dictionary<string, Moments> statistics;
            if (predicted.IsEmpty)
            {
                statistics = new Dictionary<string, Moments>(StringComparer.Ordinal);
            }
            else
            {
                for (var r = 0; r < rows.Count; r++)
                    values[r] = predicted[rows[r]];
                statistics = OfScoring(task, values);
            }
            foreach (var (name, numbers) in columns)
            {
                if (numbers is null)
                    continue;
                for (var r = 0; r < rows.Count; r++)
                    values[r] = numbers[rows[r]];
                statistics[Column(name)] = OfColumn(values);
            }
            var total = perArm[code];
            foreach (var (key, moments) in statistics)
                total[key] = total.GetValueOrDefault(key).Merge(moments);
        }
    }

    /// <summary>Every key of an arm's rows at once: the row-level computation the merged statistics equal.</summary>
    public static Dictionary<string, Moments> Of(TaskType task, ArmObservations arm)
    {
        ArgumentNullException.ThrowIfNull(arm);
        var statistics = OfScoring(task, arm.Predicted);
        foreach (var (key, value) in OfLabels(task, arm.Predicted, arm.Labels))
            statistics[key] = value;
        return statistics;
    }

    /// <summary>Merges per-batch statistics key by key.</summary>
    public static Dictionary<string, Moments> Merge(IEnumerable<IReadOnlyDictionary<string, Moments>> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var total = new Dictionary<string, Moments>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            foreach (var (key, value) in part)
                total[key] = total.GetValueOrDefault(key).Merge(value);
        }
        return total;
    }

    /// <summary>The per-labelled-row misclassification cost of a binary arm (a false positive costs
    /// <paramref name="falsePositiveCost"/>, a false negative <paramref name="falseNegativeCost"/>, a right answer 0), from
    /// its error counts: exact, no row needed.</summary>
    public static Moments MisclassificationCost(IReadOnlyDictionary<string, Moments> statistics, double falsePositiveCost, double falseNegativeCost)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        var fp = statistics.GetValueOrDefault(FalsePositive);
        var fn = statistics.GetValueOrDefault(FalseNegative);
        var n = Math.Max(fp.Count, fn.Count);
        if (n == 0)
            return Moments.Empty;
        double falsePositives = fp.Ones, falseNegatives = fn.Ones;
        var mean = ((falsePositiveCost * falsePositives) + (falseNegativeCost * falseNegatives)) / n;
        var m2 = (falsePositives * (falsePositiveCost - mean) * (falsePositiveCost - mean))
            + (falseNegatives * (falseNegativeCost - mean) * (falseNegativeCost - mean))
            + ((n - falsePositives - falseNegatives) * mean * mean);
        return new Moments(n, mean, m2);
    }
}
