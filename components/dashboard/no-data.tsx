import type { Messages } from '@/lib/i18n';

/** A dashboard page while no period has data: its title and the notice. */
export function NoData({ title, t }: { title: string; t: Messages }) {
  return (
    <section className="stack">
      <h1>{title}</h1>
      <p className="card">{t.dashboard.noData}</p>
    </section>
  );
}
