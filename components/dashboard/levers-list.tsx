import type { Messages } from '@/lib/i18n';

/** "What to fix first": the same lever list as the score card's advice, the API and the export, biggest gain first. */
export function LeversList({ levers, t }: { levers: Array<{ indicator: string; text: string }>; t: Messages }) {
  return (
    <section className="card levers" aria-labelledby="levers-title" data-testid="levers">
      <h2 id="levers-title">{t.department.levers}</h2>
      {levers.length ? (
        <ol>
          {levers.map((l) => (
            <li key={l.indicator}>{l.text}</li>
          ))}
        </ol>
      ) : (
        <p className="muted">{t.department.noLevers}</p>
      )}
    </section>
  );
}
