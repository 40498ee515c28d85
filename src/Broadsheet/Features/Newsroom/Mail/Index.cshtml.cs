using System.Text.RegularExpressions;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Mail;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Features.Newsroom.Mail;

/// <summary>
/// The outbox folder for administrators: on a machine without an SMTP server this is where a
/// sign-up's confirmation link can be read. The newest messages, and one message's text.
/// </summary>
public sealed partial class IndexModel(MailFolder folder, SmtpOptions smtp, PageMeta meta, Language.NewsroomWords words) : PageModel
{
    public const int Shown = 50;

    public bool Filing => !smtp.Configured;
    public string FolderPath => folder.Path;
    public List<FiledMail> Latest { get; private set; } = [];
    public FiledMail? Open { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? name, CancellationToken ct)
    {
        meta.Title = words["Mail outbox"];
        meta.NoIndex = true;
        if (name is not null)
        {
            Open = await folder.OpenAsync(name, ct);
            if (Open is null) return NotFound();
            return Page();
        }
        Latest = await folder.LatestAsync(Shown, ct);
        return Page();
    }

    /// <summary>The text cut into plain runs and http(s) links, for the page to encode and link; any other scheme stays text.</summary>
    public static IEnumerable<(string Text, Uri? Link)> Linked(string text)
    {
        var at = 0;
        foreach (Match m in WebLink().Matches(text))
        {
            if (!Uri.TryCreate(m.Value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                continue;
            if (m.Index > at) yield return (text[at..m.Index], null);
            yield return (m.Value, uri);
            at = m.Index + m.Length;
        }
        if (at < text.Length) yield return (text[at..], null);
    }

    [GeneratedRegex(@"https?://[^\s<>""']+", RegexOptions.IgnoreCase)]
    private static partial Regex WebLink();
}
