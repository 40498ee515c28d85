using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Broadsheet.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ScaleColdSitemapMonths : Migration
    {
        /// <summary>The month counts' triggers on "Articles"; ArticleBodiesLast creates them again after it rebuilds the table.</summary>
        internal static readonly string[] Triggers =
        [
            """
                CREATE TRIGGER "SitemapMonths_Insert" AFTER INSERT ON "Articles"
                WHEN NEW."Status" = 'Published' AND NEW."PublishedAt" IS NOT NULL
                BEGIN
                    INSERT INTO "SitemapMonths" ("Year", "Month", "Articles", "LastChange")
                    VALUES (CAST(substr(NEW."PublishedAt", 1, 4) AS INTEGER), CAST(substr(NEW."PublishedAt", 6, 2) AS INTEGER), 1,
                            max(NEW."PublishedAt", COALESCE(NEW."UpdatedAt", NEW."PublishedAt")))
                    ON CONFLICT ("Year", "Month") DO UPDATE SET "Articles" = "Articles" + 1, "LastChange" = max("LastChange", excluded."LastChange");
                END
                """,
            """
                CREATE TRIGGER "SitemapMonths_Delete" AFTER DELETE ON "Articles"
                WHEN OLD."Status" = 'Published' AND OLD."PublishedAt" IS NOT NULL
                BEGIN
                    UPDATE "SitemapMonths" SET "Articles" = "Articles" - 1
                    WHERE "Year" = CAST(substr(OLD."PublishedAt", 1, 4) AS INTEGER) AND "Month" = CAST(substr(OLD."PublishedAt", 6, 2) AS INTEGER);
                END
                """,
            // An update leaves the old month (if it was counted there) and enters the new one; a correction does both in one month.
            """
                CREATE TRIGGER "SitemapMonths_Update" AFTER UPDATE OF "Status", "PublishedAt", "UpdatedAt" ON "Articles"
                WHEN (OLD."Status" = 'Published' AND OLD."PublishedAt" IS NOT NULL) OR (NEW."Status" = 'Published' AND NEW."PublishedAt" IS NOT NULL)
                BEGIN
                    UPDATE "SitemapMonths" SET "Articles" = "Articles" - 1
                    WHERE OLD."Status" = 'Published' AND OLD."PublishedAt" IS NOT NULL
                      AND "Year" = CAST(substr(OLD."PublishedAt", 1, 4) AS INTEGER) AND "Month" = CAST(substr(OLD."PublishedAt", 6, 2) AS INTEGER);
                    INSERT INTO "SitemapMonths" ("Year", "Month", "Articles", "LastChange")
                    SELECT CAST(substr(NEW."PublishedAt", 1, 4) AS INTEGER), CAST(substr(NEW."PublishedAt", 6, 2) AS INTEGER), 1,
                           max(NEW."PublishedAt", COALESCE(NEW."UpdatedAt", NEW."PublishedAt"))
                    WHERE NEW."Status" = 'Published' AND NEW."PublishedAt" IS NOT NULL
                    ON CONFLICT ("Year", "Month") DO UPDATE SET "Articles" = "Articles" + 1, "LastChange" = max("LastChange", excluded."LastChange");
                END
                """,
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SitemapMonths",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Articles = table.Column<int>(type: "INTEGER", nullable: false),
                    LastChange = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SitemapMonths", x => new { x.Year, x.Month });
                });

            // The database keeps each month's count itself, so that every writer of "Articles" keeps it true (see SitemapMonth).
            // Dates are stored as 'yyyy-MM-dd HH:mm:ss…' text; max() of two such texts is the later time.
            migrationBuilder.Sql("""
                INSERT INTO "SitemapMonths" ("Year", "Month", "Articles", "LastChange")
                SELECT CAST(substr("PublishedAt", 1, 4) AS INTEGER), CAST(substr("PublishedAt", 6, 2) AS INTEGER), COUNT(*),
                       MAX(max("PublishedAt", COALESCE("UpdatedAt", "PublishedAt")))
                FROM "Articles" WHERE "Status" = 'Published' AND "PublishedAt" IS NOT NULL
                GROUP BY 1, 2
                """);
            foreach (var trigger in Triggers) migrationBuilder.Sql(trigger);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "SitemapMonths_Insert" """);
            migrationBuilder.Sql("""DROP TRIGGER "SitemapMonths_Delete" """);
            migrationBuilder.Sql("""DROP TRIGGER "SitemapMonths_Update" """);
            migrationBuilder.DropTable(
                name: "SitemapMonths");
        }
    }
}
