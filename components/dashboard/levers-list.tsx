import type { Locale, Messages } from '@/lib/i18n';
import { leverText } from '@/lib/dashboard/format';

/** "What to fix first": the levers in words, the biggest gain first. */
export function LeversList({ levers, locale, t }: { levers: Array<{ indicator: string; name: string; points: number }>; locale: Locale; t: Messages }) {
  return (
    <section className="card levers" aria-labelledby="levers-title" data-testid="levers">
      <h2 id="levers-title">{t.department.levers}</h2>
      {levers.length ? (
        <ol>
          {levers.map((l) => (
            <li key={l.indicator}>{leverText(l.name, l.points, locale, t)}</li>
          ))}
        </ol>
      ) : (
        <p className="muted">{t.department.noLevers}</p>
      )}
    </section>
  );
}
