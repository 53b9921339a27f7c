import { AppLink } from '@/components/app-link';
import type { Locale, Messages } from '@/lib/i18n';
import type { DepartmentLoad, DepartmentView } from '@/lib/dashboard/department';
import { localizeMeta } from '@/lib/dashboard/scheme-meta';
import { leverTexts, recommendationTexts } from '@/lib/advice/sentences';
import { AppealsTable } from './appeals-table';
import { DepartmentTrendFigure, DimensionsFigure } from './department-charts';
import { IncidentsTable } from './incidents-table';
import { IndicatorTable } from './indicator-table';
import { LeversList } from './levers-list';
import { PageHeading } from './page-heading';
import { PeriodPicker } from './period-picker';
import { ScoreCard } from './score-card';
import { ScoresComputing } from './scores-computing';
import { FlagBadge, type FlagBadgeData } from '../integrity/flag-badge';

/** A department's standing in a period (or that its scores are being computed); /departments/{code} and /me both render this. */
export function DepartmentPage({ loaded, action, locale, t, flag }: { loaded: Extract<DepartmentLoad, { kind: 'ok' | 'computing' }>; action: string; locale: Locale; t: Messages; flag?: FlagBadgeData | null }) {
  if (loaded.kind === 'computing') {
    const { department, period, periods } = loaded;
    const picker = <PeriodPicker action={action} periods={periods} current={period.code} locale={locale} t={t} />;
    return <ScoresComputing title={`${department.name}（${department.code}）`} period={period} picker={picker} locale={locale} t={t} />;
  }
  const raw = loaded.view;
  const scheme = localizeMeta(raw.scheme, locale, t);
  const names = new Map(scheme.indicators.map((i) => [i.code, i.name]));
  const dimensionNames = new Map(scheme.dimensions.map((d) => [d.code, d.name]));
  const view: DepartmentView = {
    ...raw,
    scheme,
    dimensions: raw.dimensions.map((d) => ({ ...d, name: dimensionNames.get(d.code) ?? d.name })),
    indicators: raw.indicators.map((i) => ({ ...i, name: names.get(i.code) ?? i.name })),
    levers: raw.levers.map((l) => ({ ...l, name: names.get(l.indicator) ?? l.name })),
  };
  const recommendations = view.score ? recommendationTexts(view.score.advice, scheme, locale) : [];
  const leverLines = leverTexts(view.levers, scheme, locale).map((text, i) => ({ indicator: view.levers[i].indicator, text }));
  return (
    <section className="stack dashboard" data-testid="department-page" data-department={view.department.code}>
      <PageHeading
        title={`${view.department.name}（${view.department.code}）`}
        period={view.period}
        computedAt={view.computedAt}
        updatingSince={view.updatingSince}
        locale={locale}
        t={t}
        picker={<PeriodPicker action={action} periods={view.periods} current={view.period.code} locale={locale} t={t} />}
      >
        <p className="muted">
          <AppLink href={`/rankings?period=${encodeURIComponent(view.period.code)}`}>← {t.nav.rankings}</AppLink>
          <FlagBadge badge={flag} />
        </p>
      </PageHeading>
      {view.score ? (
        <>
          <div className="department-top">
            <ScoreCard score={view.score} recommendations={recommendations} locale={locale} t={t} />
            <LeversList levers={leverLines} t={t} />
          </div>
          <div className="chart-grid">
            <DimensionsFigure view={view} locale={locale} t={t} />
            <DepartmentTrendFigure view={view} locale={locale} t={t} />
          </div>
          <IndicatorTable indicators={view.indicators} dimensions={view.scheme.dimensions} locale={locale} t={t} />
        </>
      ) : (
        <p className="card">{t.department.notScored}</p>
      )}
      <div className="grid-2">
        <IncidentsTable incidents={view.incidents} locale={locale} t={t} />
        <AppealsTable appeals={view.appeals} indicatorNames={names} locale={locale} t={t} />
      </div>
    </section>
  );
}
