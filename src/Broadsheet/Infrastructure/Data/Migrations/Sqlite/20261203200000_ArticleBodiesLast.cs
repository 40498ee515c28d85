using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Broadsheet.Infrastructure.Data.Migrations.Sqlite
{
    /// <summary>
    /// Rebuilds "Articles" with the body and its HTML as the last columns. SQLite stores a row's columns in order and
    /// spills a long row to overflow pages, so with "Body" fourth every teaser, sitemap row and feed entry that wanted
    /// "CoverImage" or "UpdatedAt" walked the whole body page by page. The rebuild copies every article once (minutes
    /// at a million); EF's own table rebuilds follow the model's order, which would put the body back: a test guards it.
    /// </summary>
    public partial class ArticleBodiesLast : Migration
    {
        private const string Columns = """
            "Id", "Slug", "Title", "Lead", "Kind", "Status", "Language", "DatelineCity", "CoverImage", "CoverAlt", "CoverCaption",
            "PublishedAt", "UpdatedAt", "CreatedAt", "Prominence", "CommentsEnabled", "ViewCount", "Version", "Live", "Body", "BodyHtml"
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // As EF's rebuilds do: with foreign keys on, dropping the table would delete every row that points at it.
            migrationBuilder.Sql("PRAGMA foreign_keys = 0;", suppressTransaction: true);
            migrationBuilder.Sql("""
                CREATE TABLE "ef_temp_Articles" (
                    "Id" INTEGER NOT NULL CONSTRAINT "PK_Articles" PRIMARY KEY AUTOINCREMENT,
                    "Slug" TEXT NOT NULL,
                    "Title" TEXT NOT NULL,
                    "Lead" TEXT NOT NULL,
                    "Kind" TEXT NOT NULL,
                    "Status" TEXT NOT NULL,
                    "Language" TEXT NOT NULL,
                    "DatelineCity" TEXT NULL,
                    "CoverImage" TEXT NULL,
                    "CoverAlt" TEXT NULL,
                    "CoverCaption" TEXT NULL,
                    "PublishedAt" TEXT NULL,
                    "UpdatedAt" TEXT NULL,
                    "CreatedAt" TEXT NOT NULL,
                    "Prominence" INTEGER NOT NULL,
                    "CommentsEnabled" INTEGER NOT NULL,
                    "ViewCount" INTEGER NOT NULL,
                    "Version" TEXT NOT NULL,
                    "Live" INTEGER NOT NULL DEFAULT 0,
                    "Body" TEXT NOT NULL,
                    "BodyHtml" TEXT NOT NULL
                )
                """);
            migrationBuilder.Sql($"""INSERT INTO "ef_temp_Articles" ({Columns}) SELECT {Columns} FROM "Articles" ORDER BY "Id" """);
            // AUTOINCREMENT promises that a deleted article's number is never given again: carry the counter over, not max(Id).
            migrationBuilder.Sql("""
                DELETE FROM "sqlite_sequence" WHERE "name" = 'ef_temp_Articles';
                INSERT INTO "sqlite_sequence" ("name", "seq") SELECT 'ef_temp_Articles', "seq" FROM "sqlite_sequence" WHERE "name" = 'Articles';
                """);
            migrationBuilder.Sql("""DROP TABLE "Articles" """);
            migrationBuilder.Sql("""ALTER TABLE "ef_temp_Articles" RENAME TO "Articles" """);
            migrationBuilder.Sql("""CREATE UNIQUE INDEX "IX_Articles_Slug" ON "Articles" ("Slug")""");
            migrationBuilder.Sql("""CREATE INDEX "IX_Articles_Status_PublishedAt_Id" ON "Articles" ("Status", "PublishedAt", "Id")""");
            migrationBuilder.Sql("""CREATE INDEX "IX_Articles_Marked" ON "Articles" ("Status", "PublishedAt", "Id") WHERE "Prominence" > 0""");
            migrationBuilder.Sql("""CREATE INDEX "IX_Articles_Versions" ON "Articles" ("Id", "Version")""");
            foreach (var trigger in ScaleColdSitemapMonths.Triggers) migrationBuilder.Sql(trigger);
            migrationBuilder.Sql("PRAGMA foreign_keys = 1;", suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The order of columns is not part of the model: going back needs no second copy of every article.
        }
    }
}
