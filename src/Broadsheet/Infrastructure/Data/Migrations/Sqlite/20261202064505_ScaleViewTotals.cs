using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Broadsheet.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ScaleViewTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ViewTotals",
                columns: table => new
                {
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Views = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ViewTotals", x => x.ArticleId);
                    table.ForeignKey(
                        name: "FK_ViewTotals_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Marked",
                table: "Articles",
                columns: new[] { "Status", "PublishedAt", "Id" },
                filter: "\"Prominence\" > 0");

            // The counts so far move with the table; the old column stays (never dropped while branches merge).
            migrationBuilder.Sql("""
                INSERT INTO "ViewTotals" ("ArticleId", "Views") SELECT "Id", "ViewCount" FROM "Articles" WHERE "ViewCount" > 0
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ViewTotals");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Marked",
                table: "Articles");
        }
    }
}
