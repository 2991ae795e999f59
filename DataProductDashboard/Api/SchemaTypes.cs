using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DataProductDashboard.Api;

/// <summary>Plain JSON types in the OpenAPI document, so that a generated client has them:
/// <list type="bullet">
/// <item>Numbers are numbers. The API's JSON options read numbers given as strings (ASP.NET Core's web defaults) and
/// write an undefined statistic as "NaN", which the generator documents as "number or string" (a double even as an
/// object of alternatives): a generated client then has no number type at all. Clients send and receive numbers.</item>
/// <item>Enums are strings (the API writes and reads their names), which the generator leaves without a type, so a
/// generated client sends them as integers.</item>
/// </list></summary>
public sealed class SchemaTypes : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        var underlying = Nullable.GetUnderlyingType(type);
        var clr = underlying ?? type;
        JsonSchemaType? kind = clr == typeof(int) || clr == typeof(long) || clr == typeof(short) || clr == typeof(byte) ? JsonSchemaType.Integer
            : clr == typeof(double) || clr == typeof(float) || clr == typeof(decimal) ? JsonSchemaType.Number
            : clr.IsEnum && schema.Enum is { Count: > 0 } ? JsonSchemaType.String
            : null;
        if (kind is not { } plain)
            return Task.CompletedTask;
        schema.Type = underlying is not null ? plain | JsonSchemaType.Null : plain;
        if (plain != JsonSchemaType.String)
        {
            schema.Pattern = null;
            schema.AnyOf = null;
            schema.OneOf = null;
        }
        return Task.CompletedTask;
    }
}
