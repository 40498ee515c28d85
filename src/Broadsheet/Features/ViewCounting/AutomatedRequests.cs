using System.Text.RegularExpressions;

namespace Broadsheet.Features.ViewCounting;

/// <summary>
/// Requests that are not a person reading: crawlers, link previews that fetch a page when a
/// link is pasted into a chat, headless browsers, and speculative prefetches. None of them count.
/// </summary>
public static partial class AutomatedRequests
{
    public static bool Recognise(HttpRequest request)
    {
        var agent = request.Headers.UserAgent.ToString();
        return agent.Length == 0 || KnownAgents().IsMatch(agent) || IsSpeculative(request.Headers);
    }

    /// <summary>Chromium sends Sec-Purpose (and older builds Purpose), Firefox X-Moz, Safari X-Purpose for its previews.</summary>
    private static bool IsSpeculative(IHeaderDictionary headers) =>
        Mentions(headers["Sec-Purpose"], "prefetch") || Mentions(headers["Sec-Purpose"], "prerender")
        || Mentions(headers["Purpose"], "prefetch") || Mentions(headers["X-Moz"], "prefetch")
        || Mentions(headers["X-Purpose"], "preview");

    private static bool Mentions(Microsoft.Extensions.Primitives.StringValues values, string word) =>
        values.ToString().Contains(word, StringComparison.OrdinalIgnoreCase);

    // "bot" alone catches Googlebot, bingbot, YandexBot, Twitterbot, TelegramBot, Slackbot, Discordbot,
    // LinkedInBot and most others; "(?<!cu)" spares the Cubot phones whose model names end up in Android
    // user agents. The named ones do not say "bot": chat apps and social networks fetching a preview.
    [GeneratedRegex(
        @"(?<!cu)bot|crawl|spider|slurp|preview|headless|lighthouse|facebookexternalhit|facebookcatalog|meta-externalagent|" +
        @"whatsapp|vkshare|skypeuripreview|embedly|outbrain|pinterest|snapchat|bitlyurl|flipboard|" +
        @"mediapartners-google|google-inspectiontool|feedfetcher|curl/|wget/|python-requests|python-urllib|go-http-client|" +
        @"java/|okhttp|libwww-perl|httpclient|node-fetch|axios/|scrapy|phantomjs|puppeteer|playwright|ptst/",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KnownAgents();
}
