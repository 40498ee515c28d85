using Broadsheet.Features.Site;

namespace Broadsheet.Features.Newsletter;

/// <summary>
/// Absolute links for mail. A mail is read far from the request that caused it, and digests are
/// sent by a background job with no request at all, so the links start with the public address
/// (<see cref="PublicOrigin"/>), never with the host a request named. While that address is unknown
/// <see cref="OriginAsync"/> answers null and no newsletter mail goes out.
/// </summary>
public sealed class NewsletterLinks(PublicOrigin publicOrigin, NewsletterTokens tokens)
{
    public ValueTask<string?> OriginAsync(string what, CancellationToken ct) => publicOrigin.ForLinksOutAsync(what, ct);

    public string Confirm(string origin, string token) => $"{origin}/newsletter/confirm?token={Uri.EscapeDataString(token)}";

    public string Unsubscribe(string origin, int subscriberId) =>
        $"{origin}/newsletter/unsubscribe?token={Uri.EscapeDataString(tokens.ForManaging(subscriberId))}";

    public string Preferences(string origin, int subscriberId) =>
        $"{origin}/newsletter/preferences?token={Uri.EscapeDataString(tokens.ForManaging(subscriberId))}";
}
