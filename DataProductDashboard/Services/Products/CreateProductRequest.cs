using DataProductDashboard.Domain;

namespace DataProductDashboard.Services.Products;

/// <summary>What it takes to create a data product.</summary>
/// <param name="DefaultGates">Start with the default gates: the gates the first batch's metrics propose are made active
/// before that batch is judged, so a critical problem raises an alert from the first batch.</param>
public sealed record CreateProductRequest(string Name, string? Description, string? Owner, TaskType Task, ProductSchema Schema, bool DefaultGates = false);
