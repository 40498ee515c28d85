using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Newsletter;

public static class NewsletterModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<Subscriber>(s =>
        {
            s.Property(x => x.Email).HasMaxLength(SignUpForm.MaxEmailLength);
            s.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
            s.Property(x => x.Frequency).HasConversion<string>().HasMaxLength(20);
            s.HasIndex(x => x.Email).IsUnique();
            s.HasIndex(x => new { x.State, x.Frequency });
            s.HasMany(x => x.Rubrics).WithOne().HasForeignKey(x => x.SubscriberId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<SubscriberRubric>(j =>
        {
            j.HasKey(x => new { x.SubscriberId, x.RubricId });
            j.HasOne<Articles.Rubric>().WithMany().HasForeignKey(x => x.RubricId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<DigestRun>(r =>
        {
            r.Property(x => x.Key).HasMaxLength(40);
            r.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            r.HasIndex(x => x.Key).IsUnique();
            r.HasMany(x => x.Deliveries).WithOne().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<DigestDelivery>(d =>
        {
            d.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
            d.Property(x => x.LastError).HasMaxLength(500);
            d.HasIndex(x => new { x.RunId, x.SubscriberId }).IsUnique();
            d.HasIndex(x => new { x.State, x.NextAttemptAt });
            d.HasOne<Subscriber>().WithMany().HasForeignKey(x => x.SubscriberId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
