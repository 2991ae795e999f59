namespace DataProductDashboard.Domain;

/// <summary>What a column is used for.</summary>
public enum ColumnRole { Feature, Label, RowKey, EventTime, Segment, KpiSource }
