namespace DataProductDashboard.Services.Products;

/// <summary>The details of a product people edit: its name (unique), description, owner, the IANA time zone its dates
/// are shown in (null: UTC) and how many days row-level predictions and batch files are kept (null: forever). A PUT
/// replaces them all.</summary>
public sealed record ProductDetailsInput(string? Name, string? Description, string? Owner, string? TimeZone = null, int? RetentionDays = null);
