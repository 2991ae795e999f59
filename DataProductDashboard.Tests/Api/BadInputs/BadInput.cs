using System.Net.Http.Headers;
using System.Text;

namespace DataProductDashboard.Tests.Api.BadInputs;

/// <summary>One bad request of the corpus: where it goes, what it sends, the status it must answer, a fragment of the
/// message (detail or any error), and the error key that must name the field, parameter or "row N, column 'c'".
/// Paths use {p} (the product), {batch}, {gate}, {kpi}, {channel}.</summary>
public sealed record BadInput(string Name, string Method, string Path, Func<HttpContent?> Content, int Status, string Fragment, string? Key = null)
{
    public override string ToString() => Name;

    public static HttpContent Json(string json) => new StringContent(json, Encoding.UTF8, "application/json");

    public static HttpContent Csv(string csv) => Raw(Encoding.UTF8.GetBytes(csv), "text/csv");

    public static HttpContent Raw(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return content;
    }

    public static HttpContent Form(byte[]? file, string fileName, string contentType, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        if (file is not null)
        {
            var content = new ByteArrayContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            form.Add(content, "file", fileName);
        }
        foreach (var (name, value) in fields)
            form.Add(new StringContent(value), name);
        return form;
    }
}

/// <summary>Content helpers for the corpus.</summary>
public static class BadInputContent
{
    /// <summary>Sets the multipart boundary of a hand-written body.</summary>
    public static HttpContent WithBoundary(this HttpContent content, string boundary)
    {
        content.Headers.ContentType!.Parameters.Add(new System.Net.Http.Headers.NameValueHeaderValue("boundary", boundary));
        return content;
    }
}
