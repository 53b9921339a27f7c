'use client';
// The assessment cycle's forms: each posts to one server action and announces its
// outcome (role=status / role=alert). Labels come from the message catalogs.
import { SelectOptions, type Option } from '@/components/select-options';
import { useActionState, useId } from 'react';
import { messages, type Locale } from '@/lib/i18n';
import type { ActionState, FormAction } from '@/lib/edge/action';
import styles from './cycle.module.css';
import { ActionMessage, notSubmitted } from '@/components/action-message';
import { AppealFlagField } from '../integrity/appeal-flag-field';
import { HintedField } from '@/components/hinted-field';

export function AppealForm({ locale, period, indicators, ledger, flags, submit }: { locale: Locale; period: string; indicators: Option[]; ledger?: { kind: 'request' | 'objection'; id: string } | null; flags?: string[]; submit: FormAction }) {
  const t = messages(locale).appeals;
  const [state, action, pending] = useActionState(submit, notSubmitted);
  const id = useId();
  return (
    <form action={action} className="form" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t.fileTitle}</h3>
      <input type="hidden" name="period" value={period} />
      <label>
        {t.target}
        <select name="indicator" defaultValue="">
          <SelectOptions options={indicators} none={t.targetTotal} />
        </select>
      </label>
      <AppealFlagField locale={locale} flags={flags} />
      <HintedField label={t.reason} hint={t.reasonHint} hintId={`${id}-reason-hint`}>
        <textarea name="reason" required maxLength={2000} rows={4} aria-describedby={`${id}-reason-hint`} />
      </HintedField>
      <HintedField label={t.evidence} hint={t.evidenceHint} hintId={`${id}-evidence-hint`}>
        <textarea name="evidence" maxLength={5000} rows={3} aria-describedby={`${id}-evidence-hint`} />
      </HintedField>
      <fieldset>
        <legend>{t.ledgerKind}</legend>
        <label>
          {t.ledgerKind}
          <select name="ledgerKind" defaultValue={ledger?.kind ?? ''} aria-describedby={`${id}-ledger-hint`}>
            <SelectOptions options={(['request', 'objection'] as const).map((k) => ({ value: k, label: t.ledgerKinds[k] }))} none={t.ledgerNone} />
          </select>
        </label>
        <label>
          {t.ledgerId}
          <input name="ledgerId" defaultValue={ledger?.id ?? ''} maxLength={128} aria-describedby={`${id}-ledger-hint`} />
        </label>
        <span id={`${id}-ledger-hint`} className="muted">
          {t.ledgerHint}
        </span>
      </fieldset>
      <ActionMessage state={state} />
      <button type="submit" className="primary" disabled={pending}>
        {t.submit}
      </button>
    </form>
  );
}

/** Stays mounted after the request (the incident is then no longer requestable) so its message remains. */
export function ExemptionRequestForm({ locale, incident, open, submit }: { locale: Locale; incident: number; open: boolean; submit: FormAction }) {
  const t = messages(locale).incidents;
  const [state, action, pending] = useActionState(submit, notSubmitted);
  const id = useId();
  if (!open) return <ActionMessage state={state} />;
  return (
    <form action={action} className="form" aria-label={`${t.requestTitle} #${incident}`}>
      <input type="hidden" name="id" value={incident} />
      <HintedField label={t.request} hint={t.requestHint} hintId={`${id}-hint`}>
        <textarea name="justification" required maxLength={2000} rows={3} aria-describedby={`${id}-hint`} />
      </HintedField>
      <ActionMessage state={state} />
      <button type="submit" className="secondary" disabled={pending}>
        {t.submitRequest}
      </button>
    </form>
  );
}

export function VerifyForm({ locale, period, submit }: { locale: Locale; period: string; submit: FormAction }) {
  const t = messages(locale).periodsAdmin;
  const [state, action, pending] = useActionState(submit, notSubmitted);
  return (
    <form action={action} className="stack">
      <input type="hidden" name="period" value={period} />
      <button type="submit" className="secondary" disabled={pending} data-testid={`verify-${period}`}>
        {t.verify}
      </button>
      <ActionMessage state={state} />
    </form>
  );
}

/**
 * The actions of one period row: publish (open), finalize or withdraw (published),
 * verify (finalized). One component for all, so the outcome of a transition stays
 * on screen when the row re-renders with its new status.
 */
export function PeriodActions({
  locale,
  period,
  status,
  blocker,
  actions,
}: {
  locale: Locale;
  period: string;
  status: 'open' | 'published' | 'finalized';
  blocker: 'window' | 'appeals' | null;
  actions: { publish: FormAction; withdraw: FormAction; finalize: FormAction; verify: FormAction };
}) {
  const t = messages(locale).periodsAdmin;
  const [published, publish, publishing] = useActionState(actions.publish, notSubmitted);
  const [withdrawn, withdraw, withdrawing] = useActionState(actions.withdraw, notSubmitted);
  const [finalized, finalize, finalizing] = useActionState(actions.finalize, notSubmitted);
  const [verified, verify, verifying] = useActionState(actions.verify, notSubmitted);
  const id = useId();
  const latest = [published, withdrawn, finalized, verified].reduce((a, b) => ((b.done ?? 0) >= (a.done ?? 0) && (b.ok || b.error) ? b : a), notSubmitted);
  const hint = blocker === 'window' ? t.finalizeHintWindow : blocker === 'appeals' ? t.finalizeHintAppeals : null;
  return (
    <div className={styles.actions}>
      {status === 'open' && (
        <form action={publish} className={styles.inline} aria-label={`${t.publish} ${period}`}>
          <input type="hidden" name="period" value={period} />
          <label htmlFor={`${id}-days`}>{t.appealDays}</label>
          <input id={`${id}-days`} name="appealDays" type="number" min={1} max={30} step={1} defaultValue={5} required style={{ width: '5em' }} />
          <button type="submit" className="primary" disabled={publishing} data-testid={`publish-${period}`}>
            {t.publish}
          </button>
        </form>
      )}
      {status === 'published' && (
        <>
          <form action={finalize} className={styles.inline} aria-label={`${t.finalize} ${period}`}>
            <input type="hidden" name="period" value={period} />
            <button type="submit" className="primary" disabled={finalizing} aria-describedby={hint ? `${id}-hint` : undefined} data-testid={`finalize-${period}`}>
              {t.finalize}
            </button>
            {hint && (
              <span id={`${id}-hint`} className="muted">
                （{hint}）
              </span>
            )}
          </form>
          <details className={styles.details}>
            <summary>{t.withdraw}</summary>
            <form action={withdraw} className={styles.inline} aria-label={`${t.withdraw} ${period}`}>
              <input type="hidden" name="period" value={period} />
              <label htmlFor={`${id}-reason`}>{t.withdrawReason}</label>
              <input id={`${id}-reason`} name="reason" required maxLength={1000} />
              <button type="submit" className="secondary" disabled={withdrawing}>
                {t.withdraw}
              </button>
            </form>
          </details>
        </>
      )}
      {status === 'finalized' && (
        <form action={verify} className={styles.inline}>
          <input type="hidden" name="period" value={period} />
          <button type="submit" className="secondary" disabled={verifying} data-testid={`verify-${period}`}>
            {t.verify}
          </button>
        </form>
      )}
      <ActionMessage state={latest} />
    </div>
  );
}

export function CalendarDayForm({ locale, year, submit }: { locale: Locale; year: number; submit: FormAction }) {
  const t = messages(locale).periodsAdmin;
  const [state, action, pending] = useActionState(submit, notSubmitted);
  return (
    <form action={action} className="toolbar" aria-label={t.addDay}>
      <label>
        {t.day}
        <input name="day" type="date" required min={`${year}-01-01`} max={`${year}-12-31`} />
      </label>
      <label>
        {t.dayKind}
        <select name="kind" defaultValue="holiday">
          <option value="holiday">{t.holiday}</option>
          <option value="workday">{t.workday}</option>
        </select>
      </label>
      <label>
        {t.dayName}
        <input name="name" maxLength={40} />
      </label>
      <button type="submit" className="secondary" disabled={pending}>
        {t.addDay}
      </button>
      <ActionMessage state={state} />
    </form>
  );
}

export function RemoveDayForm({ locale, day, submit }: { locale: Locale; day: string; submit: FormAction }) {
  const t = messages(locale).periodsAdmin;
  const [state, action, pending] = useActionState(submit, notSubmitted);
  return (
    <form action={action} className={styles.inline}>
      <input type="hidden" name="day" value={day} />
      <button type="submit" className="secondary" disabled={pending} aria-label={`${t.removeDay} ${day}`}>
        {t.removeDay}
      </button>
      <ActionMessage state={state} />
    </form>
  );
}

/** A decision once made: this submission's outcome message (if any), the reason and who decided. */
function Decision({ state, decided }: { state: ActionState; decided: { reason: string; by: string } }) {
  return (
    <div>
      <ActionMessage state={state} />
      <p className={styles.pre}>{decided.reason}</p>
      <p className="muted">{decided.by}</p>
    </div>
  );
}

export function DecideAppealForm({
  locale,
  appeal,
  months,
  indicators,
  decided,
  submit,
}: {
  locale: Locale;
  appeal: { id: number; indicator: string | null };
  months: string[];
  /** Indicators whose reported value can be corrected (source: metric). */
  indicators: Option[];
  /** The decision once made (the form then shows it, with the outcome message). */
  decided: { reason: string; by: string } | null;
  submit: FormAction;
}) {
  const t = messages(locale).appeals;
  const [state, action, pending] = useActionState(submit, notSubmitted);
  const id = useId();
  const correctable = appeal.indicator === null || indicators.some((i) => i.value === appeal.indicator);
  if (decided) return <Decision state={state} decided={decided} />;
  return (
    <form action={action} className="form" aria-label={`${t.decide} #${appeal.id}`}>
      <input type="hidden" name="id" value={appeal.id} />
      <fieldset>
        <legend>{t.decision}</legend>
        <label className={styles.choice}>
          <input type="radio" name="decision" value="accept" required /> {t.accept}
        </label>
        <label className={styles.choice}>
          <input type="radio" name="decision" value="reject" /> {t.reject}
        </label>
      </fieldset>
      <HintedField label={t.decisionReason} hint={t.decisionReasonHint} hintId={`${id}-reason-hint`}>
        <textarea name="reason" required maxLength={2000} rows={3} aria-describedby={`${id}-reason-hint`} />
      </HintedField>
      {correctable && (
        <fieldset>
          <legend>{t.correctionTitle}</legend>
          <label>
            {t.correctionMonth}
            <select name="month" defaultValue="">
              <option value="">{t.noCorrection}</option>
              {months.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t.correctionIndicator}
            <select name="indicator" defaultValue={appeal.indicator ?? ''}>
              {appeal.indicator === null && <option value="">—</option>}
              <SelectOptions options={indicators} />
            </select>
          </label>
          <HintedField label={t.correctionValue} hint={t.correctionValueHint} hintId={`${id}-value-hint`}>
            <input name="value" type="number" step="any" min={0} aria-describedby={`${id}-value-hint`} />
          </HintedField>
        </fieldset>
      )}
      <ActionMessage state={state} />
      <button type="submit" className="primary" disabled={pending} data-testid={`decide-appeal-${appeal.id}`}>
        {t.submitDecision}
      </button>
    </form>
  );
}

export function RecordIncidentForm({ locale, departments, today, submit }: { locale: Locale; departments: Option[]; today: string; submit: FormAction }) {
  const t = messages(locale).incidents;
  const [state, action, pending] = useActionState(submit, notSubmitted);
  return (
    <form action={action} className="form" aria-label={t.recordTitle}>
      <label>
        {t.department}
        <select name="department" required defaultValue="">
          <option value="" disabled>
            —
          </option>
          <SelectOptions options={departments} />
        </select>
      </label>
      <label>
        {t.occurredOn}
        <input name="occurredOn" type="date" required max={today} />
      </label>
      <label>
        {t.kind}
        <select name="kind" required defaultValue="quality">
          <option value="quality">{t.kinds.quality}</option>
          <option value="security">{t.kinds.security}</option>
        </select>
      </label>
      <label>
        {t.points}
        <input name="points" type="number" required min={0.01} max={100} step="any" />
      </label>
      <label>
        {t.description}
        <textarea name="description" required maxLength={2000} rows={3} />
      </label>
      <ActionMessage state={state} />
      <button type="submit" className="primary" disabled={pending}>
        {t.record}
      </button>
    </form>
  );
}

export function DecideExemptionForm({ locale, incident, decided, submit }: { locale: Locale; incident: number; decided: { reason: string; by: string } | null; submit: FormAction }) {
  const t = messages(locale).incidents;
  const [state, action, pending] = useActionState(submit, notSubmitted);
  if (decided) return <Decision state={state} decided={decided} />;
  return (
    <form action={action} className="form" aria-label={`${t.decide} #${incident}`}>
      <input type="hidden" name="id" value={incident} />
      <fieldset>
        <legend>{t.decision}</legend>
        <label className={styles.choice}>
          <input type="radio" name="decision" value="grant" required /> {t.grant}
        </label>
        <label className={styles.choice}>
          <input type="radio" name="decision" value="deny" /> {t.deny}
        </label>
      </fieldset>
      <label>
        {t.decisionReason}
        <textarea name="reason" required maxLength={2000} rows={2} />
      </label>
      <ActionMessage state={state} />
      <button type="submit" className="primary" disabled={pending}>
        {t.submitDecision}
      </button>
    </form>
  );
}
