// The default scheme's incentive texts (lib/scoring/default-scheme.ts, zh-CN) in the other
// languages, by tier code. The dashboard shows them in place of the scheme's own only where a
// tier's texts are still exactly the default's; texts the bureau rewrote stay as written.
import type { Locale } from './index';

export const defaultIncentiveTranslations: Partial<Record<Locale, Record<string, string[]>>> = {
  en: {
    excellent: [
      'Priority support in approving information-system projects (Regulations on Government Data Sharing, Article 38)',
      'Favoured in operation and maintenance funding for information systems',
      'Commended as an advanced unit in data sharing, with its practices promoted',
    ],
    good: [
      'Preferred, other things being equal, in project approval and operation and maintenance funding',
      'Keep improving the indicators with low scores to reach Excellent',
    ],
    pass: [
      'Keep catalogues updated and answer sharing requests on time to hold the current level',
      'Draw up an improvement plan for the low-scoring indicators as a key task for next period',
    ],
    improve: [
      'A rectification notice is issued: rectify within the deadline and report in writing',
      'A data-sharing commitment must be submitted before any new information-system project is approved',
      'Data sharing is a key criterion in the post-project performance evaluation of information systems',
    ],
  },
};
