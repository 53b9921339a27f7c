import { fill, formatNumber, type Locale, type Messages } from '@/lib/i18n';
import { rankText, tierLabel } from '@/lib/dashboard/format';
import type { DepartmentScoreCard } from '@/lib/dashboard/department';
import { RankInterval } from './rank-interval';
import { TierBadge } from './tier-badge';

/** Total, rank, rank interval, tier, penalty, the gap to the department above, and the recommendations. */
export function ScoreCard({ score, recommendations, locale, t }: { score: DepartmentScoreCard; recommendations: string[]; locale: Locale; t: Messages }) {
  return (
    <section className="card score-card" aria-labelledby="score-title" data-testid="score-card">
      <h2 id="score-title">{t.department.scoreCard}</h2>
      <div className="score-facts">
        <div>
          <div className="stat-label">{t.department.total}</div>
          <div className="stat stat-big">{formatNumber(locale, score.total, 1)}</div>
        </div>
        <div>
          <div className="stat-label">{t.department.rank}</div>
          <div className="stat">{rankText(score.rank, t)}</div>
          <div className="muted small">{fill(t.dashboard.ofRanked, { count: score.ranked })}</div>
        </div>
        <div>
          <div className="stat-label">{t.department.tier}</div>
          <div className="stat">
            <TierBadge tier={score.tier} label={tierLabel(score.tier, score.tierName, locale, t)} />
          </div>
        </div>
        <div>
          <div className="stat-label">{t.department.interval}</div>
          <RankInterval rank={score.rank} interval={score.rankInterval} ranked={score.ranked} straddles={score.straddlesTier} t={t} />
        </div>
        <div>
          <div className="stat-label">{t.department.penalty}</div>
          <div className="stat">{score.penalty > 0 ? `−${formatNumber(locale, score.penalty, 1)}` : formatNumber(locale, 0, 1)}</div>
        </div>
        <div>
          <div className="stat-label">{t.department.gapToAbove}</div>
          <div className="stat">{score.gapToAbove === null ? t.department.first : fill(t.department.gapPoints, { points: formatNumber(locale, score.gapToAbove, 1) })}</div>
        </div>
        {score.group ? (
          <div>
            <div className="stat-label">{t.standing.group}</div>
            <div className="stat" data-testid="peer-group">{score.group}</div>
            {score.overallRank !== null ? <div className="muted small">{t.standing.overallRank} {rankText(score.overallRank, t)}</div> : null}
          </div>
        ) : null}
        {score.methodInterval ? (
          <div title={t.standing.methodIntervalNote}>
            <div className="stat-label">{t.standing.methodInterval}</div>
            <div className="stat" data-testid="method-interval">{`${score.methodInterval[0]}–${score.methodInterval[1]}`}</div>
          </div>
        ) : null}
        {score.missing.count ? (
          <div>
            <div className="stat-label">{t.standing.notReported}</div>
            <div className="stat missing-cost" data-testid="missing-cost">
              {fill(t.standing.missingCostNote, { count: score.missing.count, points: formatNumber(locale, score.missing.points ?? 0, 2) })}
            </div>
          </div>
        ) : null}
      </div>
      {recommendations.length ? (
        <>
          <h3>{t.department.recommendations}</h3>
          <ul className="recommendations">
            {recommendations.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
