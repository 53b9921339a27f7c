// The ledger pages' filters: GET forms (they work without JavaScript), the state kept in the URL.
import { AppLink } from '@/components/app-link';
import { SelectOptions } from '@/components/select-options';
import type { Messages } from '@/lib/i18n';
import { CATALOG_STATUSES, OBJECTION_STATES, REQUEST_STATES, SHARE_TYPES, type CatalogParams, type RequestsParams } from '@/lib/ledgers/views';

export function CatalogFilters({ params, period, t }: { params: CatalogParams; period: string | null; t: Messages }) {
  const l = t.ledgers;
  return (
    <form className="toolbar ranking-filters" action="/catalog" method="get" role="search" aria-label={l.filterTitle} data-testid="catalog-filters">
      {period ? <input type="hidden" name="period" value={period} /> : null}
      <label>
        {l.provider}
        <input type="search" name="provider" defaultValue={params.provider ?? ''} placeholder={l.departmentHint} maxLength={64} />
      </label>
      <label>
        {l.shareType}
        <select name="shareType" defaultValue={params.shareType ?? ''}>
          <SelectOptions options={SHARE_TYPES.map((s) => ({ value: s, label: l.shareTypes[s] }))} none={l.all} />
        </select>
      </label>
      <label>
        {l.status}
        <select name="status" defaultValue={params.status ?? ''}>
          <SelectOptions options={CATALOG_STATUSES.map((s) => ({ value: s, label: l.catalogStatus[s] }))} none={l.all} />
        </select>
      </label>
      <label className="check">
        <span>
          <input type="checkbox" name="zombie" value="1" defaultChecked={params.zombie} /> {l.zombieOnly}
        </span>
      </label>
      <button type="submit" className="primary">
        {l.apply}
      </button>
      <AppLink href={period ? `/catalog?period=${encodeURIComponent(period)}` : '/catalog'}>{l.reset}</AppLink>
    </form>
  );
}

export function RequestsFilters({ params, t }: { params: RequestsParams; t: Messages }) {
  const l = t.ledgers;
  const objections = params.tab === 'objections';
  const states = objections
    ? OBJECTION_STATES.map((s) => ({ value: s, label: l.objectionStates[s] }))
    : [{ value: 'open', label: l.states.open }, ...REQUEST_STATES.map((s) => ({ value: s, label: l.states[s] }))];
  return (
    <form className="toolbar ranking-filters" action="/requests" method="get" role="search" aria-label={l.filterTitle} data-testid="requests-filters">
      {objections ? <input type="hidden" name="tab" value="objections" /> : null}
      <label>
        {l.provider}
        <input type="search" name="provider" defaultValue={params.provider ?? ''} placeholder={l.departmentHint} maxLength={64} />
      </label>
      <label>
        {l.consumer}
        <input type="search" name="consumer" defaultValue={params.consumer ?? ''} placeholder={l.departmentHint} maxLength={64} />
      </label>
      <label>
        {l.state}
        <select name="state" defaultValue={states.some((s) => s.value === params.state) ? params.state : ''}>
          <SelectOptions options={states} none={l.all} />
        </select>
      </label>
      <label className="check">
        <span>
          <input type="checkbox" name="overdue" value="1" defaultChecked={params.overdue} /> {l.overdueOnly}
        </span>
      </label>
      <button type="submit" className="primary">
        {l.apply}
      </button>
      <AppLink href={objections ? '/requests?tab=objections' : '/requests'}>{l.reset}</AppLink>
    </form>
  );
}
