using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Broadsheet.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PostgresSearchByMonth : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A word in half the articles matched tens of thousands of rows, and PostgreSQL had to visit every one
            // of them to count, rank and sort (p99 264 ms at 100,000 articles). PostgresArticleSearch now ranks the
            // newest matches, found month by month: each article's month (since January 2000, UTC, of its
            // publication or creation) sits beside its words in one GIN index, so "this word, since that month"
            // is answered inside the index and only the rows it names are read. btree_gin lets a GIN index hold
            // the integer; it is a trusted extension, which a database owner may create.
            // Like "SearchVector", the column lives only in the database, outside the EF model.
            migrationBuilder.Sql("""
                CREATE EXTENSION IF NOT EXISTS btree_gin;
                ALTER TABLE "Articles" ADD COLUMN "SearchMonth" integer GENERATED ALWAYS AS (
                    ((extract(year FROM coalesce("PublishedAt", "CreatedAt") AT TIME ZONE 'UTC') - 2000) * 12
                        + extract(month FROM coalesce("PublishedAt", "CreatedAt") AT TIME ZONE 'UTC'))::integer
                ) STORED;
                DROP INDEX "IX_Articles_SearchVector";
                CREATE INDEX "IX_Articles_Search" ON "Articles" USING GIN ("SearchVector", "SearchMonth");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX "IX_Articles_Search";
                ALTER TABLE "Articles" DROP COLUMN "SearchMonth";
                CREATE INDEX "IX_Articles_SearchVector" ON "Articles" USING GIN ("SearchVector");
                """);
        }
    }
}
