using System.Net;
using System.Text;
using Broadsheet.Features.Site;

namespace Broadsheet.Features.Live;

/// <summary>
/// An entry's markup, written in one place for the page and for the stream, so an entry that arrives
/// while the page is open looks exactly like one that was there when it loaded.
/// </summary>
public sealed class LiveEntryHtml(SiteContext site, string pageUrl)
{
    private readonly LiveText text = LiveText.For(site);

    public string Render(LiveEntry entry)
    {
        var id = Anchor(entry.Id);
        var link = $"{pageUrl}#{id}";
        var local = site.ToLocal(entry.PostedAt);
        var b = new StringBuilder(entry.BodyHtml.Length + 700);
        b.Append("<article class=\"live-entry").Append(entry.IsKeyEvent ? " live-entry--key" : "")
            .Append("\" id=\"").Append(id).Append("\" data-change=\"").Append(entry.Change).Append('"');
        if (entry.IsKeyEvent) b.Append(" data-title=\"").Append(E(KeyEventTitle(entry))).Append('"');
        b.Append('>');
        b.Append("<header class=\"live-entry__head\"><a class=\"live-entry__time\" id=\"").Append(id).Append("-time\" href=\"#").Append(id).Append("\">")
            .Append("<time datetime=\"").Append(site.MachineTime(entry.PostedAt)).Append("\" title=\"").Append(E(site.FormatTime(entry.PostedAt))).Append("\">")
            .Append(local.ToString("HH:mm", site.Culture)).Append("</time></a>");
        if (entry.AuthorName.Length > 0) b.Append(" <span class=\"live-entry__author\">").Append(E(entry.AuthorName)).Append("</span>");
        if (entry.EditedAt is { } edited)
            b.Append(" <span class=\"live-entry__edited\" title=\"").Append(E(site.FormatTime(edited))).Append("\">").Append(E(text.Edited)).Append("</span>");
        b.Append("</header>");
        if (entry.Headline is { Length: > 0 } headline) b.Append("<h3 class=\"live-entry__headline\">").Append(E(headline)).Append("</h3>");
        b.Append("<div class=\"live-entry__body\">").Append(entry.BodyHtml).Append("</div>");
        b.Append("<p class=\"live-entry__share\"><a href=\"").Append(E(link)).Append("\" data-live-copy=\"").Append(E(link)).Append("\" data-done=\"")
            .Append(E(text.LinkCopied)).Append("\">").Append(E(text.LinkToUpdate)).Append("</a></p>");
        b.Append("</article>");
        return b.ToString();
    }

    public static string Anchor(int entryId) => $"update-{entryId}";

    /// <summary>How a key event is listed at the top: its headline, else the start of its text.</summary>
    public static string KeyEventTitle(LiveEntry entry)
    {
        if (entry.Headline is { Length: > 0 } headline) return headline;
        var plain = System.Text.RegularExpressions.Regex.Replace(entry.BodyHtml, "<[^>]+>", " ");
        plain = WebUtility.HtmlDecode(string.Join(' ', plain.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        return plain.Length <= 90 ? plain : plain[..90].TrimEnd() + "…";
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
