import type { Metadata } from 'next';
import { guardPage } from '@/lib/auth/guard';
import { fill, formatInteger, formatNumber } from '@/lib/i18n';
import { getI18n } from '@/lib/i18n/server';
import { loadMethodology } from '@/lib/dashboard/methodology';
import { firstParam, pagePath } from '@/lib/dashboard/page-path';
import type { SearchParams } from '@/lib/dashboard/ranking-params';
import { PageHeading } from '@/components/dashboard/page-heading';
import { NoData } from '@/components/dashboard/no-data';
import { PeriodPicker } from '@/components/dashboard/period-picker';
import { TableHead } from '@/components/data-table';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: `${t.standing.methodologyTitle} · ${t.app.shortName}` };
}

export default async function MethodologyPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  await guardPage(pagePath('/methodology', sp), 'scores:read');
  const { locale, t } = await getI18n();
  const view = await loadMethodology(firstParam(sp.period));
  if (!view) return <NoData title={t.standing.methodologyTitle} t={t} />;
  const w = t.standing;
  const percentOf = (share: number) => `${formatNumber(locale, share * 100, 0)}%`;
  return (
    <section className="stack dashboard">
      <PageHeading
        title={w.methodologyTitle}
        period={view.period}
        computedAt={view.computedAt}
        updatingSince={view.updatingSince}
        locale={locale}
        t={t}
        picker={<PeriodPicker action="/methodology" periods={view.periods} current={view.period.code} locale={locale} t={t} />}
      >
        <p className="lead">{w.methodologyIntro}</p>
      </PageHeading>

      <section className="card" aria-labelledby="sensitivity-title">
        <h2 id="sensitivity-title">{w.sensitivityTitle}</h2>
        {view.sensitivity ? (
          <table className="data" data-testid="sensitivity-table">
            <caption className="muted">{fill(w.sensitivityNote, { samples: formatInteger(locale, view.sensitivity.samples) })}</caption>
            <TableHead columns={[w.choice, { label: w.firstOrder, numeric: true }, { label: w.totalOrder, numeric: true }, w.alternatives]} />
            <tbody>
              {view.sensitivity.choices.map((c) => (
                <tr key={c.choice}>
                  <th scope="row">{(w.choiceNames as Record<string, string>)[c.choice] ?? c.choice}</th>
                  <td className="num">{formatNumber(locale, Math.max(0, c.first), 3)}</td>
                  <td className="num">
                    <span className="index-bar" style={{ width: `${Math.round(Math.max(0, Math.min(1, c.total)) * 120)}px` }} aria-hidden="true" />
                    {formatNumber(locale, Math.max(0, c.total), 3)}
                  </td>
                  <td>{c.alternatives.join(' / ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">{w.noSensitivity}</p>
        )}
      </section>

      <div className="grid-2">
        <section className="card" aria-labelledby="tiers-title">
          <h2 id="tiers-title">{w.tiersTitle}</h2>
          <table className="data" data-testid="tier-rules">
            <TableHead columns={[t.rankings.tier, w.rankBand, { label: w.floor, numeric: true }]} />
            <tbody>
              {view.tiers.map((tier) => {
                const band = tier.to === null ? fill(w.bandRest, { from: percentOf(tier.from) }) : fill(w.band, { from: percentOf(tier.from), to: percentOf(tier.to) });
                return (
                  <tr key={tier.code}>
                    <th scope="row">{tier.name}</th>
                    <td>{band}{tier.minScore !== undefined ? ` · ≥ ${formatNumber(locale, tier.minScore, 0)}` : ''}</td>
                    <td className="num">{tier.floor === undefined ? '—' : formatNumber(locale, tier.floor, 0)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="muted small">{view.rankWithinGroups ? w.withinGroups : w.overall}</p>
        </section>
        <section className="card" aria-labelledby="dampening-title">
          <h2 id="dampening-title">{w.dampeningTitle}</h2>
          <p data-testid="dampening">
            {fill(w.dampeningText, {
              calls: formatInteger(locale, view.dampening.minCalls),
              days: formatInteger(locale, view.dampening.minDays),
              cap: view.dampening.consumerCap === null ? '—' : formatNumber(locale, view.dampening.consumerCap, 1),
            })}
          </p>
        </section>
      </div>
    </section>
  );
}
