using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Broadsheet.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Comments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "BlockedUntil",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DisplayNameKey",
                table: "AspNetUsers",
                type: "character varying(80)",
                maxLength: 80,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "ArticleCommentPolicy",
                columns: table => new
                {
                    ArticleId = table.Column<int>(type: "integer", nullable: false),
                    HoldAll = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArticleCommentPolicy", x => x.ArticleId);
                    table.ForeignKey(
                        name: "FK_ArticleCommentPolicy_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Comment",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ArticleId = table.Column<int>(type: "integer", nullable: false),
                    AccountId = table.Column<string>(type: "text", nullable: true),
                    ParentId = table.Column<long>(type: "bigint", nullable: true),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Rule = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EditedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ModeratedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FlagCount = table.Column<int>(type: "integer", nullable: false),
                    Address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Comment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Comment_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Comment_AspNetUsers_AccountId",
                        column: x => x.AccountId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Comment_Comment_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Comment",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CommentRule",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Category = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Pattern = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Message = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommentRule", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CommentFlag",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CommentId = table.Column<long>(type: "bigint", nullable: false),
                    AccountId = table.Column<string>(type: "text", nullable: false),
                    Reason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommentFlag", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommentFlag_AspNetUsers_AccountId",
                        column: x => x.AccountId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CommentFlag_Comment_CommentId",
                        column: x => x.CommentId,
                        principalTable: "Comment",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "CommentRule",
                columns: new[] { "Id", "Action", "Category", "Kind", "Message", "Pattern" },
                values: new object[,]
                {
                    { -18, "Hold", "", "AllowedDomain", "", "wikipedia.org" },
                    { -17, "Hold", "personal data", "Pattern", "", "[\\w.+-]+@[\\w-]+\\.[\\w.]+" },
                    { -16, "Hold", "personal data", "Pattern", "", "(?:\\+?\\d[\\s()-]*){10,15}" },
                    { -15, "Hold", "spam", "Word", "", "казино" },
                    { -14, "Hold", "spam", "Word", "", "casino" },
                    { -13, "Hold", "spam", "Phrase", "", "заработок без вложений" },
                    { -12, "Hold", "spam", "Phrase", "", "earn money fast" },
                    { -11, "Hold", "spam", "Phrase", "", "buy now" },
                    { -10, "Hold", "extremism", "Phrase", "", "смерть всем" },
                    { -9, "Refuse", "extremism", "Phrase", "Calls to violence and extremism are against the rules.", "убить их всех" },
                    { -8, "Hold", "extremism", "Phrase", "", "death to" },
                    { -7, "Refuse", "extremism", "Phrase", "Calls to violence and extremism are against the rules.", "kill them all" },
                    { -6, "Refuse", "insults", "Word", "Insults are against the rules: please say it without them.", "мразь" },
                    { -5, "Refuse", "insults", "Word", "Insults are against the rules: please say it without them.", "дебил" },
                    { -4, "Refuse", "insults", "Word", "Insults are against the rules: please say it without them.", "идиот" },
                    { -3, "Hold", "insults", "Word", "", "scum" },
                    { -2, "Refuse", "insults", "Word", "Insults are against the rules: please say it without them.", "moron" },
                    { -1, "Refuse", "insults", "Word", "Insults are against the rules: please say it without them.", "idiot" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_DisplayNameKey",
                table: "AspNetUsers",
                column: "DisplayNameKey");

            migrationBuilder.CreateIndex(
                name: "IX_Comment_AccountId_CreatedAt",
                table: "Comment",
                columns: new[] { "AccountId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Comment_Address_CreatedAt",
                table: "Comment",
                columns: new[] { "Address", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Comment_ArticleId_Status_Id",
                table: "Comment",
                columns: new[] { "ArticleId", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Comment_ParentId",
                table: "Comment",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_Comment_Status_FlagCount",
                table: "Comment",
                columns: new[] { "Status", "FlagCount" });

            migrationBuilder.CreateIndex(
                name: "IX_CommentFlag_AccountId",
                table: "CommentFlag",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_CommentFlag_CommentId_AccountId",
                table: "CommentFlag",
                columns: new[] { "CommentId", "AccountId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ArticleCommentPolicy");

            migrationBuilder.DropTable(
                name: "CommentFlag");

            migrationBuilder.DropTable(
                name: "CommentRule");

            migrationBuilder.DropTable(
                name: "Comment");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_DisplayNameKey",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "BlockedUntil",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "DisplayNameKey",
                table: "AspNetUsers");
        }
    }
}
