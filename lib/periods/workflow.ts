// The assessment cycle's state machine (DESIGN.md "The assessment cycle"):
//
//   open ──publish──▶ published ──finalize──▶ finalized (terminal)
//     ▲                   │
//     └─────withdraw──────┘   (admin, or a scheme change: "publish again")
//
// Every other (status, action) pair is refused. Pure; the guards that need the
// database (deadline passed, no open appeal) live in service.ts.

import { renderMessage, type Message } from '../http/errors';

export const PERIOD_STATUSES = ['open', 'published', 'finalized'] as const;
export type PeriodStatus = (typeof PERIOD_STATUSES)[number];

export const PERIOD_ACTIONS = ['publish', 'withdraw', 'finalize'] as const;
export type PeriodAction = (typeof PERIOD_ACTIONS)[number];

const TRANSITIONS: Record<PeriodAction, { from: PeriodStatus; to: PeriodStatus }> = {
  publish: { from: 'open', to: 'published' },
  withdraw: { from: 'published', to: 'open' },
  finalize: { from: 'published', to: 'finalized' },
};

export class IllegalTransitionError extends Error {
  readonly detail: Message;
  constructor(
    readonly status: string,
    readonly action: PeriodAction,
  ) {
    const detail = illegalMessage(status, action);
    super(renderMessage(detail, 'zh-CN'));
    this.detail = detail;
  }
}

function illegalMessage(status: string, action: PeriodAction): Message {
  const label: Message = { key: isPeriodStatus(status) ? `cycle.status.${status}` : 'serverErrors.verbatim', values: { text: status } };
  if (status === 'finalized') return { key: 'cycle.errors.illegalFinalized', values: { action: { key: `cycle.actions.${action}` } } };
  if (action === 'finalize') return { key: 'cycle.errors.illegalFinalize', values: { status: label } };
  if (action === 'publish') return { key: 'cycle.errors.illegalPublish', values: { status: label } };
  return { key: 'cycle.errors.illegalWithdraw', values: { status: label } };
}

export const isPeriodStatus = (value: unknown): value is PeriodStatus => PERIOD_STATUSES.includes(value as PeriodStatus);

/** The status after `action`, or an IllegalTransitionError. */
export function nextStatus(status: string, action: PeriodAction): PeriodStatus {
  const transition = TRANSITIONS[action];
  if (!transition || transition.from !== status) throw new IllegalTransitionError(status, action);
  return transition.to;
}

export function canTransition(status: string, action: PeriodAction): boolean {
  return TRANSITIONS[action]?.from === status;
}

/** The actions the state machine allows from a status (guards aside). */
export function allowedActions(status: string): PeriodAction[] {
  return PERIOD_ACTIONS.filter((action) => canTransition(status, action));
}
