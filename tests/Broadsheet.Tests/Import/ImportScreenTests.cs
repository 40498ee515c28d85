using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Broadsheet.Features.Accounts;
using Broadsheet.Features.Audit;
using Broadsheet.Features.Import;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Import;

/// <summary>
/// The newsroom's import screen, through its real form: an administrator uploads the WordPress export and a
/// zip of its uploads, watches the run, reads the report, and readers find the articles; everyone else is refused.
/// </summary>
public sealed class ImportScreenTests : IDisposable
{
    private const string Screen = "/newsroom/import";
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Import", "wordpress");
    private static string Export => Path.Combine(Fixture, "vecherniy-vestnik.wordpress.xml");

    private readonly BroadsheetApp app = new();
    private readonly string scratch = Directory.CreateTempSubdirectory("import-screen-").FullName;

    public ImportScreenTests() => app.Clock.Set(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));

    public void Dispose()
    {
        app.Dispose();
        Directory.Delete(scratch, recursive: true);
    }

    /// <summary>The fixture's uploads folder as an administrator would zip it (the folder itself at the top).</summary>
    private string UploadsZip()
    {
        var zip = Path.Combine(scratch, "uploads.zip");
        if (!File.Exists(zip)) ZipFile.CreateFromDirectory(Path.Combine(Fixture, "uploads"), zip, CompressionLevel.Fastest, includeBaseDirectory: true);
        return zip;
    }

    /// <summary>Fills in the screen's form as a browser sends it: the fields in the page's order, the files as file parts.</summary>
    private static async Task<HttpResponseMessage> StartAsync(HttpClient client, (string Name, byte[] Bytes)? export, (string Name, byte[] Bytes)? uploads = null, bool dryRun = false)
    {
        var page = await client.GetDocumentAsync(Screen);
        var form = page.QuerySelector("form.import-form")!;
        using var content = new MultipartFormDataContent();
        foreach (var field in form.QuerySelectorAll("input[name]").Cast<IHtmlInputElement>())
        {
            switch (field.Name)
            {
                case "Export":
                    if (export is { } e) content.Add(File(e), "Export", e.Name);
                    break;
                case "Uploads":
                    if (uploads is { } u) content.Add(File(u), "Uploads", u.Name);
                    break;
                case "DryRun":
                    if (dryRun) content.Add(new StringContent(field.Value), "DryRun");
                    break;
                default:
                    content.Add(new StringContent(field.Value), field.Name!);
                    break;
            }
        }
        return await client.PostAsync(form.GetAttribute("action") is { Length: > 0 } action ? action : Screen, content);

        static ByteArrayContent File((string Name, byte[] Bytes) file)
        {
            var part = new ByteArrayContent(file.Bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            return part;
        }
    }

    private static (string, byte[]) TheExport() => ("vecherniy-vestnik.wordpress.2026-12-01.xml", System.IO.File.ReadAllBytes(Export));

    /// <summary>Asks the progress endpoint, as the page's script does, until the run has ended; returns the run's page.</summary>
    private static async Task<IHtmlDocument> FinishedAsync(HttpClient client, string runPage)
    {
        for (var tries = 0; tries < 600; tries++)
        {
            using var response = await client.GetAsync(runPage + "?handler=progress");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            if (!json.RootElement.GetProperty("underway").GetBoolean()) return await client.GetDocumentAsync(runPage);
            await Task.Delay(200);
        }
        throw new Xunit.Sdk.XunitException($"{runPage} did not finish in two minutes");
    }

    private static string Row(IHtmlDocument page, string heading) =>
        page.QuerySelectorAll(".import-report__counts tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == heading).QuerySelector("td")!.TextContent.Trim();

    [Fact]
    public async Task An_administrator_uploads_the_export_and_its_pictures_watches_it_run_and_reads_the_report()
    {
        var admin = await app.SignedInAsync(StaffRoles.Admin);

        using var started = await StartAsync(admin, TheExport(), ("uploads.zip", await System.IO.File.ReadAllBytesAsync(UploadsZip())));

        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var runPage = started.Headers.Location!.OriginalString;
        Assert.Matches(@"^/newsroom/import/\d+$", runPage);
        var report = await FinishedAsync(admin, runPage);
        Assert.Contains("import-state--finished", report.QuerySelector(".import-run__state .import-state")!.ClassName);
        Assert.Contains("posts: 36", Row(report, "Imported (new)"));
        Assert.Contains("pictures: 1", Row(report, "Imported (new)"));
        Assert.Contains("authors: 2", Row(report, "Imported (new)"));
        Assert.True(int.Parse(Row(report, "Redirects created from old addresses"), System.Globalization.NumberStyles.AllowThousands,
            System.Globalization.CultureInfo.InvariantCulture) > 36);
        Assert.NotEmpty(report.QuerySelectorAll(".import-report__list li")); // what was skipped, and why
        Assert.Null(report.QuerySelector(".import-report__list--failed"));

        // Readers find the article at its new address, with the picture from the zip.
        var article = await app.WithDbAsync(db => db.Articles.AsNoTracking().Where(a => a.Title == "Избирком подвёл предварительные итоги выборов").OrderBy(a => a.PublishedAt).FirstAsync());
        var story = await app.GetPageAsync(PageUrl.Of(app, article));
        Assert.Equal(article.Title, story.QuerySelector("h1")!.TextContent.Trim());
        Assert.StartsWith("/media/uploads/", story.QuerySelector(".story__body figure img")!.GetAttribute("src"));

        // The run is listed with the past ones, the start is in the audit log, and the uploaded files are gone.
        var screen = await admin.GetDocumentAsync(Screen);
        Assert.Contains(screen.QuerySelectorAll(".import-runs a"), a => a.GetAttribute("href") == runPage);
        var audit = await app.WithDbAsync(db => db.AuditLog.AsNoTracking().Where(e => e.Action == AuditAction.ImportStart).ToListAsync());
        Assert.Contains("vecherniy-vestnik.wordpress.2026-12-01.xml", Assert.Single(audit).Details);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(app.DataDirectory, "imports")));

        // The same export again changes nothing, and says so.
        using var again = await StartAsync(admin, TheExport(), ("uploads.zip", await System.IO.File.ReadAllBytesAsync(UploadsZip())));
        var second = await FinishedAsync(admin, again.Headers.Location!.OriginalString);
        Assert.NotNull(second.QuerySelector(".import-report .desk__notice"));
        Assert.Equal("—", Row(second, "Imported (new)"));
    }

    [Fact]
    public async Task A_dry_run_reports_what_would_happen_and_writes_nothing()
    {
        var admin = await app.SignedInAsync(StaffRoles.Admin);

        using var started = await StartAsync(admin, TheExport(), dryRun: true);
        var report = await FinishedAsync(admin, started.Headers.Location!.OriginalString);

        Assert.Contains("posts: 36", Row(report, "Would be new"));
        Assert.Equal("Dry run: nothing was written", report.QuerySelector(".import-report h2")!.TextContent.Trim());
        Assert.False(await app.WithDbAsync(db => db.Articles.AnyAsync()));
        Assert.False(await app.WithDbAsync(db => db.ImportedItems.AnyAsync()));
        Assert.False(await app.WithDbAsync(db => db.ImportedLinks.AnyAsync()));
        Assert.False(await app.WithDbAsync(db => db.Media.AnyAsync()));
    }

    [Fact]
    public async Task A_file_that_is_not_an_export_gets_the_form_again_with_what_is_wrong()
    {
        var admin = await app.SignedInAsync(StaffRoles.Admin);
        var cases = new (string Name, byte[] Bytes, string Says)[]
        {
            ("photo.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3], "photo.jpg is not a WordPress export"),
            ("feed.xml", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>A feed</title><item><title>Post</title></item></channel></rss>"), "feed.xml is not a WordPress export"),
            ("broken.xml", Encoding.UTF8.GetBytes("this is not XML at all"), "broken.xml is not a WordPress export"),
        };
        foreach (var (name, bytes, says) in cases)
        {
            using var response = await StartAsync(admin, (name, bytes));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var page = await response.ParseAsync();
            Assert.Contains(says, page.QuerySelector(".desk-form__error")!.TextContent);
            Assert.NotNull(page.QuerySelector("form.import-form input[name=Export]"));
        }

        using (var noExport = await StartAsync(admin, null))
            Assert.Contains("Choose the export file", (await noExport.ParseAsync()).QuerySelector(".desk-form__error")!.TextContent);
        using (var badZip = await StartAsync(admin, TheExport(), ("uploads.zip", Encoding.UTF8.GetBytes("not a zip"))))
            Assert.Contains("uploads.zip is not a zip archive", (await badZip.ParseAsync()).QuerySelector(".desk-form__error")!.TextContent);

        Assert.False(await app.WithDbAsync(db => db.ImportRuns.AnyAsync()));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(app.DataDirectory, "imports")));
    }

    [Fact]
    public async Task A_second_import_is_refused_while_one_is_under_way_but_not_after_its_node_went_quiet()
    {
        var admin = await app.SignedInAsync(StaffRoles.Admin);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var other = await app.WithDbAsync(async db =>
        {
            var run = new ImportRun { StartedBy = "colleague@example.test", ExportName = "other.xml", Node = "another node", StartedAt = now, HeartbeatAt = now, State = ImportRunState.Running };
            db.ImportRuns.Add(run);
            await db.SaveChangesAsync();
            return run.Id;
        });

        var screen = await admin.GetDocumentAsync(Screen);
        Assert.Null(screen.QuerySelector("form.import-form"));
        Assert.Equal($"/newsroom/import/{other}", screen.QuerySelector(".desk__notice a")!.GetAttribute("href"));

        // A form opened before the other run started is refused when sent (any form's token will do: the sign-out button's).
        var token = screen.QuerySelector("form.newsroom-bar__out input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new ByteArrayContent(TheExport().Item2), "Export", "export.xml" } };
        using var refused = await admin.PostAsync(Screen, content);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("already under way", (await refused.ParseAsync()).QuerySelector(".desk-form__error")!.TextContent);
        Assert.Equal(1, await app.WithDbAsync(db => db.ImportRuns.CountAsync()));

        // Its node stopped saying it is alive: the run is over, and a new one may start.
        app.Clock.Advance(ImportRun.Silence + TimeSpan.FromSeconds(1));
        using var started = await StartAsync(admin, TheExport(), dryRun: true);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var quiet = await admin.GetDocumentAsync($"/newsroom/import/{other}");
        Assert.Contains("import-state--interrupted", quiet.QuerySelector(".import-run__state .import-state")!.ClassName);
    }

    [Fact]
    public async Task Only_administrators_may_open_or_post_the_screen()
    {
        foreach (var role in new[] { StaffRoles.Editor, StaffRoles.Author, StaffRoles.Moderator, StaffRoles.Reader })
        {
            var client = await app.SignedInAsync(role);
            using var get = await client.GetAsync(Screen);
            Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
            using var content = new MultipartFormDataContent { { new ByteArrayContent(TheExport().Item2), "Export", "export.xml" } };
            using var post = await client.PostAsync(Screen, content);
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        }
        using var anonymous = await app.Reader().GetAsync(Screen);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/sign-in", anonymous.Headers.Location!.OriginalString);

        // An administrator's post without the form's token is refused before anything is kept.
        var admin = await app.SignedInAsync(StaffRoles.Admin);
        using var forged = new MultipartFormDataContent { { new ByteArrayContent(TheExport().Item2), "Export", "export.xml" } };
        using var refused = await admin.PostAsync(Screen, forged);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.ImportRuns.AnyAsync()));
    }
}
