using DataProductDashboard.Analysis.Schema;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Tests.Analysis;

public sealed class SchemaEvolutionTests
{
    private static readonly ProductSchema Current = new(
    [
        new("id", ColumnKind.Id, ColumnRole.RowKey),
        new("amount", ColumnKind.Numeric, Min: 0, Max: 100),
        new("housing", ColumnKind.Categorical, AllowedValues: ["rent", "own"]),
        new("region", ColumnKind.Categorical, AddedInVersion: 2, Nullable: true),
        new("risk", ColumnKind.Categorical, ColumnRole.Label),
    ], PositiveClass: "bad");

    private static ProductSchema With(Func<ColumnSpec, ColumnSpec> change, params ColumnSpec[] added) =>
        Current with { Columns = [.. Current.Columns.Select(change), .. added] };

    [Fact]
    public void Compare_SameSchema_NoChangesNoErrors()
    {
        var result = SchemaEvolution.Compare(Current, Current, TaskType.BinaryClassification, 3);

        Assert.Empty(result.Changes);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Compare_WideningChanges_AreAcceptedAndDescribed()
    {
        var proposed = With(c => c.Name switch
        {
            "amount" => c with { Min = -10, Max = null, Nullable = true },
            "housing" => c with { AllowedValues = ["rent", "own", "free"] },
            _ => c,
        }, new ColumnSpec("channel", ColumnKind.Categorical, ColumnRole.Segment, Nullable: true));

        var result = SchemaEvolution.Compare(Current, proposed, TaskType.BinaryClassification, 3);

        Assert.Empty(result.Errors);
        Assert.Equal(5, result.Changes.Count);
        Assert.Contains("Column 'housing' also allows 'free'.", result.Changes);
        Assert.Contains(result.Changes, c => c.StartsWith("Column 'channel' (Categorical, Segment) added", StringComparison.Ordinal));
        Assert.Equal(3, result.Schema.Find("channel")!.AddedInVersion);
        Assert.Equal(2, result.Schema.Find("region")!.AddedInVersion);
        Assert.Null(result.Schema.Find("amount")!.AddedInVersion);
    }

    [Fact]
    public void Compare_AllowedValuesDropped_RefusedNamingTheValue()
    {
        var result = SchemaEvolution.Compare(Current, With(c => c.Name == "housing" ? c with { AllowedValues = ["rent", "free"] } : c), TaskType.BinaryClassification, 3);

        Assert.Contains("no longer allow 'own'", result.Errors["schema.columns['housing']"][0]);
    }

    [Theory]
    [InlineData("min", "higher minimum")]
    [InlineData("max", "lower maximum")]
    [InlineData("nullable", "stop accepting missing values")]
    [InlineData("role", "change role from Feature to Segment")]
    [InlineData("format", "change its timestamp format")]
    public void Compare_NarrowingOrRetyping_RefusedWithTheReason(string change, string reason)
    {
        var current = change is "nullable" ? With(c => c.Name == "amount" ? c with { Nullable = true } : c) : Current;
        var proposed = With(c => c.Name != "amount" ? c : change switch
        {
            "min" => c with { Min = 5 },
            "max" => c with { Max = 50 },
            "nullable" => c with { Nullable = false },
            "role" => c with { Role = ColumnRole.Segment },
            _ => c with { Kind = ColumnKind.Numeric },
        });
        if (change == "format")
        {
            current = current with { Columns = [.. current.Columns, new ColumnSpec("day", ColumnKind.Timestamp)] };
            proposed = proposed with { Columns = [.. proposed.Columns, new ColumnSpec("day", ColumnKind.Timestamp, Format: "dd.MM.yyyy")] };
        }

        var result = SchemaEvolution.Compare(current, proposed, TaskType.BinaryClassification, 3);

        var key = change == "format" ? "schema.columns['day']" : "schema.columns['amount']";
        Assert.Contains(result.Errors[key], e => e.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Compare_NewRequiredOrKeyColumn_Refused()
    {
        var result = SchemaEvolution.Compare(Current,
            With(c => c, new ColumnSpec("score", ColumnKind.Numeric), new ColumnSpec("at", ColumnKind.Timestamp, ColumnRole.EventTime, Nullable: true)),
            TaskType.BinaryClassification, 3);

        Assert.Contains("must be nullable", result.Errors["schema.columns['score']"][0]);
        Assert.Contains("fixed at creation", result.Errors["schema.columns['at']"][0]);
    }

    [Fact]
    public void Compare_PositiveClassChanged_Refused()
    {
        var result = SchemaEvolution.Compare(Current, Current with { PositiveClass = "good" }, TaskType.BinaryClassification, 3);

        Assert.Contains("positive class would change", result.Errors["schema.positiveClass"][0]);
    }

    [Fact]
    public void Compare_NegativeClassNamedLater_IsAcceptedAsAChange()
    {
        var result = SchemaEvolution.Compare(Current, Current with { NegativeClass = "good" }, TaskType.BinaryClassification, 3);

        Assert.Empty(result.Errors);
        Assert.Equal("good", result.Schema.NegativeClass);
        Assert.Contains(result.Changes, c => c.Contains("negative class is named 'good'", StringComparison.Ordinal));
    }

    [Fact]
    public void Compare_ProposalWithoutTheStoredNegativeClass_KeepsItWithoutAChange()
    {
        var current = Current with { NegativeClass = "good" };
        var proposed = With(c => c.Name == "amount" ? c with { Nullable = true } : c);

        var result = SchemaEvolution.Compare(current, proposed, TaskType.BinaryClassification, 3);

        Assert.Empty(result.Errors);
        Assert.Equal("good", result.Schema.NegativeClass);
        Assert.DoesNotContain(result.Changes, c => c.Contains("negative class", StringComparison.Ordinal));
    }
}
