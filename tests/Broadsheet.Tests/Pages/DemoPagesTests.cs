using Broadsheet.Features.Accounts;
using Broadsheet.Features.Demo;
using Broadsheet.Tests.Support;

namespace Broadsheet.Tests.Pages;

public sealed class DemoPagesTests
{
    [Theory]
    [InlineData("en", "Privacy policy")]
    [InlineData("ru", "Политика конфиденциальности")]
    public async Task The_demo_has_the_pages_the_comment_form_links_to_and_an_imprint(string language, string privacyTitle)
    {
        using var app = new BroadsheetApp();
        app.Settings["Broadsheet:SeedDemo"] = "true";
        app.Settings["Broadsheet:DemoLanguage"] = language;
        app.Settings["Broadsheet:DemoArticles"] = "12";

        Assert.Equal(privacyTitle, (await app.GetPageAsync(ProcessingConsent.PrivacyPath)).QuerySelector("h1")!.TextContent);
        var rules = await app.GetPageAsync(ProcessingConsent.RulesPath);
        var kept = (language == "ru" ? DemoTextRussian.Text : DemoTextEnglish.Text).CommentRules;
        Assert.Equal(kept, rules.QuerySelector(".story__body p")!.TextContent);

        var home = await app.GetPageAsync("/");
        Assert.Equal(["/about", "/contacts", "/privacy", "/comment-rules"], home.QuerySelectorAll(".footer__pages a").Select(a => a.GetAttribute("href")));
        Assert.Equal("16+", home.QuerySelector(".footer__age")!.TextContent);
        foreach (var link in home.QuerySelectorAll(".footer__pages a"))
            Assert.True((await app.GetPageAsync(link.GetAttribute("href")!)).QuerySelectorAll(".story__body p").Length >= 3, link.GetAttribute("href"));
    }
}
