using DataProductDashboard.Analysis.Drift;
using DataProductDashboard.Analysis.Kpi;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Services.Kpis;

/// <summary>What makes a KPI definition valid for a product; errors keyed by the JSON field they concern.</summary>
public static class KpiRules
{
    public const int MaxNameLength = 200;
    public const int MaxUnitLength = 50;
    public const int MaxDescriptionLength = 2000;
    public const int MaxOwnerLength = 200;

    /// <summary>The columns a batch-column KPI can aggregate: numeric features, the label when it is numeric (counted
    /// once labels arrive) and "prediction" (the model's output).</summary>
    public static IReadOnlyList<string> Columns(ProductSchema schema) =>
        schema.Columns.Where(c => c.Kind == ColumnKind.Numeric && c.Role is ColumnRole.Feature or ColumnRole.Label or ColumnRole.KpiSource or ColumnRole.Segment)
            .Select(c => c.Name).Append(DriftDetector.PredictionColumn).ToList();

    public static Dictionary<string, string[]> Validate(KpiInput input, ProductSchema schema, TaskType task, IEnumerable<string> otherNames)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Add(string field, string message) => errors[field] = [message];

        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0)
            Add("name", "A name is required, e.g. “Daily rentals”.");
        else if (name.Length > MaxNameLength)
            Add("name", $"The name has {name.Length} characters; at most {MaxNameLength} are allowed.");
        else if (otherNames.Contains(name, StringComparer.OrdinalIgnoreCase))
            Add("name", $"The product already has a KPI named '{name}'.");
        if (input.Unit?.Trim() is { Length: > MaxUnitLength } unit)
            Add("unit", $"The unit has {unit.Length} characters; at most {MaxUnitLength} are allowed.");
        if (input.Description?.Trim() is { Length: > MaxDescriptionLength } description)
            Add("description", $"The description has {description.Length} characters; at most {MaxDescriptionLength} are allowed.");
        if (input.Owner?.Trim() is { Length: > MaxOwnerLength } owner)
            Add("owner", $"The owner has {owner.Length} characters; at most {MaxOwnerLength} are allowed.");
        if (!double.IsFinite(input.Target))
            Add("target", "The target must be a finite number.");
        if (!double.IsFinite(input.Tolerance) || input.Tolerance < 0)
            Add("tolerance", $"The tolerance is the half-width of the target band, in the KPI's unit: a number ≥ 0 (got {input.Tolerance}).");
        if (input.RunLength is < BusinessDriftRule.MinRunLength or > BusinessDriftRule.MaxRunLength)
            Add("runLength", $"The run length must be between {BusinessDriftRule.MinRunLength} and {BusinessDriftRule.MaxRunLength} periods (got {input.RunLength}).");
        if (!Enum.IsDefined(input.Direction))
            Add("direction", "The direction must be HigherIsBetter or LowerIsBetter.");
        if (!Enum.IsDefined(input.Period))
            Add("period", "The period must be Day, Week or Month.");

        switch (input.Source)
        {
            case KpiSource.Uploaded:
                break;
            case KpiSource.BatchColumn:
                if (input.Aggregate is not { } aggregate || !Enum.IsDefined(aggregate))
                    Add("aggregate", "A batch-column KPI needs an aggregate: Sum, Mean or Count.");
                var column = input.Column?.Trim();
                if (string.IsNullOrEmpty(column))
                    Add("column", $"A batch-column KPI needs a column: one of {string.Join(", ", Columns(schema))}.");
                else if (column != DriftDetector.PredictionColumn && schema.Find(column) is not { } spec)
                    Add("column", $"'{column}' is not a column of the product; use one of {string.Join(", ", Columns(schema))}.");
                else if (column == DriftDetector.PredictionColumn && task == TaskType.MulticlassClassification)
                    Add("column", $"The prediction of a multiclass product is a class, not a number, so it cannot be aggregated; use a numeric column.");
                else if (column != DriftDetector.PredictionColumn && schema.Find(column) is { Kind: not ColumnKind.Numeric } other)
                    Add("column", $"'{column}' is a {other.Kind} column; only numeric columns (or '{DriftDetector.PredictionColumn}') can be aggregated.");
                break;
            case KpiSource.MisclassificationCost:
                if (task != TaskType.BinaryClassification)
                    Add("source", $"A misclassification cost needs a binary classifier; this product is {task}.");
                if (input.CostFalsePositive is not { } fp || !double.IsFinite(fp) || fp < 0)
                    Add("costFalsePositive", "The cost of a false positive (a negative row predicted positive) must be a number ≥ 0.");
                if (input.CostFalseNegative is not { } fn || !double.IsFinite(fn) || fn < 0)
                    Add("costFalseNegative", "The cost of a false negative (a positive row predicted negative) must be a number ≥ 0.");
                break;
            default:
                Add("source", "The source must be Uploaded, BatchColumn or MisclassificationCost.");
                break;
        }
        return errors;
    }
}
