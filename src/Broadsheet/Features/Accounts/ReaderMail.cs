using System.Text.Encodings.Web;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Mail;
using MimeKit;

namespace Broadsheet.Features.Accounts;

/// <summary>The mail a reader's account sends: confirm the address, reset the password, a moderator's block.</summary>
public sealed class ReaderMail(MailSender sender, SiteContext site)
{
    public Task ConfirmAsync(string to, string link, CancellationToken ct) =>
        SendAsync(to, $"Confirm your account at {site.Settings.PublicationName}",
            "Follow this link to confirm your e-mail address and start commenting:", link,
            "If you did not sign up, ignore this mail.", ct);

    public Task ResetAsync(string to, string link, CancellationToken ct) =>
        SendAsync(to, $"Reset your password at {site.Settings.PublicationName}",
            "Follow this link to choose a new password. It works for a day.", link,
            "If you did not ask for this, ignore this mail: your password stays as it is.", ct);

    public Task BlockedAsync(string to, DateTime? until, string reason, CancellationToken ct) =>
        SendAsync(to, $"Your comments at {site.Settings.PublicationName}",
            (until == DateTime.MaxValue ? "A moderator has stopped your account from commenting."
                : $"A moderator has stopped your account from commenting until {until:yyyy-MM-dd HH:mm} UTC.")
            + (reason.Length > 0 ? " Reason: " + reason : ""), null,
            "You can still read the publication and sign in.", ct);

    private Task SendAsync(string to, string subject, string lead, string? link, string after, CancellationToken ct)
    {
        var message = new MimeMessage { Subject = subject };
        message.To.Add(MailboxAddress.Parse(to));
        var html = HtmlEncoder.Default;
        var body = new BodyBuilder
        {
            TextBody = $"{lead}\n\n{(link is null ? "" : link + "\n\n")}{after}\n",
            HtmlBody = $"<p>{html.Encode(lead)}</p>{(link is null ? "" : $"<p><a href=\"{html.Encode(link)}\">{html.Encode(link)}</a></p>")}<p>{html.Encode(after)}</p>",
        };
        message.Body = body.ToMessageBody();
        return sender.SendAsync(message, ct);
    }
}
