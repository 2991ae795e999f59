using DataProductDashboard.Analysis.Metrics;
using System.Diagnostics;
using DataProductDashboard.Domain;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace DataProductDashboard.Scoring;

/// <summary>Trains an ML.NET model for a product from labelled rows: one-hot categorical features, missing numeric
/// values replaced by the mean, the chosen trainer; evaluated on a hold-out split with a fixed seed.</summary>
public static class ModelTrainer
{
    public const string FeaturesColumn = "Features";
    /// <summary>Multiclass: the label as a key in the order of the schema's classes (so the score vector is too).</summary>
    private const string LabelKeyColumn = "__label_key";
    public const double MinHoldoutFraction = 0.05;
    public const double MaxHoldoutFraction = 0.5;

    public static string HoldoutRangeMessage(object value) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The hold-out fraction must be a number between {MinHoldoutFraction} and {MaxHoldoutFraction}; got '{value}'.");

    /// <summary>Whether <paramref name="fraction"/> is a finite number in the accepted range (NaN is not).</summary>
    public static bool IsValidHoldoutFraction(double fraction) => fraction is >= MinHoldoutFraction and <= MaxHoldoutFraction;

    /// <summary>The prediction column of a regression model's error model (direct loss estimation).</summary>
    public const string ErrorModelPrediction = "__prediction";
    public const string ErrorModelLabel = "__abs_error";
    public const int MinErrorModelRows = 200;

    public static TrainedModel Train(ColumnTable table, ProductSchema schema, TaskType task, TrainerKind trainer,
        double holdoutFraction = 0.2, int seed = 42, CancellationToken ct = default) =>
        Train(table, schema, task, trainer, holdoutFraction, seed, withErrorModel: true, ct);

    private static TrainedModel Train(ColumnTable table, ProductSchema schema, TaskType task, TrainerKind trainer,
        double holdoutFraction, int seed, bool withErrorModel, CancellationToken ct)
    {
        var label = schema.Label ?? throw new InputValidationException("label", "The product schema has no label column to train on.");
        if (!IsValidHoldoutFraction(holdoutFraction))
            throw new InputValidationException("holdoutFraction", HoldoutRangeMessage(holdoutFraction));
        // Rows without a label (an empty cell or a missing-value marker) teach nothing and must not count as the negative
        // class or a zero: they are left out of training and of the hold-out, so its row count is of labelled rows.
        var unlabelled = table.RowCount;
        table = LabelledRows(table, label);
        unlabelled -= table.RowCount;
        if (table.RowCount < 20)
            throw new InputValidationException("file", $"Training needs at least 20 labelled rows; the file has {table.RowCount}{(unlabelled > 0 ? $" ({unlabelled} more without a label)" : "")}.");

        var ml = new MLContext(seed);
        // With an event time the hold-out is the latest rows, as production will be: a random split of a time series
        // scores the model on days it has seen the neighbours of, and every later batch would look degraded against it.
        var ordered = TimeOrdered(table, schema);
        table = ordered ?? table;
        var data = new ColumnarDataView(table, schema, task);
        IDataView trainSet, testSet;
        if (ordered is not null)
        {
            var holdout = Math.Max(1, (int)Math.Round(table.RowCount * holdoutFraction));
            trainSet = new ColumnarDataView(table, schema, task, 0, table.RowCount - holdout);
            testSet = new ColumnarDataView(table, schema, task, table.RowCount - holdout, table.RowCount);
        }
        else
        {
            var split = ml.Data.TrainTestSplit(data, holdoutFraction, seed: seed);
            (trainSet, testSet) = (split.TrainSet, split.TestSet);
        }
        IEstimator<ITransformer> pipeline = task == TaskType.MulticlassClassification
            ? (IEstimator<ITransformer>)Featurize(ml, schema, trainer)
                .Append(ml.Transforms.Conversion.MapValueToKey(LabelKeyColumn, label.Name, keyData: ClassesView(ml, ClassNames.Multiclass(schema))))
                .Append(CreateTrainer(ml, task, trainer, LabelKeyColumn))
                .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"))
            : Featurize(ml, schema, trainer).Append(CreateTrainer(ml, task, trainer, label.Name));

        ct.ThrowIfCancellationRequested();
        var stopwatch = Stopwatch.StartNew();
        var model = pipeline.Fit(trainSet);
        stopwatch.Stop();
        ct.ThrowIfCancellationRequested();

        // Cached: the metrics, the hold-out sample and the error model each read it, and a lazy view re-runs the model per read.
        var predictions = ml.Data.Cache(model.Transform(testSet));
        var metrics = task == TaskType.MulticlassClassification ? EvaluateMulticlass(predictions, label.Name, ClassNames.Multiclass(schema))
            : Evaluate(ml, predictions, task, label.Name);
        using var zip = new MemoryStream();
        ml.Model.Save(model, data.Schema, zip);
        var trainRows = (int)Count(trainSet);
        var negative = task == TaskType.BinaryClassification ? ClassNames.NegativeFromLabels(table, label, schema.PositiveClass) : null;
        var parameters = new Dictionary<string, string>(Settings(task, trainer))
        {
            ["trainer"] = trainer.ToString(),
            ["holdoutFraction"] = holdoutFraction.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture),
            ["split"] = ordered is not null ? $"latest rows by {schema.EventTime!.Name}" : "seeded random",
            ["seed"] = seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var errorModels = task == TaskType.Regression && withErrorModel ? ErrorModelsOf(predictions, schema, label.Name, seed, ct) : null;
        return new TrainedModel(zip.ToArray(), $"{trainer} ({task})", stopwatch.Elapsed, trainRows, table.RowCount - trainRows, metrics, negative)
        {
            Parameters = parameters,
            Holdout = task == TaskType.BinaryClassification ? HoldoutOf(predictions, label.Name)
                : task == TaskType.Regression ? RegressionHoldoutOf(predictions, label.Name) : null,
            ErrorModel = errorModels?.Absolute,
            SquaredErrorModel = errorModels?.Squared,
        };
    }

    /// <summary>A regression model's hold-out rows: label and prediction (also kept as the score).</summary>
    private static Analysis.HoldoutSample RegressionHoldoutOf(IDataView predictions, string label)
    {
        var labels = predictions.GetColumn<float>(label).Select(l => (double)l).ToArray();
        var predicted = predictions.GetColumn<float>("Score").Select(p => (double)p).ToArray();
        return new Analysis.HoldoutSample(labels, predicted, predicted);
    }

    /// <summary>Direct loss estimation (NannyML's DLE): FastTree regressions of the model's absolute and squared errors
    /// on its hold-out rows from their features and its prediction, so a batch's MAE and RMSE can be estimated before
    /// its labels arrive. Null with fewer than <see cref="MinErrorModelRows"/> hold-out rows (too few to learn where it
    /// errs).</summary>
    private static (byte[] Absolute, byte[] Squared)? ErrorModelsOf(IDataView predictions, ProductSchema schema, string label, int seed, CancellationToken ct)
    {
        var labels = predictions.GetColumn<float>(label).ToArray();
        if (labels.Length < MinErrorModelRows)
            return null;
        var predicted = predictions.GetColumn<float>("Score").ToArray();
        var table = new ColumnTable(labels.Length);
        var features = new List<ColumnSpec>();
        foreach (var feature in schema.Features)
        {
            var column = predictions.Schema.GetColumnOrNull(feature.Name);
            if (column is null)
                continue;
            if (column.Value.Type == NumberDataViewType.Single)
                table.AddNumeric(feature.Name, [.. predictions.GetColumn<float>(feature.Name).Select(v => (double)v)]);
            else if (column.Value.Type is TextDataViewType)
                table.AddStrings(feature.Name, [.. predictions.GetColumn<ReadOnlyMemory<char>>(feature.Name).Select(v => v.IsEmpty ? null : v.ToString())]);
            else
                continue;
            features.Add(feature with { Role = ColumnRole.Feature, Min = null, Max = null, AllowedValues = null, Nullable = true });
        }
        table.AddNumeric(ErrorModelPrediction, [.. predicted.Select(v => (double)v)]);
        var errorSchema = new ProductSchema([.. features, new ColumnSpec(ErrorModelPrediction, ColumnKind.Numeric, Nullable: true),
            new ColumnSpec(ErrorModelLabel, ColumnKind.Numeric, ColumnRole.Label)]);
        var rows = Enumerable.Range(0, labels.Length).ToArray();
        byte[] Fit(Func<double, double> loss)
        {
            var withLoss = table.Select(rows);
            withLoss.AddNumeric(ErrorModelLabel, [.. labels.Select((y, i) => loss(predicted[i] - (double)y))]);
            return Train(withLoss, errorSchema, TaskType.Regression, TrainerKind.FastTree, 0.2, seed, withErrorModel: false, ct).Zip;
        }
        return (Fit(Math.Abs), Fit(e => e * e));
    }

    /// <summary>The schema an error model scores with: the product's features and the model's prediction.</summary>
    public static ProductSchema ErrorModelSchema(ProductSchema schema) =>
        new([.. schema.Features.Select(f => f with { Role = ColumnRole.Feature, Min = null, Max = null, AllowedValues = null, Nullable = true }),
            new ColumnSpec(ErrorModelPrediction, ColumnKind.Numeric, Nullable: true), new ColumnSpec(ErrorModelLabel, ColumnKind.Numeric, ColumnRole.Label)]);

    /// <summary>A binary model's hold-out rows (label, probability, prediction), or null without probabilities.</summary>
    private static Analysis.HoldoutSample? HoldoutOf(IDataView predictions, string label)
    {
        if (predictions.Schema.GetColumnOrNull("Probability") is null)
            return null;
        var labels = predictions.GetColumn<bool>(label).Select(l => l ? 1.0 : 0.0).ToArray();
        var scores = predictions.GetColumn<float>("Probability").Select(p => (double)p).ToArray();
        var predicted = predictions.GetColumn<bool>("PredictedLabel").Select(p => p ? 1.0 : 0.0).ToArray();
        return new Analysis.HoldoutSample(labels, scores, predicted);
    }

    /// <summary>The rows in event-time order (rows without a time first), when the schema has an event time the table
    /// holds; null otherwise (the hold-out is then a seeded random split).</summary>
    public static ColumnTable? TimeOrdered(ColumnTable table, ProductSchema schema)
    {
        if (schema.EventTime is not { } eventTime || !table.TryGetTimestamps(eventTime.Name, out var times))
            return null;
        var order = Enumerable.Range(0, table.RowCount).OrderBy(i => times[i] ?? DateTime.MinValue).ThenBy(i => i).ToList();
        return table.Select(order);
    }

    /// <summary>The rows whose label is present (the table itself when every row has one).</summary>
    public static ColumnTable LabelledRows(ColumnTable table, ColumnSpec label)
    {
        List<int>? keep = null;
        if (table.TryGetNumeric(label.Name, out var numbers))
        {
            if (Array.Exists(numbers, double.IsNaN))
                keep = Enumerable.Range(0, numbers.Length).Where(i => !double.IsNaN(numbers[i])).ToList();
        }
        else if (table.TryGetStrings(label.Name, out var texts))
        {
            if (Array.Exists(texts, t => t is null))
                keep = Enumerable.Range(0, texts.Length).Where(i => texts[i] is not null).ToList();
        }
        return keep is null ? table : table.Select(keep);
    }

    private static IEstimator<ITransformer> Featurize(MLContext ml, ProductSchema schema, TrainerKind trainer)
    {
        var parts = new List<string>();
        IEstimator<ITransformer> pipeline = new EstimatorChain<ITransformer>();
        var numeric = schema.Features.Where(f => f.Kind == ColumnKind.Numeric).Select(f => f.Name).ToArray();
        if (numeric.Length > 0)
        {
            pipeline = pipeline
                .Append(ml.Transforms.Concatenate("__numeric", numeric))
                .Append(ml.Transforms.ReplaceMissingValues("__numeric", replacementMode: Microsoft.ML.Transforms.MissingValueReplacingEstimator.ReplacementMode.Mean));
            parts.Add("__numeric");
        }
        foreach (var feature in schema.Features.Where(f => f.Kind == ColumnKind.Categorical))
        {
            pipeline = pipeline.Append(ml.Transforms.Categorical.OneHotEncoding("__onehot_" + feature.Name, feature.Name));
            parts.Add("__onehot_" + feature.Name);
        }
        foreach (var feature in schema.Features.Where(f => f.Kind == ColumnKind.Text))
        {
            pipeline = pipeline.Append(ml.Transforms.Text.FeaturizeText("__text_" + feature.Name, feature.Name));
            parts.Add("__text_" + feature.Name);
        }
        pipeline = pipeline.Append(ml.Transforms.Concatenate(FeaturesColumn, [.. parts]));
        if (trainer == TrainerKind.Sdca)
            pipeline = pipeline.Append(ml.Transforms.NormalizeMinMax(FeaturesColumn));
        return pipeline;
    }

    /// <summary>Whether <paramref name="trainer"/> trains models for <paramref name="task"/> (FastForest has no multiclass form).</summary>
    public static bool Supports(TaskType task, TrainerKind trainer) => !(task == TaskType.MulticlassClassification && trainer == TrainerKind.FastForest);

    private const int Trees = 100;
    private const int MinimumRowsPerLeaf = 10;

    /// <summary>Leaves per tree: more for regression, whose targets need finer splits.</summary>
    private static int Leaves(TaskType task) => task == TaskType.Regression ? 31 : 15;

    /// <summary>The settings <see cref="CreateTrainer"/> passes (the rest are ML.NET's defaults), as a version records them.</summary>
    public static IReadOnlyDictionary<string, string> Settings(TaskType task, TrainerKind trainer)
    {
        string Text(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var settings = trainer switch
        {
            TrainerKind.FastTree => new Dictionary<string, string> { ["numberOfTrees"] = Text(Trees), ["numberOfLeaves"] = Text(Leaves(task)), ["minimumExampleCountPerLeaf"] = Text(MinimumRowsPerLeaf) },
            TrainerKind.LightGbm => new Dictionary<string, string> { ["numberOfIterations"] = Text(Trees), ["numberOfLeaves"] = Text(Leaves(task)) },
            TrainerKind.FastForest => new Dictionary<string, string> { ["numberOfTrees"] = Text(Trees) },
            _ => new Dictionary<string, string>
            {
                ["normalization"] = "min-max",
                ["loss"] = task switch { TaskType.Regression => "squared", TaskType.MulticlassClassification => "maximum entropy", _ => "logistic" },
            },
        };
        if (task == TaskType.MulticlassClassification && trainer == TrainerKind.FastTree)
            settings["multiclass"] = "one-versus-all";
        return settings;
    }

    private static IEstimator<ITransformer> CreateTrainer(MLContext ml, TaskType task, TrainerKind trainer, string label) =>
        (task, trainer) switch
        {
            (TaskType.Regression, TrainerKind.FastTree) => ml.Regression.Trainers.FastTree(label, FeaturesColumn, numberOfLeaves: Leaves(task), numberOfTrees: Trees, minimumExampleCountPerLeaf: MinimumRowsPerLeaf),
            (TaskType.Regression, TrainerKind.LightGbm) => ml.Regression.Trainers.LightGbm(label, FeaturesColumn, numberOfLeaves: Leaves(task), numberOfIterations: Trees),
            (TaskType.Regression, TrainerKind.Sdca) => ml.Regression.Trainers.Sdca(label, FeaturesColumn),
            (TaskType.Regression, TrainerKind.FastForest) => ml.Regression.Trainers.FastForest(label, FeaturesColumn, numberOfTrees: Trees),
            (TaskType.BinaryClassification, TrainerKind.FastTree) => ml.BinaryClassification.Trainers.FastTree(label, FeaturesColumn, numberOfLeaves: Leaves(task), numberOfTrees: Trees, minimumExampleCountPerLeaf: MinimumRowsPerLeaf),
            (TaskType.BinaryClassification, TrainerKind.LightGbm) => ml.BinaryClassification.Trainers.LightGbm(label, FeaturesColumn, numberOfLeaves: Leaves(task), numberOfIterations: Trees),
            (TaskType.BinaryClassification, TrainerKind.Sdca) => ml.BinaryClassification.Trainers.SdcaLogisticRegression(label, FeaturesColumn),
            (TaskType.BinaryClassification, TrainerKind.FastForest) => ml.BinaryClassification.Trainers.FastForest(label, FeaturesColumn, numberOfTrees: Trees),
            (TaskType.MulticlassClassification, TrainerKind.LightGbm) => ml.MulticlassClassification.Trainers.LightGbm(label, FeaturesColumn, numberOfLeaves: Leaves(task), numberOfIterations: Trees),
            (TaskType.MulticlassClassification, TrainerKind.Sdca) => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(label, FeaturesColumn),
            (TaskType.MulticlassClassification, TrainerKind.FastTree) => ml.MulticlassClassification.Trainers.OneVersusAll(
                ml.BinaryClassification.Trainers.FastTree(numberOfLeaves: Leaves(task), numberOfTrees: Trees, minimumExampleCountPerLeaf: MinimumRowsPerLeaf), label),
            _ => throw new InputValidationException("trainer", $"Trainer {trainer} is not available for {task}."),
        };

    private sealed class ClassRow
    {
        public string Value { get; set; } = "";
    }

    /// <summary>The classes as the key data of the label: keys 1..K in the schema's order.</summary>
    private static IDataView ClassesView(MLContext ml, IReadOnlyList<string> classes) =>
        ml.Data.LoadFromEnumerable(classes.Select(c => new ClassRow { Value = c }));

    /// <summary>Multiclass hold-out metrics as production computes them (<see cref="ClassificationMetrics.Multiclass"/>,
    /// checked against scikit-learn): accuracy, balanced accuracy and the macro averages.</summary>
    private static Dictionary<string, double> EvaluateMulticlass(IDataView predictions, string label, IReadOnlyList<string> classes)
    {
        var truth = predictions.GetColumn<ReadOnlyMemory<char>>(label).Select(v => v.ToString()).ToList();
        var predicted = predictions.GetColumn<ReadOnlyMemory<char>>("PredictedLabel").Select(v => v.ToString()).ToList();
        var m = ClassificationMetrics.Multiclass(truth, predicted, classes);
        return new()
        {
            ["accuracy"] = m.Accuracy, ["balanced_accuracy"] = m.BalancedAccuracy,
            ["macro_precision"] = m.MacroPrecision, ["macro_recall"] = m.MacroRecall, ["macro_f1"] = m.MacroF1,
        };
    }

    /// <summary>The hold-out log loss in natural-log units, as production batches compute it (sklearn's <c>log_loss</c>):
    /// ML.NET's <c>LogLoss</c> is in bits, which would put the hold-out line ln 2 ≈ 0.69× off the batches' values.</summary>
    private static double NaturalLogLoss(IDataView predictions, string label)
    {
        var labels = predictions.GetColumn<bool>(label).Select(l => l ? 1 : 0).ToList();
        var probability = predictions.GetColumn<float>("Probability").Select(p => (double)p).ToList();
        return ClassificationMetrics.LogLossOf(labels, probability);
    }

    private static Dictionary<string, double> Evaluate(MLContext ml, IDataView predictions, TaskType task, string label)
    {
        if (task == TaskType.Regression)
        {
            var r = ml.Regression.Evaluate(predictions, label);
            return new() { ["mae"] = r.MeanAbsoluteError, ["rmse"] = r.RootMeanSquaredError, ["r2"] = r.RSquared };
        }
        if (predictions.Schema.GetColumnOrNull("Probability") is not null)
        {
            var b = ml.BinaryClassification.Evaluate(predictions, label);
            return new()
            {
                ["accuracy"] = b.Accuracy, ["roc_auc"] = b.AreaUnderRocCurve, ["f1"] = b.F1Score,
                ["precision"] = b.PositivePrecision, ["recall"] = b.PositiveRecall, ["log_loss"] = NaturalLogLoss(predictions, label),
            };
        }
        var n = ml.BinaryClassification.EvaluateNonCalibrated(predictions, label);
        return new()
        {
            ["accuracy"] = n.Accuracy, ["roc_auc"] = n.AreaUnderRocCurve, ["f1"] = n.F1Score,
            ["precision"] = n.PositivePrecision, ["recall"] = n.PositiveRecall,
        };
    }

    private static long Count(IDataView view)
    {
        if (view.GetRowCount() is { } known)
            return known;
        long count = 0;
        using var cursor = view.GetRowCursor([]);
        while (cursor.MoveNext())
            count++;
        return count;
    }
}
