import type { Metadata } from 'next';
import QRCode from 'qrcode';
import { getDatabase } from '@/db/client';
import { SecondFactorPanel, type FactorView } from '@/components/auth/second-factor-panel';
import { ENROLMENT_PATH, guardPage } from '@/lib/auth/guard';
import { factorStatus } from '@/lib/auth/second-factor';
import { formatDateTime } from '@/lib/i18n';
import { getI18n } from '@/lib/i18n/server';
import { secondFactorAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: `${t.mfa.title} · ${t.app.shortName}` };
}

/** Every signed-in user's own second factor; the only page open to one whose role needs a factor they lack. */
export default async function AccountSecurityPage() {
  const gate = await guardPage(ENROLMENT_PATH, null);
  const { t, locale } = await getI18n();
  const status = await factorStatus(await getDatabase(), gate.principal);
  // The QR code is drawn here, as SVG: the bureau's network reaches no outside service.
  const qrSvg = status.pending ? await QRCode.toString(status.pending.uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, width: 200 }) : '';
  const view: FactorView = {
    enrolled: status.enrolled,
    enrolledAt: status.enrolledAt ? formatDateTime(locale, status.enrolledAt) : null,
    required: status.required,
    recoveryLeft: status.recoveryLeft,
    pending: status.pending ? { ...status.pending, qrSvg } : null,
  };
  return (
    <section className="stack" aria-labelledby="security-title">
      <h1 id="security-title">{t.mfa.title}</h1>
      <p className="lead">{t.mfa.intro}</p>
      {gate.user.mustEnrol && (
        <p className="error-box" role="status" data-testid="must-enrol">
          {t.mfa.mustEnrol}
        </p>
      )}
      <SecondFactorPanel submit={secondFactorAction} view={view} labels={t.mfa} />
    </section>
  );
}
