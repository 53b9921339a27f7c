import { AppLink } from '@/components/app-link';
import { fill, formatInteger, formatNumber, type Locale, type Messages } from '@/lib/i18n';
import { tierLabel } from '@/lib/dashboard/format';
import { periodLabel } from '@/lib/dashboard/period-labels';
import type { RankingsView } from '@/lib/dashboard/rankings';
import { TierBadge } from './tier-badge';

/** The cards above the ranking: departments scored, median total, tiers, risers and fallers. */
export function SummaryCards({ view, locale, t }: { view: RankingsView; locale: Locale; t: Messages }) {
  const { summary } = view;
  const compared = view.previousPeriod ? fill(t.rankings.comparedWith, { period: periodLabel(view.previousPeriod, locale) }) : t.rankings.noPrevious;
  return (
    <div className="cards summary-cards">
      <div className="card">
        <div className="stat-label">{t.rankings.scored}</div>
        <div className="stat">{formatInteger(locale, summary.departments)}</div>
        {summary.unreported ? (
          <div className="muted small unreported-count" data-testid="unreported-count">
            {fill(t.standing.unreportedDepartments, { count: formatInteger(locale, summary.unreported), total: formatInteger(locale, summary.departments) })}
          </div>
        ) : null}
      </div>
      <div className="card">
        <div className="stat-label">{t.rankings.median}</div>
        <div className="stat">{summary.medianTotal === null ? '—' : formatNumber(locale, summary.medianTotal, 1)}</div>
      </div>
      <div className="card">
        <div className="stat-label">{t.rankings.tiers}</div>
        <ul className="tier-counts">
          {summary.tiers.map((x) => (
            <li key={x.tier}>
              <TierBadge tier={x.tier} label={tierLabel(x.tier, x.tierName, locale, t)} /> <strong>{formatInteger(locale, x.count)}</strong>
            </li>
          ))}
        </ul>
      </div>
      <MoverCard title={t.rankings.risers} note={compared} movers={view.risers} period={view.period.code} direction="up" t={t} />
      <MoverCard title={t.rankings.fallers} note={compared} movers={view.fallers} period={view.period.code} direction="down" t={t} />
    </div>
  );
}

function MoverCard({ title, note, movers, period, direction, t }: { title: string; note: string; movers: RankingsView['risers']; period: string; direction: 'up' | 'down'; t: Messages }) {
  return (
    <div className="card">
      <div className="stat-label">{title}</div>
      {movers.length ? (
        <ol className="movers">
          {movers.map((m) => {
            const n = Math.abs(m.previousRank - m.rank);
            return (
              <li key={m.code}>
                <AppLink href={`/departments/${encodeURIComponent(m.code)}?period=${encodeURIComponent(period)}`}>{m.name}</AppLink>{' '}
                <span className={direction === 'up' ? 'change change-up' : 'change change-down'}>
                  <span aria-hidden="true">{direction === 'up' ? '▲' : '▼'}</span>
                  {fill(direction === 'up' ? t.rankings.placesUp : t.rankings.placesDown, { n })}
                </span>
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="muted">{t.rankings.noMovers}</p>
      )}
      <p className="muted small">{note}</p>
    </div>
  );
}
