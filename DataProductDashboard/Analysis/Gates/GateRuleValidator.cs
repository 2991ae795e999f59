using DataProductDashboard.Domain;

namespace DataProductDashboard.Analysis.Gates;

/// <summary>Checks a gate rule before it is stored; problems are keyed by field ("metricKey", "column",
/// "upperThreshold"…) and name the value and what would be valid.</summary>
public static class GateRuleValidator
{
    /// <param name="seenSegments">The segments ("sex=Female") the product's batches showed: a segment of an attribute
    /// without declared values must be one of them.</param>
    public static Dictionary<string, string[]> Validate(GateRuleSpec rule, ProductSchema schema, IReadOnlyCollection<string>? seenSegments = null)
    {
        var errors = new Dictionary<string, string[]>();
        var info = MetricCatalog.Find(rule.MetricKey ?? "");
        if (string.IsNullOrWhiteSpace(rule.MetricKey))
            errors["metricKey"] = ["A metric key is required."];
        else if (info is null)
            errors["metricKey"] = [$"'{rule.MetricKey}' is not a metric the audit produces; GET /api/products/{{id}}/gates/metrics lists them with their current values."];
        else if (info.Scope != rule.Scope)
            errors["metricKey"] = [rule.Scope == GateScope.Release
                ? $"'{rule.MetricKey}' is measured on batches; release gates watch the 'holdout.*' and 'shadow.*' metrics of a candidate version."
                : $"'{rule.MetricKey}' is measured on a candidate version; batch gates watch the audit's metrics."];

        if (info is { PerColumn: true } && string.IsNullOrWhiteSpace(rule.Column))
            errors["column"] = [$"{info.Name} is measured per column: name the column."];
        else if (info is { PerColumn: false } && !string.IsNullOrWhiteSpace(rule.Column))
            errors["column"] = [$"{info.Name} is measured on the whole batch, not per column; leave the column empty."];
        else if (info is not null && info.Key.Contains(MetricCatalog.FairnessPrefix, StringComparison.Ordinal)
            && !string.IsNullOrWhiteSpace(rule.Column) && !Segments.SegmentAttributes.Of(schema).Contains(rule.Column))
            errors["column"] = [Segments.SegmentAttributes.Of(schema) is { Count: > 0 } attributes
                ? $"'{rule.Column}' is not a segment attribute of the product; fairness is measured for {string.Join(", ", attributes.Select(a => $"'{a}'"))}."
                : "The product has no segment attributes: mark a categorical column as a segment (role Segment or isSegment) to measure fairness."];
        else if (!string.IsNullOrWhiteSpace(rule.Column) && schema.Find(rule.Column) is null)
            errors["column"] = [$"'{rule.Column}' is not a column of the product; columns: {string.Join(", ", schema.Features.Select(c => c.Name))}."];

        if (!double.IsFinite(rule.Threshold))
            errors["threshold"] = [$"The threshold must be a finite number; got {rule.Threshold}."];
        switch (rule.Condition)
        {
            case GateCondition.Between when rule.UpperThreshold is null:
                errors["upperThreshold"] = ["'Between' needs an upper threshold."];
                break;
            case GateCondition.Between when !double.IsFinite(rule.UpperThreshold.Value):
                errors["upperThreshold"] = [$"The upper threshold must be a finite number; got {rule.UpperThreshold}."];
                break;
            case GateCondition.Between when rule.UpperThreshold < rule.Threshold:
                errors["upperThreshold"] = [$"The lower bound {GateEvaluator.Format(rule.Threshold)} is greater than the upper bound {GateEvaluator.Format(rule.UpperThreshold.Value)}."];
                break;
            case GateCondition.RelativeToReference or GateCondition.RelativeToChampion when rule.Threshold < 0:
                errors["threshold"] = [$"A tolerance cannot be negative; got {rule.Threshold}."];
                break;
            case GateCondition.RelativeToReference when rule.MetricKey?.StartsWith(MetricCatalog.HoldoutPrefix, StringComparison.Ordinal) == true:
                errors["condition"] = ["A hold-out metric has no reference of its own: compare it with the champion, or compare a 'shadow.*' metric with the version's hold-out."];
                break;
            case GateCondition.RelativeToChampion when rule.Scope == GateScope.Batch:
                errors["condition"] = ["'Relative to champion' compares a candidate version with the champion: use it on release gates."];
                break;
        }
        if (!string.IsNullOrWhiteSpace(rule.Segment) && SegmentProblem(rule.Segment, info, schema, seenSegments ?? []) is { } problem)
            errors["segment"] = [problem];
        if (!Enum.IsDefined(rule.Condition))
            errors["condition"] = [$"'{rule.Condition}' is not a condition."];
        if (info is { IsFlag: true } && rule.Condition is not (GateCondition.Eq or GateCondition.Lt or GateCondition.Lte))
            errors["condition"] = [$"{info.Name} is a 0/1 verdict: use 'Eq 0' (or ≤ 0)."];
        return errors;
    }

    /// <summary>Why a rule's segment cannot be watched: it must read "attribute=value", name one of the product's segment
    /// attributes and one of its declared values (or, when it declares none, a value its batches showed), on a metric
    /// measured per segment. Values are case-sensitive: a value that differs only in case is named.</summary>
    private static string? SegmentProblem(string segment, MetricInfo? info, ProductSchema schema, IReadOnlyCollection<string> seen)
    {
        var attributes = Segments.SegmentAttributes.Of(schema);
        if (info is { PerSegment: false })
            return $"{info.Name} is not measured per segment; per segment the gates can watch rows, prediction mean, std and positive share, prediction drift and the performance metrics. Leave the segment empty.";
        if (!Segments.SegmentAttributes.TryParse(segment, out var attribute, out var value) || value.Length == 0)
            return $"'{segment}' is not a segment: write attribute=value, e.g. '{(attributes.Count > 0 ? attributes[0] : "sex")}=female'.";
        if (!attributes.Contains(attribute))
            return attributes.Count == 0
                ? "The product has no segment attributes: mark a categorical column as a segment (role Segment or isSegment) first."
                : $"'{attribute}' is not a segment attribute of the product; segment attributes: {string.Join(", ", attributes.Select(a => $"'{a}'"))}.";
        if (value is Segments.SegmentAttributes.MissingValue or Segments.SegmentAttributes.OtherValue)
            return null;
        var declared = schema.Find(attribute)?.AllowedValues is { Count: > 0 } allowed;
        var known = declared ? schema.Find(attribute)!.AllowedValues!.ToList()
            : seen.Select(s => Segments.SegmentAttributes.TryParse(s, out var a, out var v) && a == attribute ? v : null).OfType<string>()
                .Where(v => v is not (Segments.SegmentAttributes.MissingValue or Segments.SegmentAttributes.OtherValue)).Distinct().Order(StringComparer.Ordinal).ToList();
        if (known.Count == 0 || known.Contains(value))
            return null;
        var list = string.Join(", ", known.Select(v => $"'{v}'"));
        if (known.FirstOrDefault(v => string.Equals(v, value, StringComparison.OrdinalIgnoreCase)) is { } cased)
            return $"'{value}' is not a value of '{attribute}'; segment values are case-sensitive: did you mean '{cased}'? Its values: {list}.";
        return declared
            ? $"'{value}' is not a value of '{attribute}'; its values: {list}."
            : $"'{value}' has not been seen in '{attribute}'; values seen: {list}. To gate on a value not seen yet, declare the attribute's values (allowedValues) in the schema.";
    }
}
