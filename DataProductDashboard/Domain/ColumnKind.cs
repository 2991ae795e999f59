namespace DataProductDashboard.Domain;

/// <summary>How the values of a column are read and validated.</summary>
public enum ColumnKind { Numeric, Categorical, Text, Timestamp, Id }
