using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Broadsheet.BrowserTests.Support;

/// <summary>
/// Signs a browser in as the first administrator. The first call follows the one-time setup link the
/// app logged at start (which spends it); later calls use the sign-in form with the password it set.
/// </summary>
public static partial class StaffSession
{
    public const string AdminEmail = "admin@localhost";
    public const string AdminPassword = "a long enough browser password";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly HashSet<string> SitesWithPassword = [];

    public static async Task SignInAsAdminAsync(this IPage page, LiveSite site)
    {
        await Gate.WaitAsync();
        try
        {
            if (SitesWithPassword.Add(site.Origin))
            {
                await page.OpenAsync(SetupLink(site));
                await page.FillAsync("#Input_Password", AdminPassword);
                await page.FillAsync("#Input_Confirm", AdminPassword);
                // The form offers the address it was opened at: the passkey test opens it as localhost, and every
                // mailed link (a reader's confirmation in another test) would then point there.
                var address = page.Locator("#Input_PublicUrl");
                if (await address.CountAsync() > 0) await address.FillAsync(site.Origin);
                await page.SubmitAsync("form:has(#Input_Confirm) button[type=submit]");
            }
            else
            {
                await page.OpenAsync("/account/sign-in");
                await page.FillAsync("#Input_Email", AdminEmail);
                await page.FillAsync("#Input_Password", AdminPassword);
                await page.SubmitAsync("form:has(#Input_Password) button[type=submit]");
            }
            Assert.Equal("/newsroom", new Uri(page.Url).AbsolutePath);
        }
        finally { Gate.Release(); }
    }

    /// <summary>Clicks a submit button and waits for the page the post answers with (even at the same URL).</summary>
    public static async Task SubmitAsync(this IPage page, string button)
    {
        // The old document carries a mark the next one does not.
        await page.EvaluateAsync("() => { window.beforeSubmit = true; }");
        await page.ClickAsync(button, new PageClickOptions { Timeout = LiveSite.StepTimeoutMs });
        await page.WaitForFunctionAsync("() => !window.beforeSubmit", null, new PageWaitForFunctionOptions { Timeout = LiveSite.StepTimeoutMs });
        await page.WaitUntilLoadedAsync();
    }

    /// <summary>Sets the site's language ("en" or "ru") on the settings screen; the newsroom speaks it unless a person chose another.</summary>
    public static async Task SetSiteLanguageAsync(this IPage page, string language)
    {
        await page.OpenAsync("/newsroom/settings");
        await page.SelectOptionAsync("#Input_Language", language);
        await page.SubmitAsync(".desk-form__actions button[type=submit]");
    }

    private static string SetupLink(LiveSite site)
    {
        var match = SetupLinkInLog().Match(site.ServerLog);
        Assert.True(match.Success, "The app logged no setup link:\n" + site.ServerLog);
        var link = match.Groups["link"].Value;
        return link.StartsWith('/') ? link : new Uri(link).PathAndQuery;
    }

    [GeneratedRegex(@"can set one at (?<link>\S+) \(valid")]
    private static partial Regex SetupLinkInLog();
}
