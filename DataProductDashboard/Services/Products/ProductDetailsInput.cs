namespace DataProductDashboard.Services.Products;

/// <summary>The details of a product people edit: its name (unique), description and owner.</summary>
public sealed record ProductDetailsInput(string? Name, string? Description, string? Owner);
