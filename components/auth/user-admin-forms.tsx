'use client';
import { SelectOptions, type Option } from '@/components/select-options';
import { useActionState } from 'react';
import type { FormAction } from '@/lib/edge/action';
import { ActionMessage, notSubmitted } from '@/components/action-message';
import { HintedField } from '@/components/hinted-field';

export interface UserFormLabels {
  username: string;
  displayName: string;
  role: string;
  department: string;
  departmentNone: string;
  departmentHint: string;
  password: string;
  passwordHint: string;
  create: string;
  disable: string;
  enable: string;
  changeRole: string;
  save: string;
  resetPassword: string;
  newPassword: string;
  resetFactor: string;
  allowSso: string;
}

function RoleFields({ idPrefix, roles, departments, labels, role, departmentCode }: { idPrefix: string; roles: Option[]; departments: Option[]; labels: UserFormLabels; role?: string; departmentCode?: string | null }) {
  return (
    <>
      <label htmlFor={`${idPrefix}-role`}>
        {labels.role}
        <select id={`${idPrefix}-role`} name="role" defaultValue={role ?? 'department'} required>
          <SelectOptions options={roles} />
        </select>
      </label>
      <label htmlFor={`${idPrefix}-department`}>
        {labels.department}
        <select id={`${idPrefix}-department`} name="departmentCode" defaultValue={departmentCode ?? ''} aria-describedby={`${idPrefix}-department-hint`}>
          <SelectOptions options={departments} none={labels.departmentNone} />
        </select>
        <span id={`${idPrefix}-department-hint`} className="muted">
          {labels.departmentHint}
        </span>
      </label>
    </>
  );
}

export function CreateUserForm({ roles, departments, labels, submit }: { roles: Option[]; departments: Option[]; labels: UserFormLabels; submit: FormAction }) {
  const [state, action, pending] = useActionState(submit, notSubmitted);
  return (
    <form action={action} className="form">
      <label>
        {labels.username}
        <input name="username" required minLength={2} maxLength={64} pattern="[A-Za-z0-9_.\-]+" autoComplete="off" />
      </label>
      <label>
        {labels.displayName}
        <input name="displayName" maxLength={100} autoComplete="off" />
      </label>
      <RoleFields idPrefix="new-user" roles={roles} departments={departments} labels={labels} />
      <HintedField label={labels.password} hint={labels.passwordHint} hintId="new-user-password-hint">
        <input name="password" type="password" required minLength={10} maxLength={128} autoComplete="new-password" aria-describedby="new-user-password-hint" />
      </HintedField>
      <ActionMessage state={state} />
      <button type="submit" className="primary" disabled={pending}>
        {labels.create}
      </button>
    </form>
  );
}

export function ToggleActiveForm({ id, active, username, labels, submit }: { id: number; active: boolean; username: string; labels: UserFormLabels; submit: FormAction }) {
  const [state, action, pending] = useActionState(submit, notSubmitted);
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="active" value={String(!active)} />
      <button type="submit" className="secondary" disabled={pending} aria-label={`${active ? labels.disable : labels.enable} ${username}`}>
        {active ? labels.disable : labels.enable}
      </button>
      <ActionMessage state={state} />
    </form>
  );
}

export function RoleForm({ id, role, departmentCode, roles, departments, labels, submit }: { id: number; role: string; departmentCode: string | null; roles: Option[]; departments: Option[]; labels: UserFormLabels; submit: FormAction }) {
  const [state, action, pending] = useActionState(submit, notSubmitted);
  return (
    <form action={action} className="form" aria-label={labels.changeRole}>
      <input type="hidden" name="id" value={id} />
      <RoleFields idPrefix={`user-${id}`} roles={roles} departments={departments} labels={labels} role={role} departmentCode={departmentCode} />
      <ActionMessage state={state} />
      <button type="submit" className="secondary" disabled={pending}>
        {labels.save}
      </button>
    </form>
  );
}

export function ResetPasswordForm({ id, labels, submit }: { id: number; labels: UserFormLabels; submit: FormAction }) {
  const [state, action, pending] = useActionState(submit, notSubmitted);
  return (
    <form action={action} className="form" aria-label={labels.resetPassword}>
      <input type="hidden" name="id" value={id} />
      <label>
        {labels.newPassword}
        <input name="password" type="password" required minLength={10} maxLength={128} autoComplete="new-password" />
      </label>
      <ActionMessage state={state} />
      <button type="submit" className="secondary" disabled={pending}>
        {labels.resetPassword}
      </button>
    </form>
  );
}

/** One button acting on one user: reset their second factor, allow a single sign-on link. */
function UserButtonForm({ id, username, label, act }: { id: number; username: string; label: string; act: FormAction }) {
  const [state, action, pending] = useActionState(act, notSubmitted);
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" className="secondary" disabled={pending} aria-label={`${label} ${username}`}>
        {label}
      </button>
      <ActionMessage state={state} />
    </form>
  );
}

export const ResetSecondFactorForm = ({ id, username, labels, submit }: { id: number; username: string; labels: UserFormLabels; submit: FormAction }) => (
  <UserButtonForm id={id} username={username} label={labels.resetFactor} act={submit} />
);

export const AllowOidcLinkForm = ({ id, username, labels, submit }: { id: number; username: string; labels: UserFormLabels; submit: FormAction }) => (
  <UserButtonForm id={id} username={username} label={labels.allowSso} act={submit} />
);
