import type { Messages } from './zh-CN';

export const en: Messages = {
  app: {
    name: 'Government Data-Sharing Contribution Dashboard',
    shortName: 'Sharescore',
    bureau: 'Provincial Big Data Bureau',
    footer: 'Contribution evaluation under the Regulations on Government Data Sharing',
  },
  nav: {
    rankings: 'Rankings',
    me: 'My department',
    flows: 'Sharing flows',
    assessment: 'Assessment',
    admin: 'Administration',
    audit: 'Audit log',
    signIn: 'Sign in',
    signOut: 'Sign out',
    language: '中文',
  },
  health: {
    title: 'System status',
    database: 'Database',
    migrations: 'Migrations',
    ok: 'OK',
    down: 'Unavailable',
    current: 'current',
    behind: 'pending',
    empty: 'not initialised',
  },
  home: {
    welcome: 'Welcome to',
    intro:
      'Scores every department’s data sharing on volume, quality and application effect, ranks them and turns the ranking into incentive recommendations for the annual performance assessment.',
  },
  dimensions: { volume: 'Volume', quality: 'Quality', effect: 'Application effect' },
  roles: {
    admin: 'Data administrator',
    leader: 'Leader',
    assessor: 'Assessment office',
    department: 'Department data officer',
    auditor: 'Supervisor',
  },
  errors: {
    notFound: 'Page not found',
    forbidden: 'Not allowed',
    generic: 'Something went wrong, please try again',
  },
};
