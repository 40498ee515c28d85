using Broadsheet.Features.Site;

namespace Broadsheet.Features.Accounts;

/// <summary>
/// Where a reader goes back to after signing up, confirming or signing in (the article and the comment
/// being written): a path on this site only, so no link can send a reader who just signed in elsewhere.
/// </summary>
public static class ReturnPath
{
    public static string? Checked(string? path) => path is { Length: <= 2000 } && SitePath.IsLocal(path) ? path : null;

    public static string Or(string? path, string fallback) => Checked(path) ?? fallback;

    /// <summary>"?ReturnUrl=…" for a link to the next account page, or nothing when there is no good path to carry.</summary>
    public static string Query(string? path) => Checked(path) is { } good ? "?ReturnUrl=" + Uri.EscapeDataString(good) : "";
}
