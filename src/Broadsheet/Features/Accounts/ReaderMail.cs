using System.Text.Encodings.Web;
using System.Text.Unicode;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Mail;
using MimeKit;

namespace Broadsheet.Features.Accounts;

/// <summary>
/// The mail a reader's account sends: confirm the address, reset the password, "you already have an
/// account", a moderator's block. The first three go through the outbox (<see cref="AccountLetters"/>),
/// so the pages answer alike whether an address has an account or not; the block is sent at once.
/// </summary>
public sealed class ReaderMail(MailSender sender, SiteContext site)
{
    // The default encoder writes every non-Latin letter as an entity; a Russian mail would be all &#x...; in its source.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private ReaderAccountText Text => ReaderAccountText.For(site);
    private string Publication => site.Settings.PublicationName;

    public MimeMessage Confirmation(string to, string link) =>
        Compose(to, Text.ConfirmSubject(Publication), [(Text.ConfirmLead, link)], Text.ConfirmAfter);

    public MimeMessage Reset(string to, string link) =>
        Compose(to, Text.ResetSubject(Publication), [(Text.ResetLead, link)], Text.ResetAfter);

    /// <summary>Someone signed up with an address that already has an account: the owner hears of it, the stranger learns nothing.</summary>
    public MimeMessage SignUpAgain(string to, string signInLink, string forgotLink) =>
        Compose(to, Text.AgainSubject(Publication), [(Text.AgainLead, signInLink), (Text.AgainForgot, forgotLink)], Text.AgainAfter);

    public Task BlockedAsync(string to, DateTime? until, string reason, CancellationToken ct) =>
        sender.SendAsync(Compose(to, Text.BlockedSubject(Publication),
            [((until is { } date && date != DateTime.MaxValue ? Text.BlockedUntil(site.FormatTime(date)) : Text.BlockedForGood)
            + (reason.Length > 0 ? Text.BlockedReason(reason) : ""), null)],
            Text.BlockedAfter), ct);

    private static MimeMessage Compose(string to, string subject, (string Lead, string? Link)[] paragraphs, string after)
    {
        var message = new MimeMessage { Subject = subject };
        message.To.Add(MailboxAddress.Parse(to));
        var html = Html;
        var body = new BodyBuilder
        {
            TextBody = string.Concat(paragraphs.Select(p => $"{p.Lead}\n\n{(p.Link is null ? "" : p.Link + "\n\n")}")) + $"{after}\n",
            HtmlBody = string.Concat(paragraphs.Select(p => $"<p>{html.Encode(p.Lead)}</p>{(p.Link is null ? "" : $"<p><a href=\"{html.Encode(p.Link)}\">{html.Encode(p.Link)}</a></p>")}"))
                + $"<p>{html.Encode(after)}</p>",
        };
        message.Body = body.ToMessageBody();
        return message;
    }
}
