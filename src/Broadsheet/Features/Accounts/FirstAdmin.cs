using Broadsheet.Features.Site;
using Broadsheet.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;

namespace Broadsheet.Features.Accounts;

/// <summary>
/// On start: makes sure the roles exist and that someone can get in. While no administrator has
/// a password, each start writes a fresh setup link to the log — the only way to the first password.
/// </summary>
public sealed class FirstAdmin(IServiceScopeFactory scopes, BroadsheetOptions options, TimeProvider clock,
    IServer server, IHostApplicationLifetime lifetime, ILogger<FirstAdmin> log) : IHostedService
{
    // Information, not a warning: on a first start this is the expected next step, not something gone wrong.
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var accounts = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        foreach (var role in StaffRoles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));

        var admins = await accounts.GetUsersInRoleAsync(StaffRoles.Admin);
        if (admins.Any(a => a.PasswordHash is not null)) return;

        var admin = admins.FirstOrDefault();
        if (admin is null)
        {
            admin = await accounts.FindByEmailAsync(options.AdminEmail)
                ?? new Account { UserName = options.AdminEmail, Email = options.AdminEmail, DisplayName = "Administrator", CreatedAt = clock.GetUtcNow().UtcDateTime };
            if (admin.Id is null || await accounts.FindByIdAsync(admin.Id) is null)
                Check(await accounts.CreateAsync(admin));
            Check(await accounts.AddToRoleAsync(admin, StaffRoles.Admin));
        }
        var link = await scope.ServiceProvider.GetRequiredService<SetupLinks>().CreateAsync(admin);
        if (await scope.ServiceProvider.GetRequiredService<PublicOrigin>().KnownAsync(cancellationToken) is { } origin)
        {
            log.LogInformation("No administrator has a password yet. {Email} can set one at {Link} (valid 24 hours, once).", admin.Email, origin + link);
            return;
        }
        // No public address yet: the link goes in front of the address the site listens on, known once the
        // server has started (a newcomer's `dotnet run` is reachable there). That may not be the address the
        // administrator reaches it at, so the setup page asks for the public one, which nothing else may guess.
        lifetime.ApplicationStarted.Register(() =>
            log.LogInformation("No administrator has a password yet. {Email} can set one at {Link} (valid 24 hours, once); " +
                "that page also asks for the site's public address.", admin.Email, ListeningAt() + link));
    }

    /// <summary>The first address the server listens on, with a wildcard host written as localhost; empty when it has none (a test server).</summary>
    private string ListeningAt()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null || !Uri.TryCreate(address.Replace("://+", "://localhost").Replace("://*", "://localhost"), UriKind.Absolute, out var uri)) return "";
        var host = uri.Host is "0.0.0.0" or "[::]" or "::" ? "localhost" : uri.Host;
        return new UriBuilder(uri) { Host = host }.Uri.GetLeftPart(UriPartial.Authority);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException("Could not create the administrator: " + string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
