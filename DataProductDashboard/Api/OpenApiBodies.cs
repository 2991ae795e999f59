using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace DataProductDashboard.Api;

/// <summary>The request bodies that handlers read themselves, described for the OpenAPI document: uploads (streamed by
/// <see cref="UploadReader"/>) and JSON objects read field by field (<see cref="JsonBody"/>), so that a generated client
/// knows what to send; and file answers, so that it hands back the file rather than parse it.</summary>
public static class OpenApiBodies
{
    /// <summary>A JSON body shaped like <typeparamref name="TBody"/>.</summary>
    public static RouteHandlerBuilder AcceptsJson<TBody>(this RouteHandlerBuilder builder) where TBody : notnull =>
        builder.Accepts<TBody>("application/json");

    /// <summary>An upload: multipart/form-data with the file in field <c>file</c> and the given text fields, or the
    /// file itself as the body with one of <paramref name="rawTypes"/> (then <c>?fileName=</c> and the fields go in the
    /// query string).</summary>
    public static RouteHandlerBuilder AcceptsUpload(this RouteHandlerBuilder builder, string[] rawTypes, params UploadField[] fields) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            var form = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
                {
                    ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = $"The file ({string.Join(" or ", rawTypes)})." },
                },
                Required = new HashSet<string>(StringComparer.Ordinal) { "file" },
            };
            foreach (var field in fields)
            {
                form.Properties[field.Name] = new OpenApiSchema
                {
                    // Optional: a generated client leaves a field it was not given out of the form.
                    Type = field.Type | JsonSchemaType.Null,
                    Format = field.Format,
                    Description = field.Description,
                    Enum = field.Values?.Select(v => (JsonNode)JsonValue.Create(v)!).ToList(),
                };
            }
            var content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
            {
                ["multipart/form-data"] = new() { Schema = form },
            };
            foreach (var type in rawTypes)
                content[type] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } };
            operation.RequestBody = new OpenApiRequestBody { Required = true, Content = content };
            return Task.CompletedTask;
        });

    /// <summary>A file answer (200, an attachment of <paramref name="contentType"/>), described as binary: a generated
    /// client returns the file's bytes instead of reading them as JSON.</summary>
    public static RouteHandlerBuilder ProducesFile(this RouteHandlerBuilder builder, string contentType) =>
        builder.Produces(StatusCodes.Status200OK, contentType: contentType).AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Responses ??= [];
            operation.Responses["200"] = new OpenApiResponse
            {
                Description = "OK",
                Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
                {
                    [contentType] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
                },
            };
            return Task.CompletedTask;
        });
}

/// <summary>A text field of an upload form besides the file.</summary>
/// <param name="Format">"binary" for a second file part.</param>
public sealed record UploadField(string Name, string Description, JsonSchemaType Type = JsonSchemaType.String, IReadOnlyList<string>? Values = null,
    string? Format = null);
