using Broadsheet.Features.Site;
using Broadsheet.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace Broadsheet.Features.Accounts;

/// <summary>
/// On start: makes sure the roles exist and that someone can get in. While no administrator has
/// a password, each start writes a fresh setup link to the log — the only way to the first password.
/// </summary>
public sealed class FirstAdmin(IServiceScopeFactory scopes, BroadsheetOptions options, TimeProvider clock, ILogger<FirstAdmin> log) : IHostedService
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
        // No host to put in front: the one the site listens on may not be the one the administrator can
        // reach. The setup page asks for the public address, which nothing else may guess.
        log.LogInformation("No administrator has a password yet. {Email} can set one at {Link} (valid 24 hours, once), " +
            "opened on the address this site answers at; that page also asks for the site's public address.", admin.Email, link);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException("Could not create the administrator: " + string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
