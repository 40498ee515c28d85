namespace Broadsheet.Infrastructure;

/// <summary>The "Broadsheet" configuration section.</summary>
public sealed class BroadsheetOptions
{
    /// <summary>The data folder; a relative one is resolved against the content root (see <see cref="DataPath"/>).</summary>
    public string DataDirectory { get; set; } = "./data";
    public string Database { get; set; } = "sqlite";

    /// <summary>PostgreSQL (with search on its full-text search) rather than the SQLite file (with the Lucene index).</summary>
    public bool OnPostgres => Database.Equals("postgres", StringComparison.OrdinalIgnoreCase);
    public bool SeedDemo { get; set; } = true;

    /// <summary>Apply migrations when the app starts; off for operators who run `migrate` themselves.</summary>
    public bool MigrateOnStart { get; set; } = true;
    public string DemoLanguage { get; set; } = "en";

    /// <summary>How many articles the demo publication gets; the benchmark seeds 10,000 and more.</summary>
    public int DemoArticles { get; set; } = 330;

    /// <summary>Output caching of reader pages; off only to measure what the cache is worth.</summary>
    public bool PageCache { get; set; } = true;

    /// <summary>
    /// The data memos under the page cache (<c>ArticleMemo</c>, <c>ListingMemo</c>); off only to measure a cold
    /// render, every page loaded from the database as after a publication (bench/cold.sh).
    /// </summary>
    public bool Memos { get; set; } = true;

    /// <summary>
    /// The public address (https://news.example): the only source of every absolute link, in mail,
    /// feeds, sitemaps and canonical tags. When unset, the administrator enters it at first start and
    /// it is kept in the site settings; this setting wins over that. See Features/Site/PublicOrigin.cs.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>
    /// Proxies whose X-Forwarded-For/-Proto are believed: addresses (127.0.0.1) or networks
    /// (10.0.0.0/8). Empty by default, and loopback is not implied: a proxy on the same machine
    /// must be named too.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>The earlier name of <see cref="TrustedProxies"/>, still read so that existing configuration keeps working.</summary>
    public List<string> KnownProxies { get; set; } = [];

    public IEnumerable<string> AllTrustedProxies => TrustedProxies.Concat(KnownProxies);

    /// <summary>The administrator created on first start; there is no default password, only a one-time setup link in the log.</summary>
    public string AdminEmail { get; set; } = "admin@localhost";

    /// <summary>How often counted views are written to the database; pages show counts at most this much plus their cache lifetime late.</summary>
    public int ViewFlushSeconds { get; set; } = 10;

    /// <summary>StackExchange.Redis configuration ("127.0.0.1:6379"); set when several web nodes share the work.</summary>
    public string? Redis { get; set; }

    /// <summary>
    /// Put before every Redis pub/sub channel (evictions, article changes, live entries). Channels are shared by all
    /// of a Redis server's databases; unset, the prefix follows the database number (RedisLink.DefaultChannelPrefix),
    /// which is enough for sites that share a Redis in different databases. Every node of a site must have the same.
    /// </summary>
    public string? RedisChannelPrefix { get; set; }

    /// <summary>
    /// With Redis: keep cached pages there, one copy for every node, instead of in each node's memory.
    /// Off by default: a page from a node's own memory costs no network round trip, and evictions reach
    /// every node either way; on, a page is rendered once per eviction for all nodes instead of once per node.
    /// </summary>
    public bool PagesInRedis { get; set; }

    /// <summary>How long a node holds a background job's lease; another node takes over after it lapses.</summary>
    public int JobLeaseSeconds { get; set; } = 45;

    /// <summary>How often scheduled articles are looked for; with the lease this keeps each within a minute of its time.</summary>
    public int ScheduleSeconds { get; set; } = 15;

    /// <summary>
    /// How long a node that is told to stop keeps serving while /readyz answers 503, so the load balancer takes
    /// it out of rotation before it stops listening; cover at least the balancer's health-check interval times its fall count.
    /// </summary>
    public int ShutdownDrainSeconds { get; set; } = 5;

    private string contentRoot = Directory.GetCurrentDirectory();

    /// <summary>
    /// Where a relative <see cref="DataDirectory"/> is: the content root, the folder appsettings.json (which names
    /// ./data) and wwwroot are read from, rather than whatever directory the process happens to run in. It is the
    /// directory the app is started in unless --contentRoot says otherwise; `dotnet run --project src/Broadsheet`
    /// starts it in src/Broadsheet, so the data is src/Broadsheet/data.
    /// </summary>
    public BroadsheetOptions ResolvedAgainst(string contentRoot)
    {
        this.contentRoot = contentRoot;
        return this;
    }

    public string DataPath => Path.GetFullPath(DataDirectory, contentRoot);
    public string MediaPath => Path.Combine(DataPath, "media");
}
