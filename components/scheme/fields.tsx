'use client';
// Inputs for the scheme editor that keep what the user typed (so "0." or an empty
// line can be typed) while handing the parsed value up on every keystroke.
import { useState } from 'react';

/** '' → undefined, a number → the number, anything else stays text (and fails validation, visibly). */
export function toNumberValue(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : trimmed;
}

const show = (value: unknown) => (value === undefined || value === null ? '' : String(value));

export function NumberField({
  value,
  onChange,
  label,
  disabled,
  id,
  width = '6em',
}: {
  value: unknown;
  onChange: (value: number | string | undefined) => void;
  label?: string;
  disabled?: boolean;
  id?: string;
  width?: string;
}) {
  const [text, setText] = useState(show(value));
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    // Changed from outside (JSON applied, row moved): show the new value.
    setSeen(value);
    if (toNumberValue(text) !== value) setText(show(value));
  }
  return (
    <input
      id={id}
      aria-label={label}
      inputMode="decimal"
      value={text}
      disabled={disabled}
      style={{ width }}
      onChange={(e) => {
        setText(e.target.value);
        const next = toNumberValue(e.target.value);
        setSeen(next);
        onChange(next);
      }}
    />
  );
}

export function TextField({
  value,
  onChange,
  label,
  id,
  width,
  required,
}: {
  value: string | undefined;
  onChange: (value: string) => void;
  label?: string;
  id?: string;
  width?: string;
  required?: boolean;
}) {
  return <input id={id} aria-label={label} value={value ?? ''} required={required} style={width ? { width } : undefined} onChange={(e) => onChange(e.target.value)} />;
}

/** One item per line; empty lines are dropped from the value but kept while typing. */
export function LinesField({ value, onChange, label, id }: { value: string[]; onChange: (value: string[]) => void; label?: string; id?: string }) {
  const [text, setText] = useState(value.join('\n'));
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
    if (lines.join('\n') !== value.join('\n')) setText(value.join('\n'));
  }
  return (
    <textarea
      id={id}
      aria-label={label}
      rows={Math.max(2, value.length + 1)}
      value={text}
      style={{ width: '100%' }}
      onChange={(e) => {
        setText(e.target.value);
        const lines = e.target.value.split('\n').map((l) => l.trim()).filter(Boolean);
        setSeen(lines);
        onChange(lines);
      }}
    />
  );
}

export function SelectField<T extends string>({
  value,
  options,
  onChange,
  label,
  id,
}: {
  value: T | undefined;
  options: Array<{ value: T | ''; label: string }>;
  onChange: (value: T | undefined) => void;
  label?: string;
  id?: string;
}) {
  return (
    <select id={id} aria-label={label} value={value ?? ''} onChange={(e) => onChange((e.target.value || undefined) as T | undefined)}>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
