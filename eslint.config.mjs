import next from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const appLink = { name: 'next/link', message: 'Use AppLink from @/components/app-link (no prefetch of per-user pages).' };

const config = [
  ...next,
  ...nextTs,
  { ignores: ['.next/**', 'node_modules/**', '.data/**', 'db/migrations/**', 'next-env.d.ts', 'screenshots/**'] },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Links go through AppLink, which turns off prefetching of per-user pages.
      'no-restricted-imports': ['error', { paths: [appLink] }],
    },
  },
  // The layers point one way (README "Architecture"; tests/layers.test.ts checks the same and no lib/ cycles).
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: [appLink], patterns: [{ group: ['@/db/*', '**/db/*'], message: 'Components take row types from lib/, not db/.' }, { group: ['@/app/*'], message: 'Pages pass server actions to components as props.' }] }] },
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: [appLink, { name: 'drizzle-orm', message: 'No SQL in app/: call lib/.' }], patterns: [{ group: ['@/db/queries/*'], message: 'No SQL in app/: call lib/.' }] }] },
  },
  { files: ['lib/scoring/**/*.ts'], ignores: ['lib/scoring/**/*.test.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['../*', '@/*'], message: 'lib/scoring is pure: it imports nothing of ours.' }] }] } },
  { files: ['components/app-link.tsx'], rules: { 'no-restricted-imports': 'off' } },
  // db/ is the bottom layer: it imports no service, page or component. The one exception is
  // the pure scoring engine (lib/scoring imports nothing of ours), whose types the matrix fills.
  {
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/lib/**', '@/lib/**', '!**/lib/scoring', '!@/lib/scoring', '**/app/**', '@/app/**', '**/components/**', '@/components/**'],
              message: 'db/ imports no service, page or component: pass plain shapes in (lib/ calls db/, never the reverse).',
            },
          ],
        },
      ],
    },
  },
];

export default config;
