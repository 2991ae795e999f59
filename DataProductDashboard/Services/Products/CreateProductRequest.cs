using DataProductDashboard.Domain;

namespace DataProductDashboard.Services.Products;

/// <summary>What it takes to create a data product.</summary>
public sealed record CreateProductRequest(string Name, string? Description, string? Owner, TaskType Task, ProductSchema Schema);
