using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Broadsheet.Features.Site;
using MimeKit;

namespace Broadsheet.Features.Newsletter;

/// <summary>
/// Builds the newsletter's messages, each with an HTML and a plain-text part, and each with the
/// RFC 8058 one-click unsubscribe headers and a link to change preferences. Every reader- or
/// newsroom-written text is HTML-encoded here; MimeKit encodes the headers.
/// </summary>
public static class NewsletterMail
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public static MimeMessage Confirmation(SiteContext site, string to, string confirmUrl, string unsubscribeUrl)
    {
        var text = NewsletterText.For(site);
        var name = site.Settings.PublicationName;
        return Build(site, to, Format(text.ConfirmSubject, name), unsubscribeUrl, null,
            [Format(text.ConfirmMailText, name)], confirmUrl, text.ConfirmButton, [text.IgnoreIfNotYou], []);
    }

    public static MimeMessage AlreadySubscribed(SiteContext site, string to, string preferencesUrl, string unsubscribeUrl)
    {
        var text = NewsletterText.For(site);
        var name = site.Settings.PublicationName;
        return Build(site, to, Format(text.AlreadySubscribedSubject, name), unsubscribeUrl, null,
            [Format(text.AlreadySubscribedText, name)], preferencesUrl, text.ChangePreferences, [text.IgnoreIfNotYou], []);
    }

    /// <summary>
    /// The edition as every subscriber with the same news gets it: laid out and its CSS inlined once (the inlining
    /// is most of a letter's cost), then <see cref="DigestTemplate.For"/> puts in each reader's address and links.
    /// </summary>
    public static DigestTemplate Digest(SiteContext site, DigestKind kind, DateOnly edition, IReadOnlyList<DigestItem> items)
    {
        var text = NewsletterText.For(site);
        var heading = DigestLetter.Heading(site, kind, edition);
        var subject = string.Format(site.Culture, kind == DigestKind.Weekly ? text.WeeklySubject : text.DigestSubject,
            site.Settings.PublicationName, edition.ToDateTime(TimeOnly.MinValue));
        var (html, plain) = DigestLetter.Write(site, heading, items, DigestTemplate.UnsubscribeSlot, DigestTemplate.PreferencesSlot);
        return new DigestTemplate(OneLine(subject), html, plain);
    }

    /// <summary>
    /// A rendered edition with slots for the per-reader links. The slots are plain ASCII that neither the HTML
    /// encoder nor the CSS inliner changes, so each appears in the output exactly where the link was written.
    /// </summary>
    public sealed record DigestTemplate(string Subject, string Html, string Plain)
    {
        internal const string UnsubscribeSlot = "https://broadsheet.invalid/unsubscribe-slot";
        internal const string PreferencesSlot = "https://broadsheet.invalid/preferences-slot";

        public MimeMessage For(string to, string unsubscribeUrl, string preferencesUrl)
        {
            var message = new MimeMessage { Subject = Subject };
            message.To.Add(MailboxAddress.Parse(to));
            Unsubscribable(message, unsubscribeUrl);
            var html = Html.Replace(UnsubscribeSlot, NewsletterMail.Html.Encode(unsubscribeUrl), StringComparison.Ordinal)
                .Replace(PreferencesSlot, NewsletterMail.Html.Encode(preferencesUrl), StringComparison.Ordinal);
            var plain = Plain.Replace(UnsubscribeSlot, unsubscribeUrl, StringComparison.Ordinal)
                .Replace(PreferencesSlot, preferencesUrl, StringComparison.Ordinal);
            message.Body = new BodyBuilder { TextBody = plain, HtmlBody = html }.ToMessageBody();
            return message;
        }
    }

    // RFC 2369 and RFC 8058: mail clients show an "Unsubscribe" button and POST
    // "List-Unsubscribe=One-Click" to this address, with no cookies and no form token.
    private static void Unsubscribable(MimeMessage message, string unsubscribeUrl)
    {
        message.Headers.Add("List-Unsubscribe", $"<{unsubscribeUrl}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }

    public static MimeMessage Alert(SiteContext site, string to, DigestItem item, string unsubscribeUrl, string preferencesUrl)
    {
        var text = NewsletterText.For(site);
        return Build(site, to, Format(text.AlertSubject, item.Title), unsubscribeUrl, preferencesUrl, [], null, null, [], [item]);
    }

    private static MimeMessage Build(
        SiteContext site, string to, string subject, string unsubscribeUrl, string? preferencesUrl,
        string[] before, string? actionUrl, string? actionLabel, string[] after, IReadOnlyList<DigestItem> items)
    {
        var text = NewsletterText.For(site);
        var name = site.Settings.PublicationName;
        var message = new MimeMessage { Subject = OneLine(subject) };
        message.To.Add(MailboxAddress.Parse(to));
        Unsubscribable(message, unsubscribeUrl);

        var plain = new StringBuilder().Append(name).Append("\n\n");
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"").Append(site.IsRussian ? "ru" : "en").Append("\"><head><meta charset=\"utf-8\"><title>")
            .Append(Html.Encode(subject)).Append("</title></head><body style=\"font-family:Georgia,serif;max-width:640px;margin:auto\">")
            .Append("<h1 style=\"font-size:24px\">").Append(Html.Encode(name)).Append("</h1>");
        foreach (var p in before) { plain.Append(p).Append("\n\n"); html.Append("<p>").Append(Html.Encode(p)).Append("</p>"); }
        if (actionUrl is not null)
        {
            plain.Append(actionUrl).Append("\n\n");
            html.Append("<p><a href=\"").Append(Html.Encode(actionUrl)).Append("\">").Append(Html.Encode(actionLabel ?? actionUrl)).Append("</a></p>");
        }
        foreach (var p in after) { plain.Append(p).Append("\n\n"); html.Append("<p>").Append(Html.Encode(p)).Append("</p>"); }
        foreach (var item in items)
        {
            plain.Append(item.Title).Append('\n').Append(site.FormatTime(item.PublishedAt)).Append('\n');
            if (item.Teaser.Length > 0) plain.Append(item.Teaser).Append('\n');
            plain.Append(item.Url).Append("\n\n");
            html.Append("<article><h2 style=\"font-size:19px;margin-bottom:4px\"><a href=\"").Append(Html.Encode(item.Url)).Append("\">")
                .Append(Html.Encode(item.Title)).Append("</a></h2><p style=\"color:#666;font-size:13px;margin:0\">")
                .Append(Html.Encode(site.FormatTime(item.PublishedAt))).Append("</p>");
            if (item.Teaser.Length > 0) html.Append("<p>").Append(Html.Encode(item.Teaser)).Append("</p>");
            html.Append("<p><a href=\"").Append(Html.Encode(item.Url)).Append("\">").Append(Html.Encode(text.ReadMore)).Append("</a></p></article>");
        }
        plain.Append("--\n");
        html.Append("<hr><p style=\"font-size:13px;color:#666\">");
        if (preferencesUrl is not null)
        {
            plain.Append(text.ChangePreferences).Append(": ").Append(preferencesUrl).Append('\n');
            html.Append("<a href=\"").Append(Html.Encode(preferencesUrl)).Append("\">").Append(Html.Encode(text.ChangePreferences)).Append("</a> · ");
        }
        plain.Append(text.UnsubscribeLink).Append(": ").Append(unsubscribeUrl).Append('\n');
        html.Append("<a href=\"").Append(Html.Encode(unsubscribeUrl)).Append("\">").Append(Html.Encode(text.UnsubscribeLink)).Append("</a></p></body></html>");

        message.Body = new BodyBuilder { TextBody = plain.ToString(), HtmlBody = html.ToString() }.ToMessageBody();
        return message;
    }

    private static string Format(string pattern, string value) => string.Format(CultureInfo.InvariantCulture, pattern, value);

    /// <summary>A headline with a stray line break must not end the Subject header early.</summary>
    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>One article as a digest or alert shows it: headline, time, shortened lead, an absolute link, its rubric and picture (absolute) if any.</summary>
public sealed record DigestItem(string Title, string Teaser, DateTime PublishedAt, string Url, string? Rubric = null, string? Image = null);
