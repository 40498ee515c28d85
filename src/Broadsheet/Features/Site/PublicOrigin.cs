using System.Collections.Concurrent;
using Broadsheet.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Broadsheet.Features.Site;

/// <summary>
/// The site's public address (scheme://host[:port], no trailing slash): the one source of every
/// absolute link — mail of every kind, feeds, sitemaps, robots.txt, canonical and Open Graph tags,
/// JSON-LD, Telegram posts, setup links. It is Broadsheet:PublicUrl or, when that is unset, what the
/// first administrator entered at setup (kept in the site settings row, so every node sees it);
/// configuration wins. It is never taken from the request: Host and X-Forwarded-Host are whatever
/// the client sends, and a password-reset link built from them leads to the sender's site.
/// </summary>
public sealed class PublicOrigin(BroadsheetOptions options, SiteSettingsStore settings, IServer server, ILogger<PublicOrigin> log)
{
    private readonly string? configured = Normalize(options.PublicUrl);
    private readonly ConcurrentDictionary<string, bool> withheld = new();
    private string? listening;

    /// <summary>Set in configuration, so setup and the settings screen do not ask for it.</summary>
    public bool IsConfigured => configured is not null;

    /// <summary>The public address, or null while nobody has said what it is. For request-time code, where the settings are loaded.</summary>
    public string? Known => configured ?? Normalize(settings.Current.Settings.PublicUrl);

    public async ValueTask<string?> KnownAsync(CancellationToken ct = default) =>
        configured ?? Normalize((await settings.GetAsync(ct)).Settings.PublicUrl);

    /// <summary>
    /// For what a page renders: canonical and Open Graph links, JSON-LD, feeds, sitemaps, robots.txt.
    /// While the address is unknown (the demo on a laptop, a site before its first setup) pages use the
    /// address the server listens on — http://localhost:5000 for `dotnet run` — or else
    /// http://localhost: right for the demo, wrong but harmless elsewhere, and never chosen by a client.
    /// </summary>
    public string ForPages => Known ?? Listening;

    /// <summary>
    /// For a link that leaves the site and is followed later, elsewhere (mail, Telegram): the public
    /// address, or null, and then the caller sends nothing. The listening address would point nowhere
    /// for a reader on another machine, and the request's would point wherever its sender likes; the
    /// first time each kind is held back the log says why, once.
    /// </summary>
    public async ValueTask<string?> ForLinksOutAsync(string what, CancellationToken ct = default)
    {
        if (await KnownAsync(ct) is { } origin)
        {
            if (!withheld.IsEmpty) withheld.Clear();
            return origin;
        }
        if (withheld.TryAdd(what, true))
            log.LogWarning("Not sending {What}: the site's public address is unknown, so its links would point nowhere. " +
                "Set Broadsheet:PublicUrl, or enter the address in the newsroom under Settings.", what);
        return null;
    }

    /// <summary>scheme://host[:port][/path] without a trailing slash; null unless <paramref name="url"/> is an absolute http(s) address with nothing after its path.</summary>
    public static string? Normalize(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var u)) return null;
        if (u.Scheme is not ("http" or "https") || u.UserInfo.Length > 0 || u.Query.Length > 0 || u.Fragment.Length > 0 || u.Host.Length == 0) return null;
        return u.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }

    private string Listening => listening ?? FromServer();

    /// <summary>Known once the server has started; until then (and under the test server, which listens nowhere) http://localhost.</summary>
    private string FromServer()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var first = addresses.OrderBy(a => a.StartsWith("https:", StringComparison.OrdinalIgnoreCase) ? 0 : 1).FirstOrDefault();
        if (first is null) return "http://localhost";
        var bound = BindingAddress.Parse(first);
        // A wildcard (0.0.0.0, [::], +, *) is no address a browser can use; on this machine it is localhost.
        var host = bound.Host is "0.0.0.0" or "[::]" or "+" or "*" ? "localhost" : bound.Host;
        return listening = Normalize($"{bound.Scheme}://{host}:{bound.Port}") ?? "http://localhost";
    }
}
