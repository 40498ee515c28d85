using Broadsheet.Features.Site;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Site;

/// <summary>
/// Settings saved on another node reach this one through the eviction broadcast; when that order is lost
/// (Redis away, a subscription reconnecting) the copy this node keeps is read again within a minute all the same.
/// </summary>
public sealed class SettingsFreshnessTests : IDisposable
{
    private readonly BroadsheetApp app = new();
    private readonly HeldReading held = new("SiteSettings");

    public SettingsFreshnessTests() => app.Replace = services => services.AddSingleton<IInterceptor>(held);

    public void Dispose()
    {
        held.Release();
        app.Dispose();
    }

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

    [Fact]
    public async Task A_reading_begun_before_a_save_does_not_bring_the_old_settings_back()
    {
        Assert.Contains("Broadsheet", await PublicationNameOnAPageAsync());
        var store = app.Services.GetRequiredService<SiteSettingsStore>();

        // A reading (a background job's, another request's) has the old row in hand when the newsroom saves.
        store.Forget();
        held.Hold();
        var reading = store.GetAsync().AsTask();
        await held.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        await new TestPublication(app).SettingsAsync(s => s.PublicationName = "The Harbour Gazette");
        held.Release();
        await reading.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains("The Harbour Gazette", await PublicationNameOnAPageAsync());
    }
}
