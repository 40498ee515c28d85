using Broadsheet.Features.Site;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Site;

/// <summary>
/// Settings saved on another node reach this one through the eviction broadcast; when that order is lost
/// (Redis away, a subscription reconnecting) the copy this node keeps is read again within a minute all the same.
/// </summary>
public sealed class SettingsFreshnessTests : IDisposable
{
    private readonly BroadsheetApp app = new();

    public void Dispose() => app.Dispose();

    private async Task<string> PublicationNameOnAPageAsync() =>
        (await app.GetPageAsync($"/search?q=x{Guid.NewGuid():N}")).Title ?? "";

    [Fact]
    public async Task A_settings_change_whose_eviction_was_lost_shows_within_a_minute()
    {
        Assert.Contains("Broadsheet", await PublicationNameOnAPageAsync());

        // Saved elsewhere; nobody tells this node.
        await app.WithDbAsync(db => db.SiteSettings.ExecuteUpdateAsync(s => s.SetProperty(x => x.PublicationName, "The Harbour Gazette")));
        Assert.DoesNotContain("Harbour Gazette", await PublicationNameOnAPageAsync());

        app.Clock.Advance(SiteSettingsStore.MaxAge + TimeSpan.FromSeconds(1));

        Assert.Contains("The Harbour Gazette", await PublicationNameOnAPageAsync());
    }
}
