using Broadsheet.Features.Articles;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Broadsheet.Features.Pages;

/// <summary>
/// Site pages live at the root (/about, /privacy) because that is where readers and the consent
/// line under the comment form look for them. The route /{slug} is the least specific one the site
/// has, so it never hides an article, a section or a feed; what it must not do is take a name one of
/// those answers first, or the page would be saved and never seen. Those names are read from the
/// routes themselves, so a feature added later is covered without a list to keep.
/// </summary>
public sealed class SitePageAddress(EndpointDataSource endpoints, IWebHostEnvironment environment)
{
    public const int MaxLength = 80;

    /// <summary>Well formed: a slug, and not only digits (a bare year reads as the archive).</summary>
    public static bool IsWellFormed(string? slug) =>
        Slug.IsWellFormed(slug) && slug!.Length <= MaxLength && slug.Any(c => c is >= 'a' and <= 'z');

    /// <summary>True when the site already answers /{slug} or a path under it (a page, a feed, a static file or folder).</summary>
    public bool IsTaken(string slug)
    {
        if (slug is "media" or "api" or "error") return true;
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.RoutePattern.PathSegments is not [var first, ..] || first.Parts is not [RoutePatternLiteralPart literal]) continue;
            if (literal.Content.Equals(slug, StringComparison.OrdinalIgnoreCase)) return true;
        }
        var files = environment.WebRootFileProvider;
        return files.GetFileInfo(slug).Exists || files.GetDirectoryContents(slug).Exists;
    }
}
