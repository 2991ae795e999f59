using System;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DataProductDashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class BatchUploadedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "UploadedAt",
                table: "Batches",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            // Batches stored before this knew only ReceivedAt, which is a backfill's newest event time. Their upload time
            // is taken as ReceivedAt, except for backfills, which count from now: the retention setting must not remove
            // history just loaded because its events are old.
            migrationBuilder.Sql("""
                UPDATE "Batches" SET "UploadedAt" = "ReceivedAt" WHERE NOT "Backfill";
                """);
            migrationBuilder.Sql(migrationBuilder.IsSqlite()
                ? """UPDATE "Batches" SET "UploadedAt" = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE "Backfill";"""
                : """UPDATE "Batches" SET "UploadedAt" = now() at time zone 'utc' WHERE "Backfill";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "UploadedAt",
                table: "Batches");
        }
    }
}
