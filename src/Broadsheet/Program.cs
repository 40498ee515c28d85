using Broadsheet.Features.Accounts;
using Broadsheet.Features.Archive;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Channels;
using Broadsheet.Features.Comments;
using Broadsheet.Features.Demo;
using Broadsheet.Features.Feeds;
using Broadsheet.Features.Import;
using Broadsheet.Features.Live;
using Broadsheet.Features.Moderation;
using Broadsheet.Features.Newsroom;
using Broadsheet.Features.Newsletter;
using Broadsheet.Features.Search;
using Broadsheet.Features.Site;
using Broadsheet.Features.TypoReports;
using Broadsheet.Features.ViewCounting;
using Broadsheet.Infrastructure.Caching;
using Broadsheet.Infrastructure.Commands;
using Broadsheet.Infrastructure.Compression;
using Broadsheet.Infrastructure.Data;
using Broadsheet.Infrastructure.Health;
using Broadsheet.Infrastructure.Jobs;
using Broadsheet.Infrastructure.Mail;
using Broadsheet.Infrastructure.Media;
using Broadsheet.Infrastructure.Redis;
using Broadsheet.Infrastructure.Telemetry;
using Broadsheet.Infrastructure;

// The commands, run instead of the web server; `--help` lists them. Paths and other arguments are
// positional, options are configuration (--Broadsheet:DataDirectory=…), and nothing else is accepted.
var commandLine = CommandLine.Parse(args, [
    new("migrate", "", "apply the database migrations, then exit", DatabaseStartup.MigrateCommandAsync),
    new("backup", "FILE", "copy the SQLite database, online, to a new FILE", SqliteBackup.RunCommandAsync),
    new("reindex", "", "rebuild the Lucene search index from the database (stop the site first)", SearchCommands.ReindexCommandAsync),
    ImportCommand.Command,
], Console.Out, Console.Error);
if (commandLine.ExitCode is { } answered) { Environment.ExitCode = answered; return; }

var builder = WebApplication.CreateBuilder(commandLine.Configuration);
var options = (builder.Configuration.GetSection("Broadsheet").Get<BroadsheetOptions>() ?? new BroadsheetOptions()).ResolvedAgainst(builder.Environment.ContentRootPath);
builder.AddTelemetry();
builder.Services.AddSingleton(options);
builder.Services.AddSingleton(TimeProvider.System);

builder.WebHost.ConfigureKestrel(k =>
{
    k.AddServerHeader = false;
    k.Limits.MaxRequestBodySize = 1024 * 1024;
    k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
    k.Limits.MaxRequestLineSize = 16 * 1024; // room for a pasted paragraph in the search box; the search cuts it short
});
builder.Services.AddBroadsheetData(builder.Configuration, options);
var redis = builder.Services.AddRedisLink(options);
builder.Services.AddJobs();
builder.Services.AddShutdownDrain(options);
builder.Services.AddWriteProbe();
builder.Services.AddKeyRing(options, redis);
builder.Services.AddSite(options);
builder.Services.AddPageCache(redis, options);
builder.Services.AddPageCompression();
builder.Services.AddModeration();
builder.Services.AddArticles();
builder.Services.AddArchive();
builder.Services.AddViewCounting();
builder.Services.AddMail(builder.Configuration);
builder.Services.AddNewsletter(builder.Configuration);
builder.Services.AddChannels(builder.Configuration);
builder.Services.AddTypoReports(builder.Configuration);
builder.Services.AddSearch(options, forCommand: commandLine.Command is not null);
builder.Services.AddDemoPublication();
builder.Services.AddRazorPages(o => o.RootDirectory = "/Features");
builder.Services.AddAccounts(builder.Configuration);
builder.Services.AddNewsroom();
builder.Services.AddComments(builder.Configuration);
builder.Services.AddLive(builder.Configuration);
builder.Services.AddImport();

var app = builder.Build();
if (commandLine.Command is null)
{
    await app.PrepareDatabaseAsync();
    await app.PrepareSettingsAsync();
    await app.SeedDemoAsync();
}

app.UseTrustedProxies();
app.UsePublicHostFilter();
if (!app.Environment.IsDevelopment()) app.UseHsts();
app.UseSecurityHeaders();
app.UseErrorPages();
app.UseResponseCompression();
app.UseSite();
app.UseStaticFiles();
app.UseMediaFiles(options);
app.UseOldLinks();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseReplicaRouting(builder.Configuration);
app.UsePageCacheMetrics(cache => { if (options.PageCache) cache.UseOutputCache(); });
app.UseRateLimiter();
app.MapRazorPages();
app.MapViewCounting();
app.MapTypoReports();
app.MapComments();
app.MapLive();
app.MapNewsroom();
app.MapFeeds();
app.MapNewsletter();
app.MapChannels();
app.MapHealth();
app.MapTelemetry();
// A command runs with the routes mapped but no server: the WordPress import must know which addresses the site
// answers (SitePageAddress). UseEndpoints is what hands the mapped routes to the routing services; the server would.
if (commandLine.Command is not null)
{
    app.UseEndpoints(_ => { });
    Environment.ExitCode = await commandLine.RunAsync(app);
    return;
}
app.LogSiteAddress();

app.Run();

public partial class Program;
