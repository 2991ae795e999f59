namespace DataProductDashboard.Domain;

/// <summary>What an insight is about, so that a reader can filter the report.</summary>
public enum InsightTopic { Kpi, Model, Data, Gates, Experiment, Timeliness }
