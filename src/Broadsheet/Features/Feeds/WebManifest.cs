using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Broadsheet.Features.Feeds;

/// <summary>
/// /manifest.webmanifest: what a phone needs to put the paper on its home screen. The icon is the one
/// uploaded under Settings (square, so its rendition's width is its size); until there is one, the icons
/// the site ships with.
/// </summary>
public static partial class WebManifest
{
    public const string Path = "/manifest.webmanifest";

    /// <summary>The paper colour of the light theme: the address bar matches the page behind it.</summary>
    public const string ThemeColour = "#fbfaf6";

    public static ContentHttpResult Render(FeedRequest r)
    {
        var settings = r.Site.Settings;
        var icons = new List<object>();
        if (settings.IconPath is { } icon && Width().Match(icon) is { Success: true } m)
        {
            var size = m.Groups["w"].Value;
            icons.Add(new { src = icon, sizes = $"{size}x{size}", type = MediaType(icon), purpose = "any" });
        }
        else
        {
            icons.Add(new { src = "/favicon.svg", sizes = "any", type = "image/svg+xml", purpose = "any" });
            icons.Add(new { src = "/apple-touch-icon.png", sizes = "180x180", type = "image/png", purpose = "any" });
        }
        var name = settings.PublicationName;
        var manifest = new
        {
            name,
            // A home-screen label shows about a dozen characters; a longer name would be cut mid-word.
            short_name = name.Length <= 12 ? name : name.Split(' ', StringSplitOptions.RemoveEmptyEntries).OrderByDescending(w => w.Length).First(),
            lang = settings.Language,
            start_url = "/",
            scope = "/",
            display = "browser",
            background_color = ThemeColour,
            theme_color = ThemeColour,
            icons,
        };
        return TypedResults.Content(JsonSerializer.Serialize(manifest), "application/manifest+json; charset=utf-8");
    }

    private static string MediaType(string path) => System.IO.Path.GetExtension(path) switch
    {
        ".png" => "image/png",
        ".webp" => "image/webp",
        ".gif" => "image/gif",
        _ => "image/jpeg",
    };

    [GeneratedRegex(@"-(?<w>\d{1,5})w\.[a-z]+$")]
    private static partial Regex Width();
}
