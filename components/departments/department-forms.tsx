'use client';
import { SelectOptions, type Option } from '@/components/select-options';
import { useActionState } from 'react';
import type { FormAction } from '@/lib/edge/action';
import { ActionMessage, notSubmitted } from '@/components/action-message';
import type { Messages } from '@/lib/i18n';

type Labels = Messages['adminDepartments'];
const LEVELS = ['province', 'city', 'county'] as const;

function LevelSelect({ id, labels, value }: { id: string; labels: Labels; value?: string }) {
  return (
    <label htmlFor={id}>
      {labels.level}
      <select id={id} name="level" defaultValue={value ?? 'province'}>
        {LEVELS.map((l) => (
          <option key={l} value={l}>
            {labels.levels[l]}
          </option>
        ))}
      </select>
    </label>
  );
}

function ParentSelect({ id, labels, parents, value }: { id: string; labels: Labels; parents: Option[]; value?: string | null }) {
  return (
    <label htmlFor={id}>
      {labels.parent}
      <select id={id} name="parentCode" defaultValue={value ?? ''}>
        <SelectOptions options={parents} none={labels.parentNone} />
      </select>
    </label>
  );
}

export function CreateDepartmentForm({ labels, parents, submit }: { labels: Labels; parents: Option[]; submit: FormAction }) {
  const [state, action, pending] = useActionState(submit, notSubmitted);
  return (
    <form action={action} className="form">
      <label htmlFor="dept-code">
        {labels.code}
        <input id="dept-code" name="code" required maxLength={32} pattern="[A-Za-z0-9_\-]{1,32}" />
      </label>
      <label htmlFor="dept-name">
        {labels.name}
        <input id="dept-name" name="name" required maxLength={100} />
      </label>
      <ParentSelect id="dept-parent" labels={labels} parents={parents} />
      <LevelSelect id="dept-level" labels={labels} />
      <button type="submit" className="primary" disabled={pending}>
        {labels.create}
      </button>
      <ActionMessage state={state} />
    </form>
  );
}

export interface EditableDepartment {
  code: string;
  name: string;
  parentCode: string | null;
  level: string;
  active: boolean;
}

export function EditDepartmentForm({ labels, parents, department: d, submit }: { labels: Labels; parents: Option[]; department: EditableDepartment; submit: FormAction }) {
  const [state, action, pending] = useActionState(submit, notSubmitted);
  const id = (field: string) => `dept-${d.code}-${field}`;
  return (
    <form action={action} className="inline-form" aria-label={`${labels.save} ${d.code}`}>
      <input type="hidden" name="code" value={d.code} />
      <label htmlFor={id('name')} className="sr-only">
        {labels.name}
      </label>
      <input id={id('name')} name="name" defaultValue={d.name} required maxLength={100} />
      <ParentSelect id={id('parent')} labels={labels} parents={parents.filter((p) => p.value !== d.code)} value={d.parentCode} />
      <LevelSelect id={id('level')} labels={labels} value={d.level} />
      <label htmlFor={id('active')}>
        <input id={id('active')} type="checkbox" name="active" defaultChecked={d.active} /> {labels.active}
      </label>
      <button type="submit" className="secondary" disabled={pending}>
        {labels.save}
      </button>
      <ActionMessage state={state} />
    </form>
  );
}
