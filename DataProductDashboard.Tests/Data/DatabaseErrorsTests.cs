using DataProductDashboard.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Tests.Data;

public sealed class DatabaseErrorsTests
{
    private static DbUpdateException Wrapped(int code) => new("save failed", new SqliteException("refused", code));

    [Fact]
    public void IsConstraintViolation_SqliteConstraintWrappedOrNot_IsTrueOnlyForIt()
    {
        Assert.True(DatabaseErrors.IsConstraintViolation(Wrapped(19)));
        Assert.True(DatabaseErrors.IsConstraintViolation(new SqliteException("refused", 19)));
        Assert.False(DatabaseErrors.IsConstraintViolation(Wrapped(5)));
        Assert.False(DatabaseErrors.IsConstraintViolation(new InvalidOperationException("bug")));
    }

    [Theory]
    [InlineData(5, true)]
    [InlineData(6, true)]
    [InlineData(19, false)]
    [InlineData(1, false)]
    public void IsBusy_SqliteCodes_BusyAndLockedOnly(int code, bool busy)
    {
        Assert.Equal(busy, DatabaseErrors.IsBusy(new SqliteException("busy?", code)));
        Assert.Equal(busy, DatabaseErrors.IsBusy(Wrapped(code)));
    }

    [Fact]
    public void IsStoreFailure_StoreErrorsButNotBugs()
    {
        Assert.True(DatabaseErrors.IsStoreFailure(Wrapped(5)));
        Assert.True(DatabaseErrors.IsStoreFailure(new SqliteException("busy", 5)));
        Assert.True(DatabaseErrors.IsStoreFailure(new DbUpdateException("save failed")));
        Assert.False(DatabaseErrors.IsStoreFailure(new ArgumentException("bug")));
    }
}
