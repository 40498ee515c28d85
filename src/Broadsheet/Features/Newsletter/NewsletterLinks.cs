using Broadsheet.Infrastructure;

namespace Broadsheet.Features.Newsletter;

/// <summary>
/// Absolute links for mail. A mail is read far from the request that caused it, and digests are
/// sent by a background job with no request at all, so Broadsheet:PublicUrl is what counts;
/// without it a sign-up uses its own request's origin and the background job localhost.
/// </summary>
public sealed class NewsletterLinks(BroadsheetOptions options, NewsletterTokens tokens)
{
    public string Origin(HttpRequest? request = null) =>
        options.PublicUrl is { Length: > 0 } configured ? configured.TrimEnd('/')
        : request is not null ? $"{request.Scheme}://{request.Host}"
        : "http://localhost";

    public string Confirm(string origin, string token) => $"{origin}/newsletter/confirm?token={Uri.EscapeDataString(token)}";

    public string Unsubscribe(string origin, int subscriberId) =>
        $"{origin}/newsletter/unsubscribe?token={Uri.EscapeDataString(tokens.ForManaging(subscriberId))}";

    public string Preferences(string origin, int subscriberId) =>
        $"{origin}/newsletter/preferences?token={Uri.EscapeDataString(tokens.ForManaging(subscriberId))}";
}
