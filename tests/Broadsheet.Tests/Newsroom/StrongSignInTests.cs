using System.Net;
using Broadsheet.Features.Accounts;
using Broadsheet.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Newsroom;

/// <summary>The setting that administrators and editors need a passkey or two-step sign-in before the newsroom lets them work.</summary>
public sealed class StrongSignInTests : IDisposable
{
    private readonly BroadsheetApp app = new();

    public void Dispose() => app.Dispose();

    private async Task RequireAsync(bool on)
    {
        var admin = await app.SignedInAsync(StaffRoles.Admin);
        using var saved = await admin.SubmitAsync("/newsroom/settings", null, ("Input.StrongSignInForEditors", on ? "true" : "false"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    [Theory]
    [InlineData(StaffRoles.Editor)]
    [InlineData(StaffRoles.Admin)]
    public async Task With_the_rule_on_an_editor_with_only_a_password_is_sent_to_add_a_second_factor(string role)
    {
        await RequireAsync(true);
        var client = await app.SignedInAsync(role);

        using var articles = await client.GetAsync("/newsroom");
        using var settings = await client.GetAsync("/newsroom/taxonomy/rubrics");
        using var posting = await client.PostAsync("/newsroom/taxonomy/rubrics?handler=Save", new FormUrlEncodedContent([new("Input.Name", "Sneaked in")]));
        var security = await client.GetDocumentAsync("/newsroom/security");

        Assert.Equal("/newsroom/security", articles.Headers.Location?.OriginalString);
        Assert.Equal("/newsroom/security", settings.Headers.Location?.OriginalString);
        Assert.NotNull(security.QuerySelector("[data-must-enrol]"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Rubrics.CountAsync()));
    }

    [Fact]
    public async Task Turning_on_two_step_sign_in_opens_the_newsroom_again()
    {
        await RequireAsync(true);
        var client = await app.SignedInAsync(StaffRoles.Editor);
        using (await client.SubmitAsync("/newsroom/security", "Key")) { }
        var key = (await client.GetDocumentAsync("/newsroom/security")).QuerySelector("[data-authenticator-key]")!.TextContent.Trim();

        using var enabled = await client.SubmitAsync("/newsroom/security", "Enable", ("Code", Totp.Code(key, DateTimeOffset.UtcNow)));
        using var articles = await client.GetAsync("/newsroom");

        Assert.Equal(HttpStatusCode.OK, articles.StatusCode);
        Assert.Null((await client.GetDocumentAsync("/newsroom/security")).QuerySelector("[data-must-enrol]"));
    }

    [Fact]
    public async Task An_editor_with_a_passkey_may_work()
    {
        await RequireAsync(true);
        var editor = await app.AccountAsync(StaffRoles.Editor);
        await app.WithDbAsync(async db =>
        {
            // What a registration stores; the browser test goes through a real one.
            db.Add(new IdentityUserPasskey<string>
            {
                CredentialId = [1, 2, 3, 4], UserId = editor.Id,
                Data = new IdentityPasskeyData { PublicKey = [5, 6, 7], Name = "Laptop", CreatedAt = DateTimeOffset.UtcNow, Transports = [], AttestationObject = [], ClientDataJson = [] },
            });
            await db.SaveChangesAsync();
        });
        var client = await app.SignedInAsync(editor);

        using var articles = await client.GetAsync("/newsroom");

        Assert.Equal(HttpStatusCode.OK, articles.StatusCode);
        Assert.Equal(["Laptop"], (await client.GetDocumentAsync("/newsroom/security")).QuerySelectorAll("[data-passkey-item] span").Select(s => s.TextContent));
    }

    [Theory]
    [InlineData(StaffRoles.Author)]
    [InlineData(StaffRoles.Moderator)]
    public async Task Authors_and_moderators_are_not_held_by_the_rule(string role)
    {
        await RequireAsync(true);
        var client = await app.SignedInAsync(role);

        using var articles = await client.GetAsync("/newsroom");

        Assert.Equal(HttpStatusCode.OK, articles.StatusCode);
    }

    [Fact]
    public async Task With_the_rule_off_a_password_is_enough()
    {
        await RequireAsync(false);
        var client = await app.SignedInAsync(StaffRoles.Editor);

        using var articles = await client.GetAsync("/newsroom");

        Assert.Equal(HttpStatusCode.OK, articles.StatusCode);
        Assert.Null((await client.GetDocumentAsync("/newsroom/security")).QuerySelector("[data-must-enrol]"));
    }
}
