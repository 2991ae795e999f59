using System.Text;
using DataProductDashboard.Domain;
using DataProductDashboard.Ingestion;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Ingestion;

public sealed class FileSnifferTests
{
    private static string Reject(byte[] bytes, string fileName = "upload.csv") =>
        Assert.Throws<InputValidationException>(() => CsvBatchReader.Read(bytes, fileName, TestSchemas.Regression, CsvReadMode.Batch)).Message;

    private static string RejectText(string text, string fileName = "upload.csv") => Reject(Encoding.UTF8.GetBytes(text), fileName);

    [Fact]
    public void Read_Arff_SaysItIsArffAndWhatToDo()
    {
        var message = RejectText("% census\n@relation adult\n@attribute age numeric\n@data\n39,State-gov\n", "adult.arff");

        Assert.Contains("'adult.arff' is an ARFF file", message);
        Assert.Contains("@data", message);
    }

    [Fact]
    public void Read_XlsxWorkbook_SaysSaveAsCsv()
    {
        var message = Reject([.. "PK\u0003\u0004"u8, 0, 0, 0, 0], "book.xlsx");

        Assert.Contains("zip archive (an Excel .xlsx workbook, perhaps)", message);
    }

    [Theory]
    [InlineData("[{\"id\": 1}]")]
    [InlineData("  {\"rows\": []}")]
    public void Read_Json_SaysItIsJson(string json)
    {
        Assert.Contains("looks like JSON", RejectText(json, "rows.json"));
    }

    [Fact]
    public void Read_Gzip_SaysDecompress()
    {
        Assert.Contains("gzip-compressed", Reject([0x1F, 0x8B, 8, 0, 0, 0], "week.csv.gz"));
    }

    [Fact]
    public void Read_BannerLineAboveTheHeader_NamesItInsteadOfADelimiter()
    {
        var message = RejectText("Electricity market | export 2024-05-01\nid,day,temp,hum,season\nr1,2024-03-01,1,0.1,summer\n");

        Assert.Contains("Row 1 of 'upload.csv' ('Electricity market | export 2024-05-01') is not a header", message);
        Assert.Contains("row 2 has 5 comma-separated values", message);
        Assert.DoesNotContain("separated;", message);
    }

    [Fact]
    public void ReadSample_ArffFile_IsRecognisedToo()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "adult.arff");
        File.WriteAllText(path, "@relation adult\n@attribute age numeric\n@data\n39\n");

        var error = Assert.Throws<InputValidationException>(() => CsvBatchReader.ReadSample(path, "adult.arff", 100));

        Assert.Contains("ARFF", error.Message);
    }
}
