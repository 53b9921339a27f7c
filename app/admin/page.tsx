import { AppLink } from '@/components/app-link';
import { guardPage } from '@/lib/auth/guard';
import { can, type Action } from '@/lib/auth/permissions';
import { getI18n } from '@/lib/i18n/server';

// Each section with the action its page asks; accounts and tokens belong to the security officer (三员分立).
const SECTIONS = [
  ['departments', 'departments:manage'],
  ['scheme', 'scheme:read'],
  ['periods', 'periods:manage'],
  ['appeals', 'appeals:decide'],
  ['exemptions', 'exemptions:decide'],
  ['ingest', 'admin:view'],
] as const satisfies ReadonlyArray<readonly [string, Action]>;

export default async function AdminIndexPage() {
  const { principal } = await guardPage('/admin', 'admin:view');
  const { t } = await getI18n();
  return (
    <section className="stack" aria-labelledby="admin-title">
      <h1 id="admin-title">{t.adminIndex.title}</h1>
      <p className="lead">{t.adminIndex.intro}</p>
      <ul className="cards" style={{ listStyle: 'none', padding: 0 }}>
        {SECTIONS.filter(([, action]) => can(principal, action)).map(([s]) => (
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
