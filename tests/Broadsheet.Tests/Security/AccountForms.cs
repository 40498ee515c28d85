using System.Globalization;
using Broadsheet.Features.Accounts;
using Broadsheet.Infrastructure.Mail;
using Broadsheet.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Security;

/// <summary>The account forms as a browser fills them in, and what a throttled answer says.</summary>
public static class AccountForms
{
    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password = Staff.Password) =>
        client.SubmitAsync("/account/sign-in", null, ("Input.Email", email), ("Input.Password", password));

    public static Task<HttpResponseMessage> ForgotAsync(this HttpClient client, string email) =>
        client.SubmitAsync("/account/forgot-password", null, ("Email", email));

    public static Task<HttpResponseMessage> ResendAsync(this HttpClient client, string email) =>
        client.SubmitAsync("/account/resend-confirmation", null, ("Email", email));

    public static Task<HttpResponseMessage> SignUpAsync(this HttpClient client, string email, string name, string password = Staff.Password) =>
        client.SubmitAsync("/account/sign-up", null, ("Input.Email", email), ("Input.DisplayName", name), ("Input.Password", password), ("Input.Consent", "true"));

    /// <summary>Retry-After in seconds; fails the test when a 429 lacks it.</summary>
    public static int RetryAfter(HttpResponseMessage response)
    {
        var delta = response.Headers.RetryAfter?.Delta
            ?? throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode} without Retry-After (in seconds)");
        return (int)delta.TotalSeconds;
    }

    public static async Task<string> AlertAsync(HttpResponseMessage response) =>
        (await response.ParseAsync()).QuerySelector("[role=alert]")?.TextContent.Trim() ?? "";

    /// <summary>Waits (bounded) until the outbox has sent or given up on everything posted so far.</summary>
    public static async Task OutboxDrainedAsync(this BroadsheetApp app)
    {
        var outbox = app.Services.GetRequiredService<MailOutbox>();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (outbox.Pending > 0)
        {
            if (DateTime.UtcNow > deadline) throw new Xunit.Sdk.XunitException($"{outbox.Pending} letters still in the outbox after 15 s");
            await Task.Delay(20);
        }
    }

    public static void Limit(this BroadsheetApp app, string name, int count, TimeSpan? window = null)
    {
        app.Settings[$"{AccountThrottleOptions.Section}:{name}:Count"] = count.ToString(CultureInfo.InvariantCulture);
        if (window is { } w) app.Settings[$"{AccountThrottleOptions.Section}:{name}:Window"] = w.ToString("c");
    }
}
