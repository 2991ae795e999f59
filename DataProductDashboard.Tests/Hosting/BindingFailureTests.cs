using DataProductDashboard.Hosting;
using Microsoft.AspNetCore.Http;

namespace DataProductDashboard.Tests.Hosting;

public sealed class BindingFailureTests
{
    [Fact]
    public void Describe_QueryBindingFailure_NamesTheParameterAndTheExpectedType()
    {
        var error = BindingFailure.Describe(new BadHttpRequestException("Failed to bind parameter \"Nullable<int> take\" from \"abc\"."));

        Assert.Equal("'abc' is not a whole number.", error!.Errors["take"][0]);
    }

    [Fact]
    public void Describe_UnrecognisedMessage_StillNamesTheRequest()
    {
        var error = BindingFailure.Describe(new BadHttpRequestException("Something new the framework says."));

        Assert.Equal("Something new the framework says.", error!.Errors["request"][0]);
    }

    [Fact]
    public void Describe_PayloadTooLarge_IsLeftToTheHandler() =>
        Assert.Null(BindingFailure.Describe(new BadHttpRequestException("too large", StatusCodes.Status413PayloadTooLarge)));

    [Fact]
    public void Malformed_InvalidDataFromElsewhere_IsNotBlamedOnTheRequest()
    {
        InvalidDataException thrown;
        try
        {
            throw new InvalidDataException("corrupt stored file");
        }
        catch (InvalidDataException ex)
        {
            thrown = ex;
        }

        Assert.Null(BindingFailure.Malformed(thrown));
    }
}
