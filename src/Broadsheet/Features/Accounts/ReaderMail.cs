using System.Text.Encodings.Web;
using System.Text.Unicode;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Mail;
using MimeKit;

namespace Broadsheet.Features.Accounts;

/// <summary>The mail a reader's account sends: confirm the address, reset the password, a moderator's block.</summary>
public sealed class ReaderMail(MailSender sender, SiteContext site, PublicOrigin origin)
{
    // The default encoder writes every non-Latin letter as an entity; a Russian mail would be all &#x...; in its source.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private ReaderAccountText Text => site.Text.Accounts;
    private string Publication => site.Settings.PublicationName;

    /// <summary>Mails the confirmation link (<paramref name="path"/> from <see cref="ReaderLinks"/>); nothing while the public address is unknown.</summary>
    public async Task ConfirmAsync(string to, string path, CancellationToken ct)
    {
        if (await origin.ForLinksOutAsync("address confirmations", ct) is not { } address) return;
        await SendAsync(to, Text.ConfirmSubject(Publication), Text.ConfirmLead, address + path, Text.ConfirmAfter, ct);
    }

    /// <summary>Mails the password-reset link (<paramref name="path"/> from <see cref="ReaderLinks"/>); nothing while the public address is unknown.</summary>
    public async Task ResetAsync(string to, string path, CancellationToken ct)
    {
        if (await origin.ForLinksOutAsync("password resets", ct) is not { } address) return;
        await SendAsync(to, Text.ResetSubject(Publication), Text.ResetLead, address + path, Text.ResetAfter, ct);
    }

    public Task BlockedAsync(string to, DateTime? until, string reason, CancellationToken ct) =>
        SendAsync(to, Text.BlockedSubject(Publication),
            (until is { } date && date != DateTime.MaxValue ? Text.BlockedUntil(date) : Text.BlockedForGood)
            + (reason.Length > 0 ? Text.BlockedReason(reason) : ""), null,
            Text.BlockedAfter, ct);

    private Task SendAsync(string to, string subject, string lead, string? link, string after, CancellationToken ct)
    {
        var message = new MimeMessage { Subject = subject };
        message.To.Add(MailboxAddress.Parse(to));
        var html = Html;
        var body = new BodyBuilder
        {
            TextBody = $"{lead}\n\n{(link is null ? "" : link + "\n\n")}{after}\n",
            HtmlBody = $"<p>{html.Encode(lead)}</p>{(link is null ? "" : $"<p><a href=\"{html.Encode(link)}\">{html.Encode(link)}</a></p>")}<p>{html.Encode(after)}</p>",
        };
        message.Body = body.ToMessageBody();
        return sender.SendAsync(message, ct);
    }
}
