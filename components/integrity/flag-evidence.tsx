// A flag's evidence, readable: its sentence, and a small picture of the numbers — the share
// as a bar (concentration, thin consumers, reciprocal pairs, zombie resources) or the month
// against the department's own history (call spikes).
import { formatInteger, formatNumber, type Locale, type Messages } from '@/lib/i18n';
import styles from './integrity.module.css';

interface Flag {
  kind: string;
  evidence: Record<string, unknown>;
}

const num = (v: unknown) => (typeof v === 'number' ? v : Number(v ?? 0));

function ShareBar({ share, label, locale }: { share: number; label: string; locale: Locale }) {
  const pct = Math.max(0, Math.min(1, share)) * 100;
  return (
    <span className="nowrap">
      <span className={styles.bar} role="img" aria-label={`${label} ${formatNumber(locale, pct, 0)}%`}>
        <span className={styles.barFill} style={{ width: `${pct}%` }} />
      </span>
      {formatNumber(locale, pct, 0)}%
    </span>
  );
}

function Spike({ evidence, locale, t }: { evidence: Record<string, unknown>; locale: Locale; t: Messages['integrity'] }) {
  const history = (evidence.history as Array<{ month: string; calls: number }> | undefined) ?? [];
  const now = { month: String(evidence.month), calls: num(evidence.calls) };
  const max = Math.max(1, now.calls, ...history.map((h) => h.calls));
  const label = [...history, now].map((h) => `${h.month}: ${formatInteger(locale, Math.round(h.calls))}`).join(', ');
  return (
    <span className={styles.spark} role="img" aria-label={`${t.historyLabel}: ${label}`} title={label}>
      {history.map((h) => (
        <span key={h.month} className={styles.sparkBar} style={{ height: `${Math.max(2, (h.calls / max) * 32)}px` }} />
      ))}
      <span className={styles.sparkNow} style={{ height: `${Math.max(2, (now.calls / max) * 32)}px` }} />
    </span>
  );
}

export function FlagEvidence({ flag, message, locale, t }: { flag: Flag; message: string; locale: Locale; t: Messages['integrity'] }) {
  const e = flag.evidence;
  let picture: React.ReactNode = null;
  if (flag.kind === 'call_spike') picture = <Spike evidence={e} locale={locale} t={t} />;
  else if (flag.kind === 'reciprocal_pair') {
    picture = (
      <>
        <ShareBar share={num(e.share)} label={t.shareLabel} locale={locale} /> <ShareBar share={num(e.partnerShare)} label={t.shareLabel} locale={locale} />
      </>
    );
  } else if (typeof e.share === 'number') picture = <ShareBar share={e.share} label={t.shareLabel} locale={locale} />;
  const resources = Array.isArray(e.resources) ? (e.resources as string[]) : [];
  return (
    <div className={styles.evidence}>
      <p>{message}</p>
      {picture && <div>{picture}</div>}
      {resources.length > 0 && <p className="muted small">{resources.join('、')}</p>}
    </div>
  );
}
