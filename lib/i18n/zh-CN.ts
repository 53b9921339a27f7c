// User-facing strings, Simplified Chinese (the default). Every other catalog must
// have the same keys (en.ts is typed against this one).
export const zhCN = {
  app: {
    name: '政务数据共享贡献度评价与激励看板',
    shortName: '共享贡献度看板',
    bureau: '省大数据管理局',
    footer: '依据《政务数据共享条例》开展数据贡献度评价',
  },
  nav: {
    rankings: '排名总览',
    me: '本部门',
    flows: '共享流向',
    assessment: '考核结果',
    admin: '系统管理',
    audit: '审计日志',
    signIn: '登录',
    signOut: '退出',
    language: 'English',
  },
  health: {
    title: '系统状态',
    database: '数据库',
    migrations: '数据库迁移',
    ok: '正常',
    down: '不可用',
    current: '已是最新',
    behind: '待迁移',
    empty: '未初始化',
  },
  home: {
    welcome: '欢迎使用',
    intro: '从共享数量、共享质量、应用成效三个维度评价各部门的数据共享贡献，形成排名与激励建议，纳入年度绩效考核。',
  },
  dimensions: { volume: '共享数量', quality: '共享质量', effect: '应用成效' },
  roles: {
    admin: '数据管理方',
    leader: '领导',
    assessor: '考核办',
    department: '部门数据专员',
    auditor: '监管方',
  },
  errors: {
    notFound: '页面不存在',
    forbidden: '无权访问',
    generic: '出错了，请稍后重试',
  },
};

export type Messages = typeof zhCN;
