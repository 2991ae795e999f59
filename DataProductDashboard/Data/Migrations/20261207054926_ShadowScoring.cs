using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DataProductDashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class ShadowScoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MetricPoints_BatchLevel",
                table: "MetricPoints");

            migrationBuilder.AddColumn<string>(
                name: "Features",
                table: "ModelVersions",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Parameters",
                table: "ModelVersions",
                type: "TEXT",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AddColumn<DateTime>(
                name: "TrainingFrom",
                table: "ModelVersions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "TrainingTo",
                table: "ModelVersions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Shadow",
                table: "MetricPoints",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ShadowPredictions",
                columns: table => new
                {
                    BatchId = table.Column<int>(type: "INTEGER", nullable: false),
                    ModelVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    RowIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    Predicted = table.Column<double>(type: "REAL", nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShadowPredictions", x => new { x.BatchId, x.ModelVersionId, x.RowIndex });
                    table.ForeignKey(
                        name: "FK_ShadowPredictions_Batches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "Batches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ShadowPredictions_ModelVersions_ModelVersionId",
                        column: x => x.ModelVersionId,
                        principalTable: "ModelVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MetricPoints_BatchLevel",
                table: "MetricPoints",
                columns: new[] { "ProductId", "MetricKey", "At", "BatchId", "Value" },
                filter: "\"Column\" IS NULL AND \"Segment\" IS NULL AND NOT \"Shadow\"");

            migrationBuilder.CreateIndex(
                name: "IX_ShadowPredictions_ModelVersionId",
                table: "ShadowPredictions",
                column: "ModelVersionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ShadowPredictions");

            migrationBuilder.DropIndex(
                name: "IX_MetricPoints_BatchLevel",
                table: "MetricPoints");

            migrationBuilder.DropColumn(
                name: "Features",
                table: "ModelVersions");

            migrationBuilder.DropColumn(
                name: "Parameters",
                table: "ModelVersions");

            migrationBuilder.DropColumn(
                name: "TrainingFrom",
                table: "ModelVersions");

            migrationBuilder.DropColumn(
                name: "TrainingTo",
                table: "ModelVersions");

            migrationBuilder.DropColumn(
                name: "Shadow",
                table: "MetricPoints");

            migrationBuilder.CreateIndex(
                name: "IX_MetricPoints_BatchLevel",
                table: "MetricPoints",
                columns: new[] { "ProductId", "MetricKey", "At", "BatchId", "Value" },
                filter: "\"Column\" IS NULL AND \"Segment\" IS NULL");
        }
    }
}
