import { AppLink } from '@/components/app-link';
import { guardPage } from '@/lib/auth/guard';
import { getI18n } from '@/lib/i18n/server';

export const dynamic = 'force-dynamic';

const SECTIONS = ['users', 'tokens', 'departments', 'scheme', 'periods', 'appeals', 'exemptions', 'ingest'] as const;

export default async function AdminIndexPage() {
  await guardPage('/admin', 'admin:view');
  const { t } = await getI18n();
  return (
    <section className="stack" aria-labelledby="admin-title">
      <h1 id="admin-title">{t.adminIndex.title}</h1>
      <p className="lead">{t.adminIndex.intro}</p>
      <ul className="cards" style={{ listStyle: 'none', padding: 0 }}>
        {SECTIONS.map((s) => (
          <li key={s} className="card">
            <h2>
              <AppLink href={`/admin/${s}`}>{t.adminIndex[s]}</AppLink>
            </h2>
            <p className="muted">{t.adminIndex[`${s}Hint`]}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
