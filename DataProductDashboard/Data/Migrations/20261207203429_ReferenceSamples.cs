using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DataProductDashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReferenceSamples : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReferenceSamples",
                columns: table => new
                {
                    BatchId = table.Column<int>(type: "INTEGER", nullable: false),
                    Payload = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferenceSamples", x => x.BatchId);
                    table.ForeignKey(
                        name: "FK_ReferenceSamples_Batches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "Batches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReferenceSamples");
        }
    }
}
