namespace Broadsheet.Features.Articles;

/// <summary>One page of a newest-first listing, with the positions to go older or newer from.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, Keyset? Older, Keyset? Newer)
{
    public static readonly Paged<T> Empty = new([], null, null);
}

/// <summary>What the reader asked of a listing: where to start and in which direction.</summary>
public readonly record struct PageRequest(Keyset? Before, Keyset? After)
{
    /// <summary>False when a cursor is present but malformed; the page answers 400.</summary>
    public static bool TryRead(string? before, string? after, out PageRequest request)
    {
        request = default;
        Keyset? b = null, a = null;
        if (before is not null) { if (!Keyset.TryParse(before, out var k)) return false; b = k; }
        if (after is not null) { if (!Keyset.TryParse(after, out var k)) return false; a = k; }
        if (b is not null && a is not null) return false;
        request = new PageRequest(b, a);
        return true;
    }
}
