'use client';
// The scheme editor: every part of a scheme as a form, validated by lib/scoring
// parseScheme as the admin types, AHP matrices with live CR, a preview of every
// department's rank and tier move under the draft (the engine runs here, in the
// browser), and saving a new version with a reason.
import { useActionState, useDeferredValue, useEffect, useMemo, useState, useTransition } from 'react';
import { fill, messages, type Locale } from '@/lib/i18n';
import type { FormAction } from '@/lib/edge/action';
import { dropIndex, matrixSignature, moveItem, swapIndex, syncAhpMatrices } from '@/lib/schemes/editing';
import { previewSchemeChange, type PreviewTierCount } from '@/lib/schemes/preview';
import { parseScheme, type Dimension, type Indicator, type PairwiseMatrix, type Scheme, type ScoringInput, type Tier } from '@/lib/scoring';
import { ActionMessage, notSubmitted } from '@/components/action-message';
import { AhpMatrixEditor } from './ahp-matrix';
import { LinesField, NumberField, SelectField, TextField } from './fields';
import { PreviewTable } from './preview-table';
import styles from './scheme.module.css';
import { TableHead } from '@/components/data-table';
import { HintedField } from '@/components/hinted-field';

type Draft = Scheme;

export interface SchemeEditorProps {
  locale: Locale;
  initial: Scheme;
  version: number;
  previewPeriod: string | null;
  previewInput: ScoringInput | null;
  published: string[];
  /** The server actions (app/admin/scheme/actions.ts): save a version; the preview's input under a draft. */
  save: FormAction;
  loadPreviewInput: (period: string, body: unknown) => Promise<{ input?: ScoringInput; error?: string }>;
}

function newIndicator(existing: string[]): Indicator {
  let n = existing.length + 1;
  while (existing.includes(`indicator_${n}`)) n++;
  return { code: `indicator_${n}`, name: '', weight: 0.1, direction: 'higher', transform: 'none', normalize: 'minmax', aggregate: 'mean', source: 'metric', kind: 'rate' };
}

function allCodes(draft: Draft): string[] {
  return draft.dimensions.flatMap((d) => d.indicators.map((i) => i.code));
}

export function SchemeEditor({ locale, initial, version, previewPeriod, previewInput, published, save, loadPreviewInput }: SchemeEditorProps) {
  const t = messages(locale).schemeEditor;
  const [draft, setDraft] = useState<Draft>(initial);
  // Bumped when the draft is replaced wholesale (JSON applied, reset): uncontrolled inputs remount.
  const [revision, setRevision] = useState(0);
  const [jsonText, setJsonText] = useState(() => JSON.stringify(initial, null, 2));
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [onlyChanged, setOnlyChanged] = useState(false);
  const [draftInput, setDraftInput] = useState<{ signature: string; input: ScoringInput } | null>(null);
  const [loadingInput, startLoading] = useTransition();
  const [saveState, saveAction, saving] = useActionState(save, notSubmitted);
  // A saved version comes back as the new `initial`: start editing from it, keeping the save message.
  const [seenVersion, setSeenVersion] = useState(version);
  if (version !== seenVersion) {
    setSeenVersion(version);
    setDraft(initial);
    setDraftInput(null);
    setRevision((r) => r + 1);
  }

  const deferred = useDeferredValue(draft);
  const parsed = useMemo(() => parseScheme(deferred), [deferred]);
  const baseSignature = useMemo(() => matrixSignature(initial), [initial]);
  const draftSignature = parsed.ok ? matrixSignature(parsed.scheme) : null;
  const needsOwnInput = draftSignature !== null && draftSignature !== baseSignature;

  // A draft that adds indicators or changes roll-up rules needs the matrix rolled up its way.
  useEffect(() => {
    if (!needsOwnInput || !previewPeriod || !parsed.ok || draftInput?.signature === draftSignature) return;
    const body = parsed.scheme;
    const signature = draftSignature;
    const timer = setTimeout(() => {
      startLoading(async () => {
        const result = await loadPreviewInput(previewPeriod, body);
        if (result.input) setDraftInput({ signature: signature!, input: result.input });
      });
    }, 500);
    return () => clearTimeout(timer);
  }, [needsOwnInput, previewPeriod, parsed, draftSignature, draftInput?.signature, loadPreviewInput]);

  const preview = useMemo(() => {
    if (!parsed.ok || !previewInput) return null;
    const input = needsOwnInput ? (draftInput?.signature === draftSignature ? draftInput.input : null) : previewInput;
    if (!input) return null;
    try {
      return previewSchemeChange(previewInput, initial, parsed.scheme, input);
    } catch {
      return null;
    }
  }, [parsed, previewInput, initial, needsOwnInput, draftInput, draftSignature]);

  const update = (change: (next: Draft) => void) => {
    setDraft((prev) => {
      const next = structuredClone(prev);
      change(next);
      return syncAhpMatrices(next);
    });
  };
  const replace = (next: Draft) => {
    setDraft(syncAhpMatrices(next));
    setRevision((r) => r + 1);
  };

  const methodOptions = (['expert', 'equal', 'entropy', 'ahp', 'combined'] as const).map((m) => ({ value: m, label: t.methods[m] }));
  const dirty = JSON.stringify(draft) !== JSON.stringify(initial);

  return (
    <div className={styles.editor}>
      <section className={styles.section} aria-labelledby="scheme-general">
        <h2 id="scheme-general">{t.sectionGeneral}</h2>
        <div className={styles.grid} key={`general-${revision}`}>
          <label>
            {t.name}
            <TextField value={draft.name} required onChange={(v) => update((d) => void (d.name = v))} />
          </label>
          <label>
            {t.description}
            <TextField value={draft.description} onChange={(v) => update((d) => void (d.description = v || undefined))} />
          </label>
          <label>
            {t.aggregation}
            <SelectField
              value={draft.aggregation}
              options={(['linear', 'geometric'] as const).map((v) => ({ value: v, label: t.aggregations[v] }))}
              onChange={(v) => update((d) => void (d.aggregation = v ?? 'linear'))}
            />
          </label>
          <label>
            {t.missing}
            <SelectField
              value={draft.missing}
              options={(['zero', 'mean', 'exclude'] as const).map((v) => ({ value: v, label: t.missings[v] }))}
              onChange={(v) => update((d) => void (d.missing = v ?? 'zero'))}
            />
          </label>
          <label>
            {t.assessmentPoints}
            <NumberField value={draft.assessmentPoints} onChange={(v) => update((d) => void (d.assessmentPoints = v as number))} />
          </label>
          <label>
            {t.penaltyCap}
            <NumberField value={draft.penaltyCap} onChange={(v) => update((d) => void (d.penaltyCap = v as number))} />
          </label>
        </div>
      </section>

      <section className={styles.section} aria-labelledby="scheme-dimensions">
        <h2 id="scheme-dimensions">{t.sectionDimensions}</h2>
        {draft.dimensions.map((dimension, di) => (
          <DimensionEditor
            key={`${di}-${revision}`}
            locale={locale}
            dimension={dimension}
            index={di}
            count={draft.dimensions.length}
            onChange={(change) => update((d) => change(d.dimensions[di]))}
            onRemove={() =>
              update((d) => {
                d.dimensions.splice(di, 1);
                if (d.weighting.ahp) d.weighting.ahp.dimensions = dropIndex(d.weighting.ahp.dimensions, di);
              })
            }
            onMove={(to) =>
              update((d) => {
                d.dimensions = moveItem(d.dimensions, di, to);
                if (d.weighting.ahp) d.weighting.ahp.dimensions = swapIndex(d.weighting.ahp.dimensions, di, to);
              })
            }
            onRemoveIndicator={(ii) =>
              update((d) => {
                d.dimensions[di].indicators.splice(ii, 1);
                const key = d.dimensions[di].code;
                if (d.weighting.ahp?.indicators[key]) d.weighting.ahp.indicators[key] = dropIndex(d.weighting.ahp.indicators[key], ii)!;
              })
            }
            onMoveIndicator={(ii, to) =>
              update((d) => {
                const dim = d.dimensions[di];
                dim.indicators = moveItem(dim.indicators, ii, to);
                if (d.weighting.ahp?.indicators[dim.code]) d.weighting.ahp.indicators[dim.code] = swapIndex(d.weighting.ahp.indicators[dim.code], ii, to)!;
              })
            }
            onAddIndicator={() => update((d) => void d.dimensions[di].indicators.push(newIndicator(allCodes(d))))}
          />
        ))}
        <button
          type="button"
          className="secondary"
          onClick={() =>
            update((d) => {
              let n = d.dimensions.length + 1;
              while (d.dimensions.some((x) => x.code === `dimension_${n}`)) n++;
              d.dimensions.push({ code: `dimension_${n}`, name: '', weight: 0.1, indicators: [newIndicator(allCodes(d))] });
            })
          }
        >
          {t.addDimension}
        </button>
      </section>

      <section className={styles.section} aria-labelledby="scheme-weighting">
        <h2 id="scheme-weighting">{t.sectionWeighting}</h2>
        <div className={styles.row}>
          <label>
            {t.method}
            <SelectField value={draft.weighting.method} options={methodOptions} onChange={(v) => update((d) => void (d.weighting.method = v ?? 'expert'))} />
          </label>
          {draft.weighting.method === 'combined' && (
            <label>
              {t.alpha}
              <NumberField key={`alpha-${revision}`} value={draft.weighting.alpha} onChange={(v) => update((d) => void (d.weighting.alpha = v as number))} />
            </label>
          )}
        </div>
        {draft.weighting.method === 'ahp' && draft.weighting.ahp && (
          <div key={`ahp-${revision}-${draft.dimensions.length}`}>
            <p className="muted">{t.ahpHint}</p>
            {draft.dimensions.length >= 2 && draft.weighting.ahp.dimensions && (
              <AhpMatrixEditor
                locale={locale}
                title={t.ahpDimensions}
                labels={draft.dimensions.map((d) => d.name || d.code)}
                matrix={draft.weighting.ahp.dimensions}
                onChange={(m: PairwiseMatrix) => update((d) => void (d.weighting.ahp!.dimensions = m))}
              />
            )}
            {draft.dimensions.map((dim) =>
              dim.indicators.length >= 2 && draft.weighting.ahp?.indicators[dim.code] ? (
                <AhpMatrixEditor
                  key={`${dim.code}-${dim.indicators.length}`}
                  locale={locale}
                  title={fill(t.ahpIndicators, { dimension: dim.name || dim.code })}
                  labels={dim.indicators.map((i) => i.name || i.code)}
                  matrix={draft.weighting.ahp.indicators[dim.code]}
                  onChange={(m: PairwiseMatrix) => update((d) => void (d.weighting.ahp!.indicators[dim.code] = m))}
                />
              ) : null,
            )}
          </div>
        )}
      </section>

      <section className={styles.section} aria-labelledby="scheme-tiers">
        <h2 id="scheme-tiers">{t.sectionTiers}</h2>
        <TiersEditor key={`tiers-${revision}-${draft.tiers.length}`} locale={locale} tiers={draft.tiers} onChange={(change) => update((d) => change(d))} />
      </section>

      <section className={styles.section} aria-labelledby="scheme-incentives">
        <h2 id="scheme-incentives">{t.sectionIncentives}</h2>
        <div className={styles.grid} key={`incentives-${revision}`}>
          {draft.tiers.map((tier) => (
            <label key={tier.code}>
              {fill(t.incentivesFor, { tier: tier.name || tier.code })}
              <LinesField value={draft.incentives[tier.code] ?? []} onChange={(lines) => update((d) => void (d.incentives[tier.code] = lines))} />
            </label>
          ))}
        </div>
      </section>

      <section className={styles.section} aria-labelledby="scheme-uncertainty">
        <h2 id="scheme-uncertainty">{t.sectionUncertainty}</h2>
        <div className={styles.row} key={`uncertainty-${revision}`}>
          <label>
            {t.runs}
            <NumberField value={draft.uncertainty.runs} onChange={(v) => update((d) => void (d.uncertainty.runs = v as number))} />
          </label>
          <label>
            {t.jitter}
            <NumberField value={draft.uncertainty.weightJitter} onChange={(v) => update((d) => void (d.uncertainty.weightJitter = v as number))} />
          </label>
          <label>
            {t.seed}
            <NumberField value={draft.uncertainty.seed} onChange={(v) => update((d) => void (d.uncertainty.seed = v as number))} />
          </label>
        </div>
      </section>

      <section className={styles.section} aria-labelledby="scheme-json">
        <details
          onToggle={(e) => {
            if ((e.target as HTMLDetailsElement).open) setJsonText(JSON.stringify(draft, null, 2));
          }}
        >
          <summary id="scheme-json">{t.sectionJson}</summary>
          <p className="muted">{t.jsonHint}</p>
          <textarea className={styles.json} aria-label={t.sectionJson} value={jsonText} onChange={(e) => setJsonText(e.target.value)} spellCheck={false} />
          {jsonError && (
            <p className="error-box" role="alert">
              {jsonError}
            </p>
          )}
          <button
            type="button"
            className="secondary"
            onClick={() => {
              try {
                const body = JSON.parse(jsonText) as Draft;
                setJsonError(null);
                replace(body);
              } catch (err) {
                setJsonError(fill(t.jsonInvalid, { message: (err as Error).message }));
              }
            }}
          >
            {t.applyJson}
          </button>
        </details>
      </section>

      <section className={`${styles.section} ${styles.sticky}`} aria-label={parsed.ok ? t.valid : fill(t.invalidCount, { count: parsed.errors.length })}>
        <div role="status" aria-live="polite" data-testid="scheme-validation">
          {parsed.ok ? (
            <p className={styles.good}>✓ {t.valid}</p>
          ) : (
            <>
              <p className={styles.bad}>{fill(t.invalidCount, { count: parsed.errors.length })}</p>
              <ul className={styles.errors}>
                {parsed.errors.slice(0, 12).map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      </section>

      <section className={styles.section} aria-labelledby="scheme-preview">
        <h2 id="scheme-preview">{t.sectionPreview}</h2>
        {!previewInput || !previewPeriod ? (
          <p className="muted">{t.previewNone}</p>
        ) : !parsed.ok ? (
          <p className="muted">{t.previewInvalid}</p>
        ) : !preview ? (
          <p className="muted" aria-busy={loadingInput}>
            …
          </p>
        ) : (
          <>
            <p role="status" data-testid="preview-summary">
              {fill(t.previewSummary, {
                departments: preview.summary.departments,
                up: preview.summary.movedUp,
                down: preview.summary.movedDown,
                tiers: preview.summary.tierChanges,
                largest: preview.summary.largestMove,
              })}
            </p>
            <TierMix locale={locale} mix={preview.summary.tierMix} />
            <label className={styles.row}>
              <input type="checkbox" checked={onlyChanged} onChange={(e) => setOnlyChanged(e.target.checked)} /> {t.onlyChanged}
            </label>
            <PreviewTable locale={locale} period={previewPeriod} moves={preview.moves} onlyChanged={onlyChanged} />
          </>
        )}
      </section>

      <section className={styles.section} aria-labelledby="scheme-save">
        <h2 id="scheme-save">{t.sectionSave}</h2>
        {published.length > 0 && (
          <p className="error-box" role="note">
            {fill(t.publishedWarning, { periods: published.join('、') })}
          </p>
        )}
        <p className="muted">{t.finalizedNote}</p>
        <form action={saveAction} className="form">
          <input type="hidden" name="body" value={JSON.stringify(draft)} />
          <input type="hidden" name="basedOnVersion" value={version} />
          <HintedField label={t.reason} hint={t.reasonHint} hintId="scheme-reason-hint">
            <textarea name="reason" required maxLength={1000} rows={3} aria-describedby="scheme-reason-hint" />
          </HintedField>
          <HintedField label={t.effectiveFrom} hint={t.effectiveFromHint} hintId="scheme-effective-hint">
            <input type="date" name="effectiveFrom" aria-describedby="scheme-effective-hint" />
          </HintedField>
          <ActionMessage state={saveState} />
          <div className={styles.buttons}>
            <button type="submit" className="primary" disabled={!parsed.ok || saving || !dirty}>
              {saving ? t.saving : t.save}
            </button>
            <button type="button" className="secondary" disabled={!dirty} onClick={() => replace(initial)}>
              {t.reset}
            </button>
          </div>
        </form>
      </section>
    </div>
  );
}

function DimensionEditor({
  locale,
  dimension,
  index,
  count,
  onChange,
  onRemove,
  onMove,
  onRemoveIndicator,
  onMoveIndicator,
  onAddIndicator,
}: {
  locale: Locale;
  dimension: Dimension;
  index: number;
  count: number;
  onChange: (change: (d: Dimension) => void) => void;
  onRemove: () => void;
  onMove: (to: number) => void;
  onRemoveIndicator: (i: number) => void;
  onMoveIndicator: (i: number, to: number) => void;
  onAddIndicator: () => void;
}) {
  const t = messages(locale).schemeEditor;
  const label = dimension.name || dimension.code;
  const indicatorField = (i: number, change: (x: Indicator) => void) => onChange((d) => change(d.indicators[i]));
  return (
    <fieldset className={styles.dimension}>
      <legend>
        {t.dimension} {index + 1}：{label}
      </legend>
      <div className={styles.row}>
        <label>
          {t.dimensionCode}
          <TextField value={dimension.code} width="10em" onChange={(v) => onChange((d) => void (d.code = v))} />
        </label>
        <label>
          {t.dimensionName}
          <TextField value={dimension.name} width="10em" onChange={(v) => onChange((d) => void (d.name = v))} />
        </label>
        <label>
          {t.dimensionWeight}
          <NumberField value={dimension.weight} onChange={(v) => onChange((d) => void (d.weight = v as number))} />
        </label>
        <div className={styles.buttons}>
          <button type="button" className="secondary" disabled={index === 0} onClick={() => onMove(index - 1)} aria-label={`${t.moveUp} ${label}`}>
            ↑
          </button>
          <button type="button" className="secondary" disabled={index === count - 1} onClick={() => onMove(index + 1)} aria-label={`${t.moveDown} ${label}`}>
            ↓
          </button>
          <button type="button" className="secondary" disabled={count <= 1} onClick={onRemove}>
            {t.removeDimension}
          </button>
        </div>
      </div>
      <div className={styles.scroll}>
        <table className={`data ${styles.table}`}>
          <caption className="muted" style={{ textAlign: 'left' }}>
            {label} · {t.indicator}
          </caption>
          <TableHead
            columns={[t.indicatorCode, t.indicatorName, t.weight, t.direction, t.transform, t.normalize, t.target, t.aggregate, t.source, t.kind, t.unit, { label: <span className="muted">—</span> }]}
          />
          <tbody>
            {dimension.indicators.map((indicator, i) => {
              const name = indicator.name || indicator.code;
              const field = (column: string) => `${name} ${column}`;
              return (
                <tr key={i}>
                  <td>
                    <TextField value={indicator.code} width="12em" label={field(t.indicatorCode)} onChange={(v) => indicatorField(i, (x) => void (x.code = v))} />
                  </td>
                  <td>
                    <TextField value={indicator.name} width="9em" label={field(t.indicatorName)} onChange={(v) => indicatorField(i, (x) => void (x.name = v))} />
                  </td>
                  <td>
                    <NumberField value={indicator.weight} width="5em" label={field(t.weight)} onChange={(v) => indicatorField(i, (x) => void (x.weight = v as number))} />
                  </td>
                  <td>
                    <SelectField
                      value={indicator.direction}
                      label={field(t.direction)}
                      options={(['higher', 'lower'] as const).map((v) => ({ value: v, label: t.directions[v] }))}
                      onChange={(v) => indicatorField(i, (x) => void (x.direction = v ?? 'higher'))}
                    />
                  </td>
                  <td>
                    <SelectField
                      value={indicator.transform}
                      label={field(t.transform)}
                      options={(['none', 'log1p'] as const).map((v) => ({ value: v, label: t.transforms[v] }))}
                      onChange={(v) => indicatorField(i, (x) => void (x.transform = v ?? 'none'))}
                    />
                  </td>
                  <td>
                    <SelectField
                      value={indicator.normalize}
                      label={field(t.normalize)}
                      options={(['minmax', 'target', 'zscore', 'rank'] as const).map((v) => ({ value: v, label: t.normalizes[v] }))}
                      onChange={(v) => indicatorField(i, (x) => void (x.normalize = v ?? 'minmax'))}
                    />
                  </td>
                  <td>
                    <NumberField value={indicator.target} width="5em" label={field(t.target)} onChange={(v) => indicatorField(i, (x) => void (x.target = v as number | undefined))} />
                  </td>
                  <td>
                    <SelectField
                      value={indicator.aggregate}
                      label={field(t.aggregate)}
                      options={(['sum', 'mean', 'last', 'max'] as const).map((v) => ({ value: v, label: t.aggregates[v] }))}
                      onChange={(v) => indicatorField(i, (x) => void (x.aggregate = v ?? 'mean'))}
                    />
                  </td>
                  <td>
                    <SelectField
                      value={indicator.source}
                      label={field(t.source)}
                      options={(['metric', 'events'] as const).map((v) => ({ value: v, label: t.sources[v] }))}
                      onChange={(v) => indicatorField(i, (x) => void (x.source = v ?? 'metric'))}
                    />
                  </td>
                  <td>
                    <SelectField
                      value={indicator.kind}
                      label={field(t.kind)}
                      options={[
                        { value: '', label: t.kindsList.none },
                        ...(['count', 'rate', 'score'] as const).map((v) => ({ value: v, label: t.kindsList[v] })),
                      ]}
                      onChange={(v) => indicatorField(i, (x) => void (x.kind = v))}
                    />
                  </td>
                  <td>
                    <TextField value={indicator.unit} width="4em" label={field(t.unit)} onChange={(v) => indicatorField(i, (x) => void (x.unit = v || undefined))} />
                  </td>
                  <td>
                    <div className={styles.rowButtons}>
                      <button type="button" className="secondary" disabled={i === 0} onClick={() => onMoveIndicator(i, i - 1)} aria-label={`${t.moveUp} ${name}`}>
                        ↑
                      </button>
                      <button
                        type="button"
                        className="secondary"
                        disabled={i === dimension.indicators.length - 1}
                        onClick={() => onMoveIndicator(i, i + 1)}
                        aria-label={`${t.moveDown} ${name}`}
                      >
                        ↓
                      </button>
                      <button type="button" className="secondary" disabled={dimension.indicators.length <= 1} onClick={() => onRemoveIndicator(i)} aria-label={`${t.removeIndicator} ${name}`}>
                        {t.removeIndicator}
                      </button>
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <button type="button" className="secondary" onClick={onAddIndicator}>
        {t.addIndicator}
      </button>
    </fieldset>
  );
}

/** How many departments each tier would hold, now and under the draft: seen before saving. */
function TierMix({ locale, mix }: { locale: Locale; mix: PreviewTierCount[] }) {
  const t = messages(locale).standing;
  return (
    <table className={`data ${styles.table}`} data-testid="tier-mix">
      <caption className="muted" style={{ textAlign: 'left' }}>
        {t.tierMix}：{t.tierMixNote}
      </caption>
      <TableHead columns={[messages(locale).schemeEditor.tierName, { label: t.tierMixBefore, numeric: true }, { label: t.tierMixAfter, numeric: true }]} />
      <tbody>
        {mix.map((m) => (
          <tr key={m.tier}>
            <th scope="row">{m.name}</th>
            <td className="num">{m.before}</td>
            <td className="num">{m.after}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function TiersEditor({ locale, tiers, onChange }: { locale: Locale; tiers: Tier[]; onChange: (change: (d: Draft) => void) => void }) {
  const t = messages(locale).schemeEditor;
  const tierField = (i: number, change: (x: Tier) => void) => onChange((d) => change(d.tiers[i]));
  return (
    <>
      <table className={`data ${styles.table}`}>
        <caption className="muted" style={{ textAlign: 'left' }}>
          {t.lastTierNote}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t.tierCode}</th>
            <th scope="col">{t.tierName}</th>
            <th scope="col">{t.topShare}</th>
            <th scope="col">{t.minScore}</th>
            <th scope="col">{messages(locale).standing.floor}</th>
            <th scope="col">
              <span className="muted">—</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tiers.map((tier, i) => {
            const last = i === tiers.length - 1;
            const name = tier.name || tier.code;
            return (
              <tr key={i}>
                <td>
                  <TextField
                    value={tier.code}
                    width="9em"
                    label={`${name} ${t.tierCode}`}
                    onChange={(v) =>
                      onChange((d) => {
                        const old = d.tiers[i].code;
                        d.tiers[i].code = v;
                        if (d.incentives[old] && old !== v) {
                          d.incentives[v] = d.incentives[old];
                          delete d.incentives[old];
                        }
                      })
                    }
                  />
                </td>
                <td>
                  <TextField value={tier.name} width="8em" label={`${name} ${t.tierName}`} onChange={(v) => tierField(i, (x) => void (x.name = v))} />
                </td>
                <td>
                  <NumberField value={tier.topShare} disabled={last} width="5em" label={`${name} ${t.topShare}`} onChange={(v) => tierField(i, (x) => void (x.topShare = v as number | undefined))} />
                </td>
                <td>
                  <NumberField value={tier.minScore} disabled={last} width="5em" label={`${name} ${t.minScore}`} onChange={(v) => tierField(i, (x) => void (x.minScore = v as number | undefined))} />
                </td>
                <td>
                  <NumberField value={tier.floor} disabled={last} width="5em" label={`${name} ${messages(locale).standing.floor}`} onChange={(v) => tierField(i, (x) => void (x.floor = v as number | undefined))} />
                </td>
                <td>
                  <button
                    type="button"
                    className="secondary"
                    disabled={tiers.length <= 1 || last}
                    onClick={() =>
                      onChange((d) => {
                        const [removed] = d.tiers.splice(i, 1);
                        delete d.incentives[removed.code];
                      })
                    }
                  >
                    {t.removeTier}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button
        type="button"
        className="secondary"
        onClick={() =>
          onChange((d) => {
            let n = d.tiers.length;
            while (d.tiers.some((x) => x.code === `tier_${n}`)) n++;
            d.tiers.splice(d.tiers.length - 1, 0, { code: `tier_${n}`, name: '', minScore: 50 });
          })
        }
      >
        {t.addTier}
      </button>
    </>
  );
}
