namespace DataProductDashboard.Analysis;

/// <summary>The default gates each audit check proposes, with the current batch's value in mind.</summary>
public static class ProposedGates
{
    public static IReadOnlyList<ProposedGate> For(AuditResult audit)
    {
        var gates = new List<ProposedGate>();
        foreach (var c in audit.Quality.Columns)
        {
            gates.Add(new(AuditPoints.ColumnMissingShare, c.Column, "Lte", AuditHealth.MissingAmber, "Warning", $"At most {AuditHealth.MissingAmber:P0} of '{c.Column}' missing."));
            gates.Add(new(AuditPoints.ColumnMissingShare, c.Column, "Lte", AuditHealth.MissingRed, "Critical", $"At most {AuditHealth.MissingRed:P0} of '{c.Column}' missing."));
            if (c.Kind == Domain.ColumnKind.Categorical)
                gates.Add(new(AuditPoints.ColumnUnseenShare, c.Column, "Lte", AuditHealth.UnseenAmber, "Warning", $"At most {AuditHealth.UnseenAmber:P0} of '{c.Column}' in categories the model never saw."));
            if (c.Kind == Domain.ColumnKind.Numeric)
                gates.Add(new(AuditPoints.ColumnOutOfRangeShare, c.Column, "Lte", 0.01, "Warning", $"At most 1 % of '{c.Column}' outside the training range."));
        }
        gates.Add(new(AuditPoints.DuplicateRowKeys, null, "Eq", 0, "Critical", "Row keys are unique (labels join by row key)."));
        gates.Add(new(AuditPoints.VolumeRatio, null, "Between", 0.5, "Warning", "Batch size between 0.5× and 2× the usual (upper bound 2)."));
        if (audit.Quality.CadenceHours is { } cadence)
            gates.Add(new(AuditPoints.Gaps, null, "Eq", 0, "Warning", $"No gaps longer than twice the usual {cadence:0.#} h cadence."));
        if (audit.Quality.EventLagHours is not null)
            gates.Add(new(AuditPoints.EventLagHours, null, "Lte", 48, "Warning", "Data arrives within 48 h of its newest event."));
        if (audit.Quality.UsualIntervalHours is { } interval)
            gates.Add(new(AuditPoints.Late, null, "Eq", 0, "Warning", $"A batch arrives within {DataQuality.DataQualityAnalyzer.LateFactor}× the usual {interval:0} h after the previous one."));
        gates.Add(new(AuditPoints.DatasetDrift, null, "Eq", 0, "Critical", $"Fewer than {audit.Drift.ShareThreshold:P0} of the features drift."));
        foreach (var c in audit.Drift.ColumnResults)
            gates.Add(new(AuditPoints.ColumnDrift, c.Column, "Eq", 0, "Warning", $"'{c.Column}' does not drift ({c.Rule})."));
        if (audit.Drift.Prediction is not null)
            gates.Add(new(AuditPoints.PredictionDrift, null, "Eq", 0, "Warning", "The prediction distribution does not drift."));
        return gates;
    }
}
