using System.Text.RegularExpressions;
using Broadsheet.BrowserTests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Broadsheet.BrowserTests;

/// <summary>
/// A staff member adds a passkey on the security page and signs in with it, end to end: Chromium's virtual
/// authenticator (DevTools' WebAuthn domain) plays the phone or laptop, so the real browser API, the real script
/// and the server's attestation and assertion checks all run.
/// </summary>
[Collection(LiveSiteCollection.Name)]
public sealed class PasskeyTests(LiveSite site, ITestOutputHelper output)
{
    [Fact]
    public async Task A_staff_member_adds_a_passkey_and_signs_in_with_it_without_a_password()
    {
        // WebAuthn wants a domain, never an IP address: the same app, reached as localhost.
        var origin = site.Origin.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        await using var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = origin, ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.PageError += (_, e) => problems.Add("uncaught: " + e);
        // A failed load is reported by the response handler with its address; the console's copy names none (and covers the favicon).
        page.Console += (_, m) => { if (m.Type == "error" && !m.Text.StartsWith("Failed to load resource", StringComparison.Ordinal)) problems.Add($"console: {m.Text}"); };
        page.Response += (_, r) => { if (r.Status >= 400) problems.Add($"{r.Status} {r.Request.Method} {r.Url}"); };
        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2", ["transport"] = "internal", ["hasResidentKey"] = true,
                ["hasUserVerification"] = true, ["isUserVerified"] = true, ["automaticPresenceSimulation"] = true,
            },
        });

        await page.SignInAsAdminAsync(site);
        await page.OpenAsync("/newsroom/security");
        var name = "Test laptop " + Guid.NewGuid().ToString("N")[..4];
        await page.FillAsync("#passkey-name", name);
        await page.ClickAsync("[data-add-passkey]");
        await page.Locator(".desk__notice", new PageLocatorOptions { HasText = "The passkey is added" }).WaitForAsync(new LocatorWaitForOptions { Timeout = LiveSite.StepTimeoutMs });
        Assert.True(await page.Locator("[data-passkey-item]", new PageLocatorOptions { HasText = name }).IsVisibleAsync());
        await page.ScreenshotAsync(site, "passkey-added");

        await page.SubmitAsync(".newsroom-bar__out button[type=submit]");
        await page.OpenAsync("/account/sign-in");
        Assert.Equal(0, await page.Locator(".newsroom-bar").CountAsync());
        await page.ClickAsync("[data-passkey-sign-in]");
        await page.WaitForPageAsync(new Regex("^" + Regex.Escape(origin + "/newsroom") + "$"));

        // Signed in again, as staff: the newsroom's own bar with the person's profile and sign-out (the only account is the admin's).
        Assert.True(await page.Locator(".newsroom-bar__out a[href='/newsroom/profile']").IsVisibleAsync());
        foreach (var p in problems) output.WriteLine(p);
        Assert.Empty(problems);
    }
}
