using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Broadsheet.Features.Newsletter;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Newsletter;

/// <summary>What a reader and the scheduler do, step by step, against the real app and a loopback SMTP server.</summary>
public sealed class NewsletterSteps(Func<BroadsheetApp> app, LoopbackSmtpServer smtp)
{
    public const string Origin = "https://news.test";

    /// <summary>Points the app at the SMTP server and a public address, and stops the scheduler so the test drives it.</summary>
    public static void Configure(BroadsheetApp app, LoopbackSmtpServer smtp)
    {
        smtp.Configure(app);
        app.Settings["Broadsheet:PublicUrl"] = Origin;
        app.Settings["Broadsheet:Newsletter:SchedulerSeconds"] = "0";
        app.Settings["Broadsheet:Newsletter:RetryAfterSeconds"] = "60";
    }

    public async Task<HttpResponseMessage> SignUpAsync(string email, string frequency = "daily", bool alerts = false, params string[] rubrics)
    {
        var fields = new List<KeyValuePair<string, string>> { new("email", email), new("frequency", frequency) };
        if (alerts) fields.Add(new("alerts", "true"));
        fields.AddRange(rubrics.Select(r => new KeyValuePair<string, string>("rubrics", r)));
        return await app().Reader().PostAsync("/newsletter/sign-up", new FormUrlEncodedContent(fields));
    }

    public Task<HttpResponseMessage> SignUpJsonAsync(object body) =>
        app().Reader().PostAsJsonAsyncPlain("/api/newsletter/subscriptions", body);

    /// <summary>Signs up, opens the confirmation mail's link and presses its button.</summary>
    public async Task<Subscriber> SubscribeAsync(string email, string frequency = "daily", bool alerts = false, params string[] rubrics)
    {
        var mailsBefore = smtp.To(email).Count;
        (await SignUpAsync(email, frequency, alerts, rubrics)).Dispose();
        var mail = await smtp.WaitForMailToAsync(email, mailsBefore + 1);
        var link = LinkIn(mail, "/newsletter/confirm?token=");
        using var confirmed = await PressButtonAsync(link);
        return await FindAsync(email) ?? throw new Xunit.Sdk.XunitException("The subscriber is gone");
    }

    /// <summary>Opens a page from a mail and submits its only form, as a reader would, token and cookies included.</summary>
    public async Task<HttpResponseMessage> PressButtonAsync(string absoluteLink)
    {
        var client = app().Reader();
        var path = new Uri(absoluteLink).PathAndQuery;
        var html = await client.GetStringAsync(path);
        var page = new HtmlParser().ParseDocument(html);
        var form = page.QuerySelector("main form") as IHtmlFormElement ?? throw new Xunit.Sdk.XunitException($"No form on {path}");
        var fields = form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>()
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)).ToList();
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : path;
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    public static string LinkIn(ReceivedMail mail, string pathStart) =>
        mail.Text.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(w => w.StartsWith(Origin + pathStart, StringComparison.Ordinal))
        ?? throw new Xunit.Sdk.XunitException($"No {pathStart} link in:\n{mail.Text}");

    public static string UnsubscribeHeaderLink(ReceivedMail mail) =>
        mail.Header("List-Unsubscribe")!.Trim().TrimStart('<').TrimEnd('>');

    public Task<Subscriber?> FindAsync(string email) =>
        app().WithDbAsync(db => db.Subscribers.AsNoTracking().Include(s => s.Rubrics).FirstOrDefaultAsync(s => s.Email == email));

    /// <summary>Confirmed subscribers laid straight into the database, for tests about sending rather than signing up.</summary>
    public async Task AddConfirmedAsync(DateTime confirmedAt, bool alerts, params string[] emails)
    {
        await app().WithDbAsync(async db =>
        {
            foreach (var email in emails)
            {
                var s = new Subscriber { Email = email, CreatedAt = confirmedAt, BreakingAlerts = alerts };
                s.Confirm(confirmedAt);
                db.Add(s);
            }
            await db.SaveChangesAsync();
        });
    }

    /// <summary>One tick of the newsletter's jobs: plan what is due (DigestHour's step), forget expired sign-ups and send what is pending (NewsletterSchedule).</summary>
    public async Task TickAsync()
    {
        await using (var scope = app().Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DigestEditions>().PlanDueAsync(CancellationToken.None);
        await app().Services.GetRequiredService<NewsletterSchedule>().RunAsync(CancellationToken.None);
    }

    public Task<List<DigestDelivery>> DeliveriesAsync() =>
        app().WithDbAsync(db => db.DigestDeliveries.AsNoTracking().OrderBy(d => d.Id).ToListAsync());
}

public static class JsonPosting
{
    /// <summary>JSON as a script on the site would send it, without the test depending on System.Net.Http.Json's defaults.</summary>
    public static Task<HttpResponseMessage> PostAsJsonAsyncPlain(this HttpClient client, string path, object body) =>
        client.PostAsync(path, new StringContent(System.Text.Json.JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json"));
}
