using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Broadsheet.Features.Site;

namespace Broadsheet.Features.Newsletter;

/// <summary>
/// The daily or weekly edition as a newspaper's mail: a date heading, the lead story with its picture,
/// then the stories under their rubrics; the plain-text part carries the same, in the same order. The
/// HTML is laid out in tables and its CSS moved into style attributes (PreMailer.Net), because Outlook
/// and Gmail ignore or strip a style sheet.
/// </summary>
public static class DigestLetter
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    private const string Style = """
        body { margin: 0; padding: 0; background: #f3f1ec; }
        .letter { width: 100%; max-width: 600px; margin: 0 auto; background: #ffffff; font-family: Georgia, 'Times New Roman', serif; color: #1b1b1b; }
        .masthead { padding: 24px 24px 8px; text-align: center; border-bottom: 3px double #1b1b1b; }
        .masthead h1 { margin: 0; font-size: 28px; line-height: 1.2; }
        .masthead p { margin: 6px 0 0; font-family: Arial, Helvetica, sans-serif; font-size: 13px; color: #555555; }
        .lead { padding: 20px 24px 8px; }
        .lead img { display: block; width: 100%; max-width: 552px; height: auto; border: 0; }
        .lead h2 { margin: 12px 0 6px; font-size: 24px; line-height: 1.25; }
        .rubric { padding: 16px 24px 0; }
        .rubric h3 { margin: 0; padding-bottom: 4px; border-bottom: 1px solid #1b1b1b; font-family: Arial, Helvetica, sans-serif; font-size: 12px; letter-spacing: 1px; text-transform: uppercase; }
        .story { padding: 10px 0; border-bottom: 1px solid #e4e1da; }
        .story h4 { margin: 0 0 4px; font-size: 18px; line-height: 1.3; }
        a { color: #1b1b1b; }
        .time { margin: 0 0 4px; font-family: Arial, Helvetica, sans-serif; font-size: 12px; color: #666666; }
        .teaser { margin: 0; font-size: 15px; line-height: 1.45; }
        .footer { padding: 20px 24px 28px; font-family: Arial, Helvetica, sans-serif; font-size: 12px; color: #666666; text-align: center; }
        .footer a { color: #666666; }
        """;

    public static (string Html, string Text) Write(SiteContext site, string heading, IReadOnlyList<DigestItem> items, string unsubscribeUrl, string preferencesUrl)
    {
        var text = NewsletterText.For(site);
        var name = site.Settings.PublicationName;
        // The lead is the newest story with a picture, else simply the newest; it is not repeated below.
        var lead = items.FirstOrDefault(i => i.Image is not null) ?? items[0];
        var sections = items.Where(i => i != lead).GroupBy(i => i.Rubric ?? text.OtherNews).ToList();

        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"").Append(site.IsRussian ? "ru" : "en").Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>").Append(Html.Encode(heading)).Append("</title>")
            .Append("<style>").Append(Style).Append("</style></head><body>")
            .Append("<table role=\"presentation\" class=\"letter\" align=\"center\" cellpadding=\"0\" cellspacing=\"0\" width=\"600\">")
            .Append("<tr><td class=\"masthead\"><h1>").Append(Html.Encode(name)).Append("</h1><p>").Append(Html.Encode(heading)).Append("</p></td></tr>");
        var plain = new StringBuilder().Append(name).Append('\n').Append(heading).Append("\n\n");

        html.Append("<tr><td class=\"lead\">");
        if (lead.Image is { } image)
            html.Append("<a href=\"").Append(Html.Encode(lead.Url)).Append("\"><img src=\"").Append(Html.Encode(image))
                .Append("\" alt=\"\" width=\"552\"></a>");
        html.Append("<h2><a href=\"").Append(Html.Encode(lead.Url)).Append("\">").Append(Html.Encode(lead.Title)).Append("</a></h2>");
        Story(html, plain, site, lead, withTitle: false);
        html.Append("</td></tr>");

        foreach (var section in sections)
        {
            html.Append("<tr><td class=\"rubric\"><h3>").Append(Html.Encode(section.Key)).Append("</h3>");
            plain.Append(section.Key.ToUpper(site.Culture)).Append("\n\n");
            foreach (var item in section)
            {
                html.Append("<div class=\"story\">");
                Story(html, plain, site, item, withTitle: true);
                html.Append("</div>");
            }
            html.Append("</td></tr>");
        }

        html.Append("<tr><td class=\"footer\"><a href=\"").Append(Html.Encode(preferencesUrl)).Append("\">").Append(Html.Encode(text.ChangePreferences))
            .Append("</a> · <a href=\"").Append(Html.Encode(unsubscribeUrl)).Append("\">").Append(Html.Encode(text.UnsubscribeLink))
            .Append("</a></td></tr></table></body></html>");
        plain.Append("--\n").Append(text.ChangePreferences).Append(": ").Append(preferencesUrl).Append('\n')
            .Append(text.UnsubscribeLink).Append(": ").Append(unsubscribeUrl).Append('\n');

        var inlined = PreMailer.Net.PreMailer.MoveCssInline(html.ToString(), removeStyleElements: true, stripIdAndClassAttributes: false);
        return (inlined.Html, plain.ToString());
    }

    private static void Story(StringBuilder html, StringBuilder plain, SiteContext site, DigestItem item, bool withTitle)
    {
        var time = site.FormatTime(item.PublishedAt);
        if (withTitle)
            html.Append("<h4><a href=\"").Append(Html.Encode(item.Url)).Append("\">").Append(Html.Encode(item.Title)).Append("</a></h4>");
        html.Append("<p class=\"time\">").Append(Html.Encode(time)).Append("</p>");
        if (item.Teaser.Length > 0) html.Append("<p class=\"teaser\">").Append(Html.Encode(item.Teaser)).Append("</p>");
        plain.Append(item.Title).Append('\n').Append(time).Append('\n');
        if (item.Teaser.Length > 0) plain.Append(item.Teaser).Append('\n');
        plain.Append(item.Url).Append("\n\n");
    }

    /// <summary>"Wednesday, 16 May 2024" / "среда, 16 мая 2024 г." for a daily edition; the week's last day for a weekly one.</summary>
    public static string Heading(SiteContext site, DigestKind kind, DateOnly edition)
    {
        var text = NewsletterText.For(site);
        var date = edition.ToString("dddd, d MMMM yyyy", site.Culture);
        date = char.ToUpper(date[0], site.Culture) + date[1..];
        return kind == DigestKind.Weekly ? string.Format(CultureInfo.InvariantCulture, text.WeeklyHeading, date) : date;
    }
}
