namespace Broadsheet.Features.Site;

/// <summary>
/// A path on this site ("/media/…"), as the newsroom may store it for a picture or a link: it starts with
/// one slash. "//host/…" and "/\host/…" are not paths but addresses on another host — browsers read a
/// backslash there as a slash — so a cover image or a channel link written that way would leave the site.
/// </summary>
public static class SitePath
{
    public static bool IsLocal(string path) =>
        path.Length > 0 && path[0] == '/' && (path.Length == 1 || path[1] is not ('/' or '\\'));
}
