using System.Globalization;
using Broadsheet.Bench;

// dotnet run -c Release --project bench/Broadsheet.Bench -- BENCHMARK [ARGUMENTS]; bench/search.sh and
// bench/comment-rules.sh call it this way. Each prints its figures and exits; see docs/PERFORMANCE.md.
return args switch
{
    ["comment-rules"] => CommentRules(),
    ["search"] => await SearchAsync(100_000, "lucene"),
    ["search", var articles] when Count(articles) is { } count => await SearchAsync(count, "lucene"),
    ["search", var articles, var engine] when Count(articles) is { } count => await SearchAsync(count, engine),
    ["search-index", var folder] when Directory.Exists(folder) => SearchIndex(folder),
    ["search-database"] => await SearchAgainAsync(),
    ["site-words", var articles, var forms] when Count(articles) is { } count && Count(forms) is { } formCount =>
        await SiteWordsBench.RunAsync(count, formCount, Console.Out),
    _ => Usage(),
};

static int CommentRules()
{
    CommentRulesBench.Run(Console.Out);
    return 0;
}

static int SearchIndex(string folder)
{
    SearchBench.RunExisting(folder, Console.Out);
    return 0;
}

static async Task<int> SearchAsync(int articles, string engine)
{
    switch (engine)
    {
        case "lucene":
            SearchBench.Run(articles, Console.Out);
            return 0;
        case "postgres":
            var connection = Environment.GetEnvironmentVariable("ConnectionStrings__Broadsheet");
            if (string.IsNullOrWhiteSpace(connection))
            {
                Console.Error.WriteLine("search ARTICLES postgres needs ConnectionStrings__Broadsheet: an empty database to fill (bench/search.sh makes one).");
                return 2;
            }
            return await SearchBench.RunPostgresAsync(connection, articles, Console.Out);
        default:
            return Usage();
    }
}

static async Task<int> SearchAgainAsync()
{
    var connection = Environment.GetEnvironmentVariable("ConnectionStrings__Broadsheet");
    if (string.IsNullOrWhiteSpace(connection))
    {
        Console.Error.WriteLine("search-database needs ConnectionStrings__Broadsheet: a database an earlier search run kept (bench/search.sh's KEEP=1).");
        return 2;
    }
    return await SearchBench.RunPostgresAgainAsync(connection, Console.Out);
}

static int? Count(string text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;

static int Usage()
{
    Console.Error.WriteLine("""
        usage: Broadsheet.Bench BENCHMARK [ARGUMENTS]
          search [ARTICLES] [lucene|postgres]   index ARTICLES generated articles (100,000), then time 3,000 queries;
                                                postgres fills the empty database in ConnectionStrings__Broadsheet
          search-index FOLDER                   time the same queries against an index the site built (DATA/search-index)
          search-database                       time them against the PostgreSQL database a search run kept
          comment-rules                         time one comment's check against a large rule book
          site-words ARTICLES FORMS             the spelling words of ARTICLES generated articles drawn from FORMS made-up
                                                forms: read whole, then each of 30 publications followed
        """);
    return 2;
}
