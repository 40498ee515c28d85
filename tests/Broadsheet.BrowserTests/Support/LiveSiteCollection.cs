namespace Broadsheet.BrowserTests.Support;

/// <summary>Every browser test shares one running app and one browser: starting them costs more than the tests.</summary>
[CollectionDefinition(Name)]
public sealed class LiveSiteCollection : ICollectionFixture<LiveSite>
{
    public const string Name = "live site";
}
