namespace OversightBot.Core.Domain;

public enum EvidenceKind
{
    Link,
    Document,
    CommitteePaper,
    Email,
    Other,
}

/// <summary>Proof that something was delivered: what, when, who added it and who (if anyone) verified it.</summary>
public sealed record EvidenceEntry
{
    public required EvidenceKind Kind { get; init; }
    /// <summary>A link, a document title or a short description.</summary>
    public required string What { get; init; }
    public required DateOnly Added { get; init; }
    public required string AddedBy { get; init; }
    /// <summary>Who verified it (e.g. internal audit); null when unverified.</summary>
    public string? VerifiedBy { get; init; }
    public DateOnly? Verified { get; init; }
}

/// <summary>What closing an item of a kind requires.</summary>
public sealed record ClosurePolicy
{
    public bool RequiresEvidence { get; init; }
    public bool RequiresSignOff { get; init; }
    public bool RequiresVerifiedEvidence { get; init; }

    public static readonly ClosurePolicy None = new();
}

/// <summary>
/// Closure policies per kind (configurable; by default recommendations need evidence, everything else can be closed
/// with a word). <see cref="Check"/> says why an item may not be closed yet, or null.
/// </summary>
public sealed record ClosureRules
{
    public Dictionary<ItemKind, ClosurePolicy> ByKind { get; init; } = new()
    {
        [ItemKind.Recommendation] = new ClosurePolicy { RequiresEvidence = true },
    };

    public ClosurePolicy For(ItemKind kind) => ByKind.GetValueOrDefault(kind) ?? ClosurePolicy.None;

    /// <summary>Why <paramref name="item"/> cannot be marked done by <paramref name="asker"/>, or null when it can.</summary>
    public string? Check(TrackedItem item, Person? asker)
    {
        var policy = For(item.Kind);
        var evidence = item.EvidenceEntries.Count + item.Evidence.Count;
        if (policy.RequiresEvidence && evidence == 0)
        {
            return $"{item.Id} needs evidence before it can be closed: add a link or document first.";
        }

        if (policy.RequiresVerifiedEvidence && !item.EvidenceEntries.Exists(e => e.VerifiedBy is not null))
        {
            return $"{item.Id} needs verified evidence (for example by internal audit) before it can be closed.";
        }

        return policy.RequiresSignOff && asker?.Role is not (Role.Manager or Role.Admin)
            ? $"Closing {item.Id} needs a manager's sign-off."
            : null;
    }
}
