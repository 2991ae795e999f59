using System.Text;
using DataProductDashboard.Domain;
using DataProductDashboard.Ingestion;
using DataProductDashboard.Services.Kpis;

namespace DataProductDashboard.Tests.Services.Kpis;

public sealed class KpiValuesParserTests
{
    private static IReadOnlyList<(DateTime Period, ExperimentArm? Arm, double Value)> Parse(string csv, KpiPeriod period)
    {
        var (rows, lines) = KpiValuesParser.ReadCsv(Encoding.UTF8.GetBytes(csv), "values.csv");
        return KpiValuesParser.Validate(rows, period, (i, c) => CsvErrorCollector.CellKey(lines[i], c), i => $"row {lines[i]}", "values.csv");
    }

    [Fact]
    public void Validate_MonthlyPeriods_AcceptsYearMonthAndTheFirstOfTheMonth()
    {
        var values = Parse("period,value\n2024-05,1.5\n2024-06-01,2\n", KpiPeriod.Month);

        Assert.Equal([new DateTime(2024, 5, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc)], values.Select(v => v.Period));
        Assert.All(values, v => Assert.Equal(DateTimeKind.Utc, v.Period.Kind));
    }

    [Fact]
    public void Validate_MonthlyPeriodNotOnTheFirst_NamesTheMonthToUse()
    {
        var ex = Assert.Throws<InputValidationException>(() => Parse("period,value\n2024-05-08,1\n", KpiPeriod.Month));

        Assert.Equal(["2024-05-08 is not the start of a month (use 2024-05 or 2024-05-01)"], ex.Errors["row 2, column 'period'"]);
    }

    [Fact]
    public void Validate_ArmColumnInAnyOrderAndCase_ReadsArmsAndRejectsOthers()
    {
        var ex = Assert.Throws<InputValidationException>(() => Parse("Value,ARM,period\n1,Champion,2024-05-06\n2,,2024-05-06\n3,treatment,2024-05-13\n", KpiPeriod.Week));

        Assert.Single(ex.Errors);
        Assert.StartsWith("'treatment' is not an A/B arm", ex.Errors["row 4, column 'arm'"][0]);
        var values = Parse("Value,ARM,period\n1,Champion,2024-05-06\n2,,2024-05-06\n", KpiPeriod.Week);
        Assert.Equal([(ExperimentArm.Champion, 1.0), ((ExperimentArm?)null, 2.0)], values.Select(v => (v.Arm, v.Value)));
    }

    [Theory]
    [InlineData("period;value\n2024-05-06;1\n", "header", "';'-separated")]
    [InlineData("period,amount\n2024-05-06,1\n", "column 'amount'", "is not expected")]
    [InlineData("period,amount\n2024-05-06,1\n", "column 'value'", "required column 'value' is missing")]
    [InlineData("period,value\n", "file", "has a header but no data rows")]
    [InlineData("", "file", "is empty")]
    [InlineData("period,value\n2024-05-06\n", "row 2", "expected 2 values")]
    public void ReadCsv_BadStructure_SaysWhatIsWrong(string csv, string key, string message)
    {
        var ex = Assert.Throws<InputValidationException>(() => KpiValuesParser.ReadCsv(Encoding.UTF8.GetBytes(csv), "values.csv"));

        Assert.Contains(message, ex.Errors[key][0]);
    }

    [Fact]
    public void Validate_InfiniteValueAndBlankLines_RejectsTheValueAndCountsLinesOfTheFile()
    {
        var ex = Assert.Throws<InputValidationException>(() => Parse("period,value\n\n2024-05-06,Infinity\n", KpiPeriod.Week));

        Assert.Equal(["'Infinity' is not a finite number"], ex.Errors["row 3, column 'value'"]);
    }
}
