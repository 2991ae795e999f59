using DataProductDashboard.Configuration;
using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using DataProductDashboard.Scoring;
using DataProductDashboard.Services.Audit;
using DataProductDashboard.Services.Batches;
using DataProductDashboard.Services.Models;
using DataProductDashboard.Services.Products;
using DataProductDashboard.Storage;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DataProductDashboard.Tests.Storage;

/// <summary>Stored files kept in the database (<c>Dashboard:Database:Files</c> = <c>Database</c>): instances with data
/// directories of their own reach every file through it.</summary>
[Trait(Providers.Trait, Providers.Both)]
public sealed class SharedFilesTests
{
    private static readonly Dictionary<string, string?> InDatabase = new() { ["Dashboard:Database:Files"] = nameof(FileStorage.Database) };

    [Fact]
    public async Task FetchAsync_FileOfSeveralChunks_ComesBackByteForByte()
    {
        await using var h = await ServiceHarness.CreateAsync(settings: InDatabase);
        var files = h.Get<ISharedFiles>();
        var content = new byte[DatabaseFiles.ChunkBytes * 2 + 123];
        new Random(7).NextBytes(content);
        var path = Path.Combine(h.Options.Value.DataPath, "original.bin");
        await File.WriteAllBytesAsync(path, content);

        Assert.IsType<DatabaseFiles>(files);
        Assert.True(await files.PutAsync("models", "abc.zip", path, default));
        Assert.False(await files.PutAsync("models", "abc.zip", path, default));
        var copy = Path.Combine(h.Options.Value.DataPath, "copy", "abc.zip");
        Assert.True(await files.FetchAsync("models", "abc.zip", copy, default));
        Assert.False(await files.FetchAsync("models", "other.zip", Path.Combine(h.Options.Value.DataPath, "other.zip"), default));

        Assert.Equal(content, await File.ReadAllBytesAsync(copy));
        await using var db = await h.DbFactory.CreateDbContextAsync();
        var header = await db.SharedFiles.SingleAsync();
        Assert.Equal((3, content.LongLength), (header.Chunks, header.Length));
        Assert.Equal(3, await db.SharedFileChunks.CountAsync());
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(copy)!, "*.tmp"));
    }

    [Fact]
    public async Task PutAsync_SameFileFromSeveralWritersAtOnce_KeepsOneCopyAndNoStrayChunks()
    {
        await using var h = await ServiceHarness.CreateAsync(settings: InDatabase);
        var files = h.Get<ISharedFiles>();
        var content = new byte[DatabaseFiles.ChunkBytes + 1];
        new Random(11).NextBytes(content);
        var path = Path.Combine(h.Options.Value.DataPath, "same.csv");
        await File.WriteAllBytesAsync(path, content);

        var stored = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => files.PutAsync("batches", "same.csv", path, default))));

        Assert.InRange(stored.Count(s => s), 1, 1);
        await using var db = await h.DbFactory.CreateDbContextAsync();
        var header = await db.SharedFiles.SingleAsync();
        Assert.Equal(2, await db.SharedFileChunks.CountAsync());
        Assert.Equal(2, await db.SharedFileChunks.CountAsync(c => c.UploadId == header.UploadId));
    }

    [Fact]
    public async Task SweepAsync_UnreferencedFilesAndACopyCutShort_AreRemoved_ReferencedAndRecentOnesStay()
    {
        await using var h = await ServiceHarness.CreateAsync(settings: InDatabase);
        var files = h.Get<ISharedFiles>();
        var path = Path.Combine(h.Options.Value.DataPath, "x.csv");
        await File.WriteAllBytesAsync(path, "a,b\n1,2\n"u8.ToArray());
        await files.PutAsync("batches", "kept.csv", path, default);
        await files.PutAsync("batches", "orphan.csv", path, default);
        await files.PutAsync("models", "orphan.zip", path, default);
        await using (var db = await h.DbFactory.CreateDbContextAsync())
        {
            // A copy that crashed before its header: chunks only.
            db.SharedFileChunks.Add(new SharedFileChunk { UploadId = Guid.NewGuid(), Index = 0, Data = [1, 2, 3], WrittenAt = h.Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        }
        var referenced = new HashSet<string>(StringComparer.Ordinal) { "kept" };

        var whileOthersRun = await files.SweepAsync("batches", referenced, h.Clock.GetUtcNow().UtcDateTime.AddHours(-1), default);
        var removed = await files.SweepAsync("batches", referenced, writtenBefore: null, default);

        Assert.Equal((0, 1), (whileOthersRun, removed));
        await using var check = await h.DbFactory.CreateDbContextAsync();
        Assert.Equal(["batches/kept.csv", "models/orphan.zip"], (await check.SharedFiles.Select(f => f.Area + "/" + f.Name).ToListAsync()).Order());
        Assert.Equal(2, await check.SharedFileChunks.CountAsync());
    }

    [Fact]
    public async Task SecondInstance_WithAnEmptyDataDirectory_ScoresAuditsAndDeletesThroughTheDatabase()
    {
        await using var a = await ServiceHarness.CreateAsync(settings: InDatabase);
        await using var b = await ServiceHarness.CreateAsync(settings: SameDatabase(a));
        var product = await a.CreateRegressionProductAsync(withModel: false);
        // Enough hold-out rows for the version's error models (estimated MAE and RMSE).
        await a.Registry.TrainAsync(product.Id, TestSchemas.Utf8(TestSchemas.RegressionCsv(1_100)), "train.csv", new TrainModelRequest(TrainerKind.FastTree), default);
        var first = await a.Importer.ImportAsync(product.Id, TestSchemas.Utf8(TestSchemas.RegressionCsv(200, seed: 3, withLabel: false)), "a.csv", BatchSource.Api);

        // B holds none of A's files: it fetches the model, its error models and its reference profile to score, and
        // A's batch file to audit A's batch again.
        var second = await b.Importer.ImportAsync(product.Id, TestSchemas.Utf8(TestSchemas.RegressionCsv(150, seed: 4, withLabel: false)), "b.csv", BatchSource.Api);
        var reaudit = await b.Get<BatchImporter>().ReauditAsync(first.Id, default);
        var modelHash = (await a.Registry.ListAsync(product.Id, default)).Single().FileHash;

        Assert.Equal(150, second.RowCount);
        Assert.Equal(3, reaudit.Drift.Columns);
        Assert.True(File.Exists(b.Store.PathFor(ContentStore.Models, modelHash, ".zip")));
        Assert.True(File.Exists(b.Store.PathFor(ContentStore.Batches, first.FileHash, ".csv")));
        Assert.True(File.Exists(b.Store.PathFor(ReferenceProfileStore.Area, modelHash, ".json")));
        Assert.True(File.Exists(b.Store.PathFor(ModelCache.ErrorModels, modelHash, ".zip")));
        // Scored with the fetched error model: the batch has an estimated MAE.
        Assert.Equal(1, await b.CountAsync(db => db.MetricPoints.Where(p => p.BatchId == second.Id && p.MetricKey == "estimated.mae")));
        // B's batch file went to the database too: A reads it.
        Assert.Equal(3, (await a.Get<BatchImporter>().ReauditAsync(second.Id, default)).Drift.Columns);

        var deleted = await b.Get<ProductLifecycleService>().DeleteAsync(product.Id, product.Name, DataProductDashboard.Services.Trail.Actor.System, default);

        // Two batch files, the model, its reference data, its profile and its two error models: in the database and in
        // the deleting instance's data directory.
        Assert.Equal(7, deleted.Files);
        await using var db = await a.DbFactory.CreateDbContextAsync();
        Assert.Empty(await db.SharedFiles.Select(f => f.Area + "/" + f.Name).ToListAsync());
        Assert.Equal(0, await db.SharedFileChunks.CountAsync());
        Assert.False(File.Exists(b.Store.PathFor(ReferenceProfileStore.Area, modelHash, ".json")));
        Assert.False(File.Exists(b.Store.PathFor(ModelCache.ErrorModels, ModelCache.SquaredName(modelHash), ".zip")));
    }

    [Fact]
    public void EffectiveFiles_Unset_IsTheDatabaseOnPostgreSqlAndTheDirectoryOnSqlite()
    {
        Assert.Equal(FileStorage.Database, new DatabaseOptions { Provider = DatabaseProvider.PostgreSql }.EffectiveFiles);
        Assert.Equal(FileStorage.Directory, new DatabaseOptions { Provider = DatabaseProvider.Sqlite }.EffectiveFiles);
        Assert.Equal(FileStorage.Directory, new DatabaseOptions { Provider = DatabaseProvider.PostgreSql, Files = FileStorage.Directory }.EffectiveFiles);
    }

    /// <summary>B on A's database (A's SQLite file, or A's PostgreSQL database), with its own data directory.</summary>
    private static Dictionary<string, string?> SameDatabase(ServiceHarness other)
    {
        var database = other.Get<IOptions<DatabaseOptions>>().Value;
        var settings = new Dictionary<string, string?>(InDatabase);
        if (database.Provider == DatabaseProvider.PostgreSql)
            settings["ConnectionStrings:Dashboard"] = database.ConnectionString;
        else
            settings["Dashboard:DatabaseFile"] = other.Options.Value.DatabasePath;
        return settings;
    }
}
