import type { ReactNode } from 'react';
import type { Locale, Messages } from '@/lib/i18n';
import type { PeriodChoiceRow } from '@/lib/dashboard/period-choice';
import { PageHeading } from './page-heading';

/** A dashboard page for a period whose scores were never computed: their first computation is under way (lib/scores pageStamps). */
export function ScoresComputing({ title, period, picker, locale, t }: { title: string; period: PeriodChoiceRow; picker: ReactNode; locale: Locale; t: Messages }) {
  return (
    <section className="stack dashboard">
      <PageHeading title={title} period={period} locale={locale} t={t} picker={picker} />
      <p className="card notice" role="status" data-testid="scores-computing">
        {t.scoresComputing.notice}
      </p>
    </section>
  );
}
