using Broadsheet.Infrastructure.Data;
using Broadsheet.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Broadsheet.Features.Accounts;

public static class AccountsSetup
{
    public const string ReaderMarker = "broadsheet.reader";

    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        // The cookie and antiforgery keys are the key ring's (Infrastructure/KeyRing.cs): shared, so sign-ins survive restarts and node hops.
        // Before AddIdentity, whose own normalizer is only a fallback.
        services.AddSingleton<ILookupNormalizer, AddressNormalizer>();
        services.AddIdentity<Account, IdentityRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                // The user name is the address, and an address may be Cyrillic or Chinese (ольга@почта.рф):
                // no character list; the address checks decide.
                o.User.AllowedUserNameCharacters = "";
                // Length over composition rules, as NIST SP 800-63B advises.
                o.Password.RequiredLength = AccountInput.PasswordMin;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                // No hard lockout: five wrong passwords from anyone would lock out the owner too, the
                // administrator included. AccountThrottle slows guessing instead; Identity never locks
                // (sign-in does not count failures, two-step failures never reach the limit).
                o.Lockout.AllowedForNewUsers = false;
                o.Lockout.MaxFailedAccessAttempts = int.MaxValue;
            })
            .AddEntityFrameworkStores<BroadsheetDb>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<SiteIdentityErrors>();

        // Setup and invitation links are password-reset tokens: a day long, and spent once the
        // password is set because that changes the security stamp they are bound to.
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(24));

        // A removed role or a locked account takes effect within a minute, not at the cookie's expiry.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/account/sign-in";
            o.Cookie.Name = "broadsheet.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.SlidingExpiration = true;
            // A signed-in person without the role gets a plain 403, not a bounce to a sign-in form they already passed.
            // A marker the page script can read (the sign-in cookie cannot be): only browsers that signed in
            // ask for the account menu, so cached pages cost anonymous readers no extra request. It says
            // nothing but "ask"; the menu itself checks the real cookie.
            o.Events.OnSignedIn = context =>
            {
                context.Response.Cookies.Append(ReaderMarker, "1", new CookieOptions
                {
                    Path = "/", HttpOnly = false, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps, IsEssential = true,
                });
                return Task.CompletedTask;
            };
            o.Events.OnSigningOut = context =>
            {
                context.Response.Cookies.Delete(ReaderMarker, new CookieOptions { Path = "/" });
                return Task.CompletedTask;
            };
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        services.AddAuthorization(o =>
        {
            foreach (var (policy, roles) in StaffPolicies.Groups) o.AddPolicy(policy, p => p.RequireRole(roles));
        });

        services.AddSingleton(configuration.GetSection(AccountThrottleOptions.Section).Get<AccountThrottleOptions>() ?? new AccountThrottleOptions());
        services.TryAddSingleton<WindowTally>();
        services.AddSingleton<AccountThrottle>();
        services.AddSingleton<KnownDevice>();
        services.AddSingleton<DecoyPassword>();
        services.AddSingleton<SignUpPace>();
        services.AddScoped<SetupLinks>();
        services.AddScoped<ReaderMail>();
        services.AddHostedService<FirstAdmin>();
        return services;
    }
}
