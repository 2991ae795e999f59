using System.IO.Compression;
using System.Text;
using DataProductDashboard.Ingestion;
using DataProductDashboard.Tests.TestSupport;
using static DataProductDashboard.Tests.Api.BadInputs.BadInput;

namespace DataProductDashboard.Tests.Api.BadInputs;

/// <summary>The corpus of bad inputs, kept as data: CSV batches, label files, training files, model files, JSON bodies
/// and query strings. Every entry must answer its status with problem details naming the field, and store nothing.</summary>
public static class BadInputCorpus
{
    private const string Header = TestSchemas.RegressionHeader;
    private const string Row = "r1,2024-03-01,12.5,0.4,summer";
    private const string Batches = "/api/products/{p}/batches";
    private const string Labels = "/api/products/{p}/labels";
    private const string Train = "/api/products/{p}/models/train";
    private const string Models = "/api/products/{p}/models";
    private const string Products = "/api/products";
    private const string Gates = "/api/products/{p}/gates";
    private const string Kpis = "/api/products/{p}/kpis";
    private const string Channels = "/api/products/{p}/channels";
    private const string DriftSettings = "/api/products/{p}/drift-settings";

    private static readonly byte[] Bom = Encoding.UTF8.GetPreamble();

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static Func<HttpContent?> Batch(string csv) => () => Csv(csv);

    private static Func<HttpContent?> BatchBytes(byte[] bytes) => () => Raw(bytes, "text/csv");

    private static Func<HttpContent?> Body(string json) => () => Json(json);

    private static Func<HttpContent?> Training(string csv, params (string, string)[] fields) =>
        () => Form(Utf8(csv), "train.csv", "text/csv", fields);

    private static Func<HttpContent?> TrainingOptions(params (string, string)[] fields) =>
        Training(TestSchemas.RegressionCsv(40), fields);

    private static Func<HttpContent?> Model(byte[] zip) => () => Form(zip, "model.zip", "application/zip");

    private static byte[] OnnxFixture(string name) =>
        File.ReadAllBytes(Path.Combine(RepoPaths.Root, "DataProductDashboard.Tests", "Fixtures", "onnx", name));

    private static Func<HttpContent?> None => () => null;

    private static string Product(string schemaColumns, string task = "\"Regression\"") =>
        $$"""{ "name": "bad product", "task": {{task}}, "schema": { "columns": [ {{schemaColumns}} ] } }""";

    private const string Feature = """{ "name": "x", "kind": "Numeric" }""";
    private const string Label = """{ "name": "y", "kind": "Numeric", "role": "Label" }""";

    private static byte[] EmptyZip()
    {
        using var stream = new MemoryStream();
        using (new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
        }
        return stream.ToArray();
    }

    private static string Repeat(char c, int count) => new(c, count);

    public static IReadOnlyList<BadInput> All { get; } =
    [
        // CSV batches: the file itself.
        new("batch: empty body", "POST", Batches, BatchBytes([]), 400, "is empty", "file"),
        new("batch: BOM only", "POST", Batches, BatchBytes(Bom), 400, "only a UTF-8 byte-order mark", "file"),
        new("batch: BOM and blank lines", "POST", Batches, BatchBytes([.. Bom, .. Utf8("\r\n\r\n")]), 400, "is empty", "file"),
        new("batch: blank lines only", "POST", Batches, Batch("\n\n\n"), 400, "is empty", "file"),
        new("batch: header only", "POST", Batches, Batch(Header + "\n"), 400, "no data rows", "row 2"),
        new("batch: BOM and header only", "POST", Batches, BatchBytes([.. Bom, .. Utf8(Header)]), 400, "no data rows", "row 2"),
        new("batch: NUL byte in a value", "POST", Batches, Batch($"{Header}\n{Row}\nr2,2024-03-01,1\0,0.4,summer\n"), 400, "NUL byte", "row 3, column 'temp'"),
        new("batch: NUL byte in the header", "POST", Batches, Batch($"id,day,te\0mp,hum,season\n{Row}\n"), 400, "NUL byte", "row 1, column 'te"),
        new("batch: value over 1 MiB", "POST", Batches, Batch($"{Header}\nr1,2024-03-01,12.5,0.4,{Repeat('s', CsvLimits.MaxFieldBytes + 1)}\n"), 400,
            "longer than the limit of 1 MiB (1,048,576 bytes)", "row 2, column 'season'"),
        new("batch: 20 MB value", "POST", Batches, Batch($"{Header}\nr1,2024-03-01,{Repeat('9', 20_000_000)},0.4,summer\n"), 400,
            "longer than the limit of 1 MiB", "row 2, column 'temp'"),
        new("batch: row over 4 MiB", "POST", Batches,
            // Five values just under the 1 MiB value limit under the schema's own header (the file is read as it streams:
            // the header is checked first, then each row as it arrives).
            Batch($"{Header}\n{string.Join(',', Enumerable.Repeat(Repeat('a', CsvLimits.MaxFieldBytes - 1), 5))}\n"), 400,
            "row is longer than the limit of 4 MiB", "row 2"),
        new("batch: unclosed quote", "POST", Batches, Batch($"{Header}\n{Row}\nr2,2024-03-01,1,0.4,\"summer\nr3,2024-03-01,1,0.4,winter\n"), 400, "a quoted value is probably not closed", "row 3, column 'season'"),
        new("batch: US date", "POST", Batches, Batch($"{Header}\nr1,09/03/2012,12.5,0.4,summer\n"), 400,
            "'09/03/2012' is not a date/time in the accepted form (ISO 8601", "row 2, column 'day'"),
        new("batch: German date", "POST", Batches, Batch($"{Header}\n{Row}\nr2,03.09.2012,12.5,0.4,summer\n"), 400,
            "'03.09.2012' is not a date/time in the accepted form (ISO 8601", "row 3, column 'day'"),
        new("batch: date without zero padding", "POST", Batches, Batch($"{Header}\nr1,2012-9-3,12.5,0.4,summer\n"), 400, "accepted form", "row 2, column 'day'"),
        new("batch: impossible date", "POST", Batches, Batch($"{Header}\nr1,2012-02-30,12.5,0.4,summer\n"), 400, "accepted form", "row 2, column 'day'"),
        new("batch: header 'humidity' for 'hum'", "POST", Batches, Batch($"id,day,temp,humidity,season\n{Row}\n"), 400, "did you mean 'hum'?", "column 'humidity'"),
        new("batch: missing required column", "POST", Batches, Batch("id,day,temp,season\nr1,2024-03-01,1,summer\n"), 400, "required column 'hum'", "column 'hum'"),
        new("batch: typo in header", "POST", Batches, Batch($"id,day,tmep,hum,season\n{Row}\n"), 400, "did you mean 'temp'?", "column 'tmep'"),
        new("batch: unknown extra column", "POST", Batches, Batch($"{Header},windspeed\n{Row},3\n"), 400, "not in the product schema", "column 'windspeed'"),
        new("batch: repeated header name", "POST", Batches, Batch($"id,day,temp,temp,hum,season\nr1,2024-03-01,1,1,0.4,summer\n"), 400, "2 times", "column 'temp'"),
        new("batch: semicolon separated, bad cell", "POST", Batches, Batch($"id;day;temp;hum;season\nr1;2024-03-01;abc;0.4;summer\n"), 400, "'abc' is not a number", "row 2, column 'temp'"),
        new("batch: title line above the header", "POST", Batches, Batch($"Weekly export\n{Header}\n{Row}\n"), 400, "is not a header", "file"),
        new("batch: text in a numeric column", "POST", Batches, Batch($"{Header}\nr1,2024-03-01,abc,0.4,summer\n"), 400, "'abc' is not a number", "row 2, column 'temp'"),
        new("batch: decimal comma", "POST", Batches, Batch($"{Header}\nr1,2024-03-01,\"12,5\",0.4,summer\n"), 400, "decimal separator", "row 2, column 'temp'"),
        new("batch: above the declared maximum", "POST", Batches, Batch($"{Header}\nr1,2024-03-01,12.5,1.4,summer\n"), 400, "above the declared maximum 1", "row 2, column 'hum'"),
        new("batch: unknown category", "POST", Batches, Batch($"{Header}\nr1,2024-03-01,12.5,0.4,monsoon\n"), 400, "not one of the declared categories", "row 2, column 'season'"),
        new("batch: infinite number", "POST", Batches, Batch($"{Header}\nr1,2024-03-01,Infinity,0.4,summer\n"), 400, "not a finite number", "row 2, column 'temp'"),
        new("batch: missing non-nullable value", "POST", Batches, Batch($"{Header}\nr1,2024-03-01,,0.4,summer\n"), 400, "a value is required", "row 2, column 'temp'"),
        new("batch: ragged row", "POST", Batches, Batch($"{Header}\n{Row}\nr2,2024-03-01,1,0.4\n"), 400, "expected 5 values", "row 3"),
        new("batch: Latin-1 byte", "POST", Batches, BatchBytes([.. Utf8($"{Header}\nr1,2024-03-01,12.5,0.4,"), 0xE9, .. Utf8("t\n")]), 400, "not valid UTF-8", "row 2"),
        new("batch: UTF-16 with a lone surrogate", "POST", Batches,
            BatchBytes([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes($"{Header}\n"), 0x00, 0xD8, 0x41, 0x00]), 400, "is not valid UTF-16 text", "file"),
        new("batch: damaged Parquet", "POST", Batches,
            () => Form(ParquetFiles.Damaged(ParquetFiles.Now(ParquetFiles.RegressionBatchAsync(TestSchemas.RegressionCsv(10, withLabel: false), 5))), "week.parquet", "application/vnd.apache.parquet"),
            400, "'week.parquet' starts like a Parquet file but cannot be read", "file"),
        new("batch: Parquet with a nested column", "POST", Batches,
            () => Form(ParquetFiles.Now(ParquetFiles.WithNestedColumnAsync(new Parquet.Schema.ListField("tags", typeof(string)))), "week.parquet", "application/vnd.apache.parquet"),
            400, "has the nested column 'tags' (a list); only flat columns (one plain value per row) are read", "file"),
        new("batch: no header row", "POST", Batches, Batch($"{Row}\nr2,2024-03-01,1,0.4,winter\n"), 400,
            "Row 1 of 'batch.csv' looks like data, not column names ('r1', '2024-03-01', '12.5', '0.4', …): the file has no header row; add the header this product expects as row 1: id,day,temp,hum,season,cnt", "header"),
        new("batch: no header row, numbers only", "POST", Batches, () => Form(Utf8("1,2,3,4,5\n6,7,8,9,10\n"), "numbers.csv", "text/csv"), 400,
            "Row 1 of 'numbers.csv' looks like data, not column names ('1', '2', '3', '4', …)", "header"),
        new("batch: UTF-16 without BOM", "POST", Batches, BatchBytes(Encoding.Unicode.GetBytes($"{Header}\n{Row}\n")), 400, "UTF-16", "file"),
        new("batch: wrong content type", "POST", Batches, () => Raw(Utf8($"{Header}\n{Row}\n"), "text/plain"), 415, "multipart/form-data"),
        new("batch: multipart without a boundary", "POST", Batches, () => Raw(Utf8("--x\r\n"), "multipart/form-data"), 400, "malformed", "body"),
        new("batch: multipart cut off", "POST", Batches,
            () => new StringContent("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\nContent-Type: text/csv\r\n\r\nid,day", Encoding.UTF8, "multipart/form-data")
                .WithBoundary("b"), 400, "malformed", "body"),
        new("batch: form without a file field", "POST", Batches, () => Form(null, "", "", ("notes", "x")), 400, "no file in a field named 'file'", "file"),

        // Label files.
        new("labels: empty", "POST", Labels, BatchBytes([]), 400, "is empty", "file"),
        new("labels: header only", "POST", Labels, Batch("id,cnt\n"), 400, "no data rows", "row 2"),
        new("labels: unknown row key", "POST", Labels, Batch("id,cnt\nnope,12\n"), 400, "no prediction of this product has row key 'nope'", "row 2, column 'id'"),
        new("labels: label not a number", "POST", Labels, Batch("id,cnt\nb1,many\n"), 400, "'many' is not a number", "row 2, column 'cnt'"),
        new("labels: label column missing", "POST", Labels, Batch("id\nb1\n"), 400, "label column 'cnt' is missing", "column 'cnt'"),
        new("labels: BOM only", "POST", Labels, BatchBytes(Bom), 400, "byte-order mark", "file"),
        new("labels: NUL byte", "POST", Labels, Batch("id,cnt\nb1,1\0\n"), 400, "NUL byte", "row 2, column 'cnt'"),
        new("labels: label header 'count'", "POST", Labels, Batch("id,count\nb1,3\n"), 400, "not in the product schema", "column 'count'"),

        // Training files and options.
        new("train: holdoutFraction NaN", "POST", Train, TrainingOptions(("holdoutFraction", "NaN")), 400, "between 0.05 and 0.5; got 'NaN'", "holdoutFraction"),
        new("train: holdoutFraction Infinity", "POST", Train, TrainingOptions(("holdoutFraction", "Infinity")), 400, "between 0.05 and 0.5", "holdoutFraction"),
        new("train: holdoutFraction too large", "POST", Train, TrainingOptions(("holdoutFraction", "0.9")), 400, "between 0.05 and 0.5", "holdoutFraction"),
        new("train: holdoutFraction not a number", "POST", Train, TrainingOptions(("holdoutFraction", "a fifth")), 400, "between 0.05 and 0.5", "holdoutFraction"),
        new("train: unknown trainer", "POST", Train, TrainingOptions(("trainer", "Magic")), 400, "'Magic' is not a trainer", "trainer"),
        new("train: trainer as a number", "POST", Train, TrainingOptions(("trainer", "1")), 400, "'1' is not a trainer", "trainer"),
        new("train: seed not whole", "POST", Train, TrainingOptions(("seed", "1.5")), 400, "'1.5' is not a whole number", "seed"),
        new("train: label column missing", "POST", Train, Training($"{Header}\n{Row}\n"), 400, "required column 'cnt'", "column 'cnt'"),
        new("train: non-ISO timestamps", "POST", Train, Training($"{Header},cnt\nr1,31.01.2024,12.5,0.4,summer,10\n"), 400, "accepted form", "row 2, column 'day'"),
        new("train: BOM-only file", "POST", Train, () => Form(Bom, "train.csv", "text/csv"), 400, "byte-order mark", "file"),

        // Model files.
        new("model: not a zip", "POST", Models, Model(Utf8("this is not a zip")), 400, "is not a zip file", "file"),
        new("model: empty zip", "POST", Models, Model(EmptyZip()), 400, "not an ML.NET model", "file"),
        new("model: empty file", "POST", Models, Model([]), 400, "", "file"),
        new("model: wrong content type", "POST", Models, () => Raw(Utf8("PK"), "text/plain"), 415, "application/zip"),
        new("model: ONNX featureOrder for a model with column inputs", "POST", Models,
            () => Form(OnnxFixture("regression_columns.onnx"), "model.onnx", "application/octet-stream", ("featureOrder", "temp,hum")), 400,
            "featureOrder is for a model with one tensor input, but this one has 3 inputs", "featureOrder"),
        new("model: ONNX options on an ML.NET zip", "POST", Models, () => Form(EmptyZip(), "model.zip", "application/zip", ("scoreOutput", "variable")), 400,
            "is not an ONNX model, so featureOrder, labelOutput and scoreOutput do not apply", "scoreOutput"),
        new("model: ONNX input typed unlike its column", "POST", Models, () => Form(OnnxFixture("mistyped_input.onnx"), "model.onnx", "application/octet-stream"), 400,
            "'temp' is a numeric column", "input 'temp'"),
        new("challenger: the champion", "POST", Models + "/1/challenger", None, 409, "Version 1 is the champion"),

        // Product JSON bodies (bound by the framework).
        new("product: unknown task", "POST", Products, Body(Product($"{Feature}, {Label}", "\"Clustering\"")), 400, "one of BinaryClassification, MulticlassClassification, Regression", "task"),
        new("product: task as a number", "POST", Products, Body(Product($"{Feature}, {Label}", "2")), 400, "one of BinaryClassification", "task"),
        new("product: unknown column kind", "POST", Products, Body(Product("""{ "name": "x", "kind": "Number" }""" + $", {Label}")), 400, "one of Numeric, Categorical", "schema.columns[0].kind"),
        new("product: name is a number", "POST", Products, Body("""{ "name": 42, "task": "Regression", "schema": { "columns": [] } }"""), 400, "not a text", "name"),
        new("product: min is NaN", "POST", Products, Body(Product("""{ "name": "x", "kind": "Numeric", "min": "NaN" }""" + $", {Label}")), 400, "finite", "schema.columns['x']"),
        new("product: invalid JSON", "POST", Products, Body("""{ "name": "x", "task": """), 400, "not valid JSON"),
        new("product: bad timestamp format", "POST", Products,
            Body(Product("""{ "name": "at", "kind": "Timestamp", "role": "EventTime", "format": "HH:mm" }""" + $", {Feature}, {Label}")), 400, "needs the year (yyyy), month (MM) and day (dd)", "schema.columns['at'].format"),
        new("product: format on a numeric column", "POST", Products, Body(Product("""{ "name": "x", "kind": "Numeric", "format": "dd.MM.yyyy" }""" + $", {Label}")), 400,
            "Only Timestamp columns take a format", "schema.columns['x'].format"),
        new("product: schema missing", "POST", Products, Body("""{ "name": "x", "task": "Regression" }"""), 400, "A schema is required", "schema"),
        new("product: null column", "POST", Products, Body(Product($"null, {Label}")), 400, "A column is null", "schema.columns"),
        new("product: no body", "POST", Products, () => Json(""), 400, "A JSON body is required", "body"),
        new("product: null body", "POST", Products, () => Json("null"), 400, "A JSON body is required", "body"),
        new("product: array body", "POST", Products, () => Json("[]"), 400, "must be a JSON object", "body"),
        new("product: marker that is also a category", "POST", Products,
            Body(Product($$"""{ "name": "g", "kind": "Categorical", "allowedValues": ["A", "NA"] }, {{Label}}""").Replace("\"schema\": {", "\"schema\": { \"missingMarkers\": [\"na\"],")),
            400, "both a missing-value marker and a declared category", "schema.missingMarkers"),
        new("product: marker with spaces around it", "POST", Products,
            Body(Product($"{Feature}, {Label}").Replace("\"schema\": {", "\"schema\": { \"missingMarkers\": [\" ?\"],")), 400, "spaces around it", "schema.missingMarkers"),
        new("product details: empty name", "PUT", "/api/products/{p}", Body("""{ "name": "" }"""), 400, "A name is required", "name"),
        new("product details: unknown time zone", "PUT", "/api/products/{p}", Body("""{ "name": "Corpus rentals", "timeZone": "Mars/Olympus" }"""), 400,
            "is not a time zone", "timeZone"),
        new("product details: retention of 0 days", "PUT", "/api/products/{p}", Body("""{ "name": "Corpus rentals", "retentionDays": 0 }"""), 400,
            "between 1 and 36500", "retentionDays"),
        new("product delete: name not repeated exactly", "DELETE", "/api/products/{p}?confirm=corpus%20rentals", None, 400, "exactly", "confirm"),
        new("schema change: a column removed", "PUT", "/api/products/{p}/schema", Body("""
            { "columns": [ { "name": "id", "kind": "Id", "role": "RowKey" }, { "name": "day", "kind": "Timestamp", "role": "EventTime" },
              { "name": "temp", "kind": "Numeric", "min": -50, "max": 60 }, { "name": "season", "kind": "Categorical", "allowedValues": ["spring", "summer", "autumn", "winter"] },
              { "name": "cnt", "kind": "Numeric", "role": "Label", "min": 0 } ] }
            """), 400, "would be removed", "schema.columns['hum']"),
        new("infer-schema: header row that is data", "POST", "/api/products/infer-schema",
            () => Form(Utf8("39,State-gov,77516\n50,Private,83311\n"), "adult.data", "text/csv"), 400, "looks like data, not column names", "header"),
        new("infer-schema: iris without a header row", "POST", "/api/products/infer-schema",
            () => Form(Utf8("5.1,3.5,1.4,0.2,Iris-setosa\n4.9,3.0,1.4,0.2,Iris-setosa\n"), "iris.data", "text/csv"), 400,
            "Row 1 of 'iris.data' looks like data, not column names ('5.1', '3.5', '1.4', '0.2', …): the file has no header row; add a header row that names the columns", "header"),
        new("labels: no header row", "POST", Labels, Batch("b1,3\nb2,4\n"), 400, "add the header this product expects as row 1: id,cnt", "header"),
        new("infer-schema: ARFF file", "POST", "/api/products/infer-schema",
            () => Form(Utf8("@relation adult\n@attribute age numeric\n@data\n39\n"), "adult.arff", "text/csv"), 400, "is an ARFF file", "file"),
        new("batch: backfill flag not a boolean", "POST", Batches + "?backfill=maybe", Batch($"{Header}\n{Row}\n"), 400, "'maybe' is not true or false", "backfill"),
        new("batch: broken gzip", "POST", Batches, () => Form([0x1F, 0x8B, 0, 0, 0, 0, 0, 0, 0, 0], "week.csv.gz", "application/gzip"), 400, "is not a valid gzip file", "file"),
        new("batch: JSON instead of CSV", "POST", Batches, Batch("[{\"id\": 1}]"), 400, "looks like JSON", "file"),
        new("product: column kind as a number", "POST", Products, Body(Product("""{ "name": "x", "kind": 0 }""" + $", {Label}")), 400, "one of Numeric", "schema.columns[0].kind"),
        new("product: nullable not a bool", "POST", Products, Body(Product("""{ "name": "x", "kind": "Numeric", "nullable": "sometimes" }""" + $", {Label}")), 400, "true or false", "schema.columns[0].nullable"),
        new("product: allowed values not an array", "POST", Products, Body(Product("""{ "name": "x", "kind": "Categorical", "allowedValues": "a,b" }""" + $", {Label}")), 400, "an array", "schema.columns[0].allowedValues"),
        new("product: plain text body", "POST", Products, () => new StringContent("name=x", Encoding.UTF8, "text/plain"), 415, ""),

        // Gate rules (read field by field).
        new("gate: threshold not a number", "POST", Gates, Body("""{ "metricKey": "drift.share", "condition": "Lt", "threshold": "abc" }"""), 400, "'abc' is not a number", "threshold"),
        new("gate: threshold NaN", "POST", Gates, Body("""{ "metricKey": "drift.share", "condition": "Lt", "threshold": "NaN" }"""), 400, "not a finite number", "threshold"),
        new("gate: unknown condition", "POST", Gates, Body("""{ "metricKey": "drift.share", "condition": "Bigger", "threshold": 1 }"""), 400, "'Bigger' is not a GateCondition", "condition"),
        new("gate: enabled not a bool", "POST", Gates, Body("""{ "metricKey": "drift.share", "condition": "Lt", "threshold": 1, "enabled": "maybe" }"""), 400, "not true or false", "enabled"),
        new("gate: metric key missing", "POST", Gates, Body("""{ "condition": "Lt", "threshold": 1 }"""), 400, "'metricKey' is required", "metricKey"),
        new("gate: update with unknown scope", "PUT", Gates + "/{gate}", Body("""{ "scope": "Everything", "metricKey": "drift.share", "condition": "Lt", "threshold": 1 }"""), 400, "not a GateScope", "scope"),
        new("gate: body is an array", "POST", Gates, Body("[1, 2]"), 400, "must be a JSON object", "body"),
        new("gate: preview with unknown severity", "POST", Gates + "/preview", Body("""{ "metricKey": "drift.share", "condition": "Lt", "threshold": 1, "severity": "Meh" }"""), 400, "not a GateSeverity", "severity"),
        new("cadence: negative hours", "PUT", "/api/products/{p}/cadence", Body("""{ "expectedCadenceHours": -5 }"""), 400, "between 0 and", "expectedCadenceHours"),
        new("cadence: NaN hours", "PUT", "/api/products/{p}/cadence", Body("""{ "expectedCadenceHours": "NaN" }"""), 400, "not a finite number", "expectedCadenceHours"),

        // KPIs.
        new("kpi: target NaN", "POST", Kpis, Body("""{ "name": "Rentals", "target": "NaN" }"""), 400, "not a finite number", "target"),
        new("kpi: unknown direction", "POST", Kpis, Body("""{ "name": "Rentals", "target": 100, "direction": "Up" }"""), 400, "not a KpiDirection", "direction"),
        new("kpi: fractional run length", "POST", Kpis, Body("""{ "name": "Rentals", "target": 100, "runLength": 2.5 }"""), 400, "whole number of periods", "runLength"),
        new("kpi values: value not a number", "POST", Kpis + "/{kpi}/values", Body("""{ "values": [ { "period": "2024-05-06", "value": "lots" } ] }"""), 400, "'lots'", "values[0].value"),
        new("kpi values: CSV BOM only", "POST", Kpis + "/{kpi}/values", BatchBytes(Bom), 400, "is empty", "file"),
        new("kpi values: CSV NUL byte", "POST", Kpis + "/{kpi}/values", Batch("period,value\n2024-05-06,1\0\n"), 400, "NUL byte", "row 2, column 'value'"),
        new("kpi values: German period", "POST", Kpis + "/{kpi}/values", Batch("period,value\n06.05.2024,1\n"), 400, "'06.05.2024'", "row 2, column 'period'"),
        new("kpi values: JSON value NaN", "POST", Kpis + "/{kpi}/values", Body("""{ "values": [ { "period": "2024-05-06", "value": "NaN" } ] }"""), 400, "'NaN'", "values[0].value"),
        new("kpi values: CSV header only", "POST", Kpis + "/{kpi}/values", Batch("period,value\n"), 400, "no data rows", "file"),
        new("kpi values: CSV value not a number", "POST", Kpis + "/{kpi}/values", Batch("period,value\n2024-05-06,lots\n"), 400, "'lots'"),

        // Channels (bound by the framework).
        new("channel: unknown kind", "POST", Channels, Body("""{ "name": "c", "kind": "Pigeon", "target": "ops@example.com" }"""), 400, "one of InApp, Webhook, Email", "kind"),
        new("channel: kind as a number", "POST", Channels, Body("""{ "name": "c", "kind": 1, "target": "ops@example.com" }"""), 400, "one of InApp, Webhook, Email", "kind"),
        new("channel: enabled not a bool", "POST", Channels, Body("""{ "name": "c", "kind": "Email", "target": "ops@example.com", "enabled": "yes" }"""), 400, "true or false", "enabled"),
        new("channel: update with unknown severity", "PUT", Channels + "/{channel}", Body("""{ "name": "c", "kind": "Email", "target": "ops@example.com", "minimumSeverity": "Meh" }"""), 400,
            "one of Warning, Critical", "minimumSeverity"),

        // Drift settings (bound by the framework).
        new("drift settings: share not a number", "PUT", DriftSettings, Body("""{ "shareThreshold": "half" }"""), 400, "", "shareThreshold"),
        new("drift settings: overrides not an object", "PUT", DriftSettings, Body("""{ "shareThreshold": 0.5, "overrides": [1] }"""), 400, "an object", "overrides"),
        new("drift settings: share NaN", "PUT", DriftSettings, Body("""{ "shareThreshold": "NaN" }"""), 400, "above 0 and at most 1", "shareThreshold"),
        new("drift settings: override threshold Infinity", "PUT", DriftSettings, Body("""{ "shareThreshold": 0.5, "overrides": { "temp": { "method": "ks", "threshold": "Infinity" } } }"""), 400,
            "must be positive", "overrides['temp'].threshold"),

        // Experiments, waivers, alerts, admin (read field by field or bound).
        new("experiment: share NaN", "POST", "/api/products/{p}/experiments", Body("""{ "challengerVersion": 1, "primaryMetric": "perf.mae", "minimumDetectableEffect": 1, "challengerShare": "NaN" }"""), 400,
            "not a finite number", "challengerShare"),
        new("experiment: version not whole", "POST", "/api/products/{p}/experiments", Body("""{ "challengerVersion": 1.5, "primaryMetric": "perf.mae", "minimumDetectableEffect": 1 }"""), 400,
            "not a version number", "challengerVersion"),
        new("experiment: alpha out of range", "POST", "/api/products/{p}/experiments", Body("""{ "challengerVersion": 1, "primaryMetric": "perf.mae", "minimumDetectableEffect": 1, "alpha": 2 }"""), 400,
            "α must be above 0", "alpha"),
        new("waiver: German expiry date", "POST", "/api/products/{p}/models/1/waivers", Body("""{ "reason": "test", "expiresAt": "31.12.2026" }"""), 400, "ISO 8601", "expiresAt"),
        new("waiver: reason is a number", "POST", "/api/products/{p}/models/1/waivers", Body("""{ "reason": 5, "expiresAt": "2026-12-31" }"""), 400, "5 is not a text", "reason"),
        new("alert resolve: note is a number", "POST", "/api/alerts/999999/resolve", Body("""{ "note": 5 }"""), 400, "not a text", "note"),
        new("admin key: unknown role", "POST", "/api/admin/keys", Body("""{ "name": "k", "role": "Boss" }"""), 400, "Boss", "role"),
        new("admin key: German expiry date", "POST", "/api/admin/keys", Body("""{ "name": "k", "role": "Viewer", "expires": "31.12.2099" }"""), 400, "YYYY-MM-DD", "expires"),
        new("admin user: roles not an array", "POST", "/api/admin/users", Body("""{ "email": "a@b.c", "roles": "Admin" }"""), 400, "is not an array", "roles"),

        // Query strings.
        new("query: trail take -1", "GET", "/api/products/{p}/trail?take=-1", None, 400, "between 1 and 10000; got -1", "take"),
        new("query: trail take 0", "GET", "/api/products/{p}/trail?take=0", None, 400, "between 1 and 10000; got 0", "take"),
        new("query: trail take abc", "GET", "/api/products/{p}/trail?take=abc", None, 400, "'abc' is not a whole number", "take"),
        new("query: batches page abc", "GET", Batches + "?page=abc", None, 400, "'abc' is not a whole number", "page"),
        new("query: batches page 0", "GET", Batches + "?page=0", None, 400, "page must be a whole number ≥ 1", "page"),
        new("query: batches pageSize 5000", "GET", Batches + "?pageSize=5000", None, 400, "between 1 and 1000", "pageSize"),
        new("query: batches descending maybe", "GET", Batches + "?descending=maybe", None, 400, "'maybe' is not true or false", "descending"),
        new("query: batch allowDuplicate maybe", "POST", Batches + "?allowDuplicate=maybe", () => Csv($"{Header}\n{Row}\n"), 400, "'maybe' is not true or false", "allowDuplicate"),
        new("query: jobs take 0", "GET", "/api/products/{p}/jobs?take=0", None, 400, "between 1 and 200; got 0", "take"),
        new("query: jobs take abc", "GET", "/api/products/{p}/jobs?take=abc", None, 400, "take", "take"),
        new("query: batches unknown sort", "GET", Batches + "?sort=Colour", None, 400, "'Colour' is not a sort column", "sort"),
        new("query: predictions pageSize abc", "GET", "/api/batches/{batch}/predictions?pageSize=abc", None, 400, "'abc' is not a whole number", "pageSize"),
        new("query: predictions page -1", "GET", "/api/batches/{batch}/predictions?page=-1", None, 400, "page must be a whole number ≥ 1", "page"),
        new("query: evaluations unknown status", "GET", Gates + "/evaluations?status=Green", None, 400, "'Green' is not a GateStatus", "status"),
        new("query: evaluations from yesterday", "GET", Gates + "/evaluations?from=yesterday", None, 400, "'yesterday' is not a date/time", "from"),
        new("query: evaluations page 0", "GET", Gates + "/evaluations?page=0", None, 400, "page must be a whole number ≥ 1", "page"),
        new("query: gates unknown scope", "GET", Gates + "?scope=Everything", None, 400, "not a GateScope", "scope"),
        new("query: deliveries take 0", "GET", Channels + "/deliveries?take=0", None, 400, "between 1 and 10000", "take"),
        new("query: deliveries take abc", "GET", Channels + "/deliveries?take=abc", None, 400, "'abc' is not a whole number", "take"),
        new("query: deliveries channelId abc", "GET", Channels + "/deliveries?channelId=abc", None, 400, "'abc' is not a whole number", "channelId"),
        new("query: alerts page abc", "GET", "/api/alerts?page=abc", None, 400, "'abc' is not a whole number", "page"),
        new("query: alerts descending maybe", "GET", "/api/alerts?descending=maybe", None, 400, "'maybe' is not true or false", "descending"),
        new("query: metrics from not a date", "GET", "/api/products/{p}/metrics?key=drift.share&from=someday", None, 400, "'someday' is not a date/time", "from"),
        new("query: compare one version", "GET", Models + "/compare?versions=1", None, 400, "Compare two to 5 versions (1 given)", "versions"),
        new("query: compare unknown source", "GET", Models + "/compare?versions=1,2&source=holdout", None, 400, "'holdout' is not a source of rows", "source"),
        new("query: compare batches abc", "GET", Models + "/compare?versions=1,2&batches=abc", None, 400, "'abc' is not a whole number", "batches"),

        // Segments, fairness, weak segments.
        new("gate: segment on a product without segments", "POST", Gates, Body("""{ "metricKey": "perf.mae", "condition": "Lt", "threshold": 100, "segment": "sex=female" }"""),
            400, "no segment attributes", "segment"),
        new("query: fairness from not a date", "GET", "/api/products/{p}/fairness?attribute=sex&from=someday", None, 400, "'someday' is not a date/time", "from"),
        new("query: fairness minSupport abc", "GET", "/api/products/{p}/fairness?attribute=sex&minSupport=abc", None, 400, "'abc' is not a whole number", "minSupport"),
        new("query: fairness batchId abc", "GET", "/api/products/{p}/fairness?attribute=sex&batchId=abc", None, 400, "'abc' is not a whole number", "batchId"),
        new("query: weak segments batches 0", "GET", "/api/products/{p}/weak-segments?batches=0", None, 400, "between 1 and 50; got 0", "batches"),
        new("query: weak segments batches abc", "GET", "/api/products/{p}/weak-segments?batches=abc", None, 400, "'abc' is not a whole number", "batches"),
        new("query: weak segments unknown baseline", "GET", "/api/products/{p}/weak-segments?against=99", None, 400, "has no version 99", "against"),
        new("query: weak segments against itself", "GET", "/api/products/{p}/weak-segments?version=1&against=1", None, 400, "cannot be compared with itself", "against"),

        // The evaluation set.
        new("evaluation set: no label column", "PUT", "/api/products/{p}/evaluation-set", Batch($"{Header}\n{Row}\n"), 400, "cnt", "column 'cnt'"),
        new("evaluation set: a row without its label", "PUT", "/api/products/{p}/evaluation-set", Batch($"{Header},cnt\n{Row},\n"), 400, "a value is required here", "row 2, column 'cnt'"),
    ];
}
