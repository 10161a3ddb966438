/** The counts of a vote on the draft (职代会审议, docs/domain.md, the procedure). */
export interface VoteCounts {
  total: number;
  present: number;
  inFavour: number;
}

/**
 * The field of a vote whose count cannot be, whatever the rules: more present than members
 * (`present`), more in favour than present (`inFavour`); null when the counts can be.
 */
export function impossibleVoteCount(vote: VoteCounts): 'present' | 'inFavour' | null {
  if (vote.present > vote.total) return 'present';
  if (vote.inFavour > vote.present) return 'inFavour';
  return null;
}
