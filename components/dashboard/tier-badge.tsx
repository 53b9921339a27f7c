/** A tier as a coloured badge; the colour follows the tier code, the text is the tier's name. */
export function TierBadge({ tier, label }: { tier: string; label: string }) {
  return <span className={`badge tier-${tier}`}>{label}</span>;
}
