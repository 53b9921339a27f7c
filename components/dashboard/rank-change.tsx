import { rankChangeText, type ChangeWords } from '@/lib/dashboard/format';

/** ▲3 / ▼2 / – / 新, with the change in words for screen readers. */
export function RankChange({ change, t }: { change: number | null; t: ChangeWords }) {
  const words = rankChangeText(change, t);
  if (change === null) return <span className="change change-new">{words}</span>;
  const symbol = change > 0 ? `▲${change}` : change < 0 ? `▼${-change}` : '–';
  const kind = change > 0 ? 'change-up' : change < 0 ? 'change-down' : 'change-same';
  return (
    <span className={`change ${kind}`} title={words}>
      <span aria-hidden="true">{symbol}</span>
      <span className="visually-hidden">{words}</span>
    </span>
  );
}
