using System.Text.Encodings.Web;
using System.Text.Unicode;
using Broadsheet.Features.Newsroom.Language;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Mail;
using MimeKit;

namespace Broadsheet.Features.Newsroom.Staff;

/// <summary>
/// The invitation mail: who invited whom, as what, and the setup link. Written in the site's language (the
/// invitee has not chosen one yet) and sent through the outbox; the administrator still sees the link, in
/// case the mail goes astray. While the site's public address is unknown nothing is sent: the link would point nowhere.
/// </summary>
public static class InvitationLetter
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static void PostInvitation(this MailOutbox outbox, string to, string invitedBy, string role, string link) =>
        outbox.Post("staff invitation", async (services, ct) =>
        {
            if (await services.GetRequiredService<PublicOrigin>().ForLinksOutAsync("invitations", ct) is not { } origin) return null;
            var site = services.GetRequiredService<SiteContext>();
            var words = services.GetRequiredService<NewsroomWords>();
            string W(string english, params object[] values) =>
                string.Format(site.Culture, words.In(site.IsRussian, english), values);

            var publication = site.Settings.PublicationName;
            var url = origin + link;
            var lead = W("{0} invited you to the newsroom of {1} as {2}.", invitedBy, publication, words.In(site.IsRussian, role).ToLower(site.Culture));
            var choose = W("Choose your password with this link; it works once, for 24 hours:");
            var after = W("If you did not expect this invitation, ignore this letter.");
            var message = new MimeMessage { Subject = W("Your invitation to the newsroom of {0}", publication) };
            message.To.Add(MailboxAddress.Parse(to));
            message.Body = new BodyBuilder
            {
                TextBody = $"{lead}\n\n{choose}\n\n{url}\n\n{after}\n",
                HtmlBody = $"<p>{Html.Encode(lead)}</p><p>{Html.Encode(choose)}</p><p><a href=\"{Html.Encode(url)}\">{Html.Encode(url)}</a></p><p>{Html.Encode(after)}</p>",
            }.ToMessageBody();
            return message;
        });
}
