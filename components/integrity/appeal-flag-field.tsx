// The appeal form's optional field: which of the department's integrity flags in the period
// the appeal contests (docs/scoring.md, "Integrity"). Shown only when it has flags.
import { messages, type Locale } from '@/lib/i18n';

export function AppealFlagField({ locale, flags }: { locale: Locale; flags: string[] | undefined }) {
  if (!flags?.length) return null;
  const t = messages(locale).integrity;
  return (
    <label>
      {t.appealFlag}
      <select name="flag" defaultValue="">
        <option value="">{t.appealFlagNone}</option>
        {flags.map((kind) => (
          <option key={kind} value={kind}>
            {t.kinds[kind as keyof typeof t.kinds] ?? kind}
          </option>
        ))}
      </select>
    </label>
  );
}
