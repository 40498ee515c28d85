using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Accounts;

public static class AccountsModel
{
    /// <summary>
    /// The passkeys table, as Identity's schema version 3 maps it. Mapped by hand instead of switching the whole
    /// schema to version 3, which would also change the key and phone-number columns of the existing tables.
    /// </summary>
    public static void ConfigurePasskeys(ModelBuilder builder)
    {
        builder.Entity<IdentityUserPasskey<string>>(p =>
        {
            p.HasKey(x => x.CredentialId);
            p.ToTable("AspNetUserPasskeys");
            p.Property(x => x.CredentialId).HasMaxLength(1024); // WebAuthn: at most 1,023 bytes
            p.OwnsOne(x => x.Data).ToJson();
            p.HasOne<Account>().WithMany().HasForeignKey(x => x.UserId).IsRequired().OnDelete(DeleteBehavior.Cascade);
        });
    }
}
