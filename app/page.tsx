import { getI18n } from '@/lib/i18n/server';
import { checkHealth } from '@/lib/system/health';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const { t } = await getI18n();
  const health = await checkHealth();
  return (
    <section className="stack">
      <h1>
        {t.home.welcome} {t.app.name}
      </h1>
      <p className="lead">{t.home.intro}</p>
      <div className="card">
        <h2>{t.health.title}</h2>
        <dl className="kv">
          <dt>{t.health.database}</dt>
          <dd>
            {health.database ?? '—'} · {health.ok ? t.health.ok : t.health.down}
          </dd>
          <dt>{t.health.migrations}</dt>
          <dd>{health.migrations === 'unknown' ? '—' : t.health[health.migrations]}</dd>
        </dl>
      </div>
    </section>
  );
}
