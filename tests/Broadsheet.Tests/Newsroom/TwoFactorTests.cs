using System.Net;
using Broadsheet.Features.Accounts;
using Broadsheet.Tests.Support;

namespace Broadsheet.Tests.Newsroom;

public sealed class TwoFactorTests : IDisposable
{
    private readonly BroadsheetApp app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task With_an_authenticator_on_a_password_alone_does_not_sign_in()
    {
        var account = await app.AccountAsync(StaffRoles.Editor);
        var client = await app.SignedInAsync(account);
        using (await client.SubmitAsync("/newsroom/security", "Key")) { }
        var security = await client.GetDocumentAsync("/newsroom/security");
        var key = security.QuerySelector("[data-authenticator-key]")!.TextContent.Trim();

        using var wrong = await client.SubmitAsync(security, "/newsroom/security", "Enable", ("Code", "000000"));
        Assert.Contains("not right", (await wrong.ParseAsync()).QuerySelector("[role=alert]")!.TextContent);
        using var enabled = await client.SubmitAsync("/newsroom/security", "Enable", ("Code", Totp.Code(key, DateTimeOffset.UtcNow)));
        var recovery = (await enabled.ParseAsync()).QuerySelectorAll("[data-recovery-codes] code").Select(c => c.TextContent).ToList();
        Assert.Equal(10, recovery.Count);

        var fresh = app.Reader();
        using var password = await fresh.SubmitAsync("/account/sign-in", null, ("Input.Email", account.Email), ("Input.Password", Staff.Password));
        Assert.StartsWith("/account/two-factor", password.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.GetAsync("/newsroom")).StatusCode);

        using var badCode = await fresh.SubmitAsync(password.Headers.Location.OriginalString, null, ("Code", "123456"));
        Assert.Equal(HttpStatusCode.OK, badCode.StatusCode);
        using var goodCode = await fresh.SubmitAsync(password.Headers.Location.OriginalString, null, ("Code", Totp.Code(key, DateTimeOffset.UtcNow)));
        Assert.Equal(HttpStatusCode.Redirect, goodCode.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/newsroom")).StatusCode);

        // A recovery code works once.
        var other = app.Reader();
        using var again = await other.SubmitAsync("/account/sign-in", null, ("Input.Email", account.Email), ("Input.Password", Staff.Password));
        using var byRecovery = await other.SubmitAsync(again.Headers.Location!.OriginalString, null, ("Code", recovery[0]));
        Assert.Equal(HttpStatusCode.Redirect, byRecovery.StatusCode);
        var third = app.Reader();
        using var once = await third.SubmitAsync("/account/sign-in", null, ("Input.Email", account.Email), ("Input.Password", Staff.Password));
        using var reused = await third.SubmitAsync(once.Headers.Location!.OriginalString, null, ("Code", recovery[0]));
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
    }
}
