// The demo province's departments: real provincial department names with pinyin-initial
// codes, heaviest data holders first; beyond them, city and county bureaus.
export interface DemoDepartment {
  code: string;
  name: string;
  parentCode: string | null;
  level: 'province' | 'city' | 'county';
  /** Its peer group when not its level's (docs/scoring.md, "Peer groups"); null: by level. */
  peerGroup: string | null;
}

/**
 * The demo's second peer group: bodies managed vertically from Beijing and the mass
 * organisations (群团), whose data holdings and duties differ from a provincial department's.
 */
export const VERTICAL_AND_MASS_GROUP = '垂直管理及群团单位';
const VERTICAL_AND_MASS = new Set(['SWJ', 'HG', 'RMYH', 'JRJGJ', 'ZJJ', 'TXGLJ', 'YZGLJ', 'DZJ', 'QXJ', 'YCJ', 'MHJ', 'GSL', 'TW', 'FL', 'CL', 'KX', 'GSLH']);

export const PROVINCIAL: Array<[string, string]> = [
  ['GAT', '公安厅'],
  ['SCJGJ', '市场监督管理局'],
  ['RST', '人力资源和社会保障厅'],
  ['ZRZYT', '自然资源厅'],
  ['SWJ', '税务局'],
  ['MZT', '民政厅'],
  ['WJW', '卫生健康委员会'],
  ['YBJ', '医疗保障局'],
  ['JYT', '教育厅'],
  ['ZJT', '住房和城乡建设厅'],
  ['JTYST', '交通运输厅'],
  ['SFT', '司法厅'],
  ['CZT', '财政厅'],
  ['FGW', '发展和改革委员会'],
  ['STHJT', '生态环境厅'],
  ['NYNCT', '农业农村厅'],
  ['SLT', '水利厅'],
  ['SWT', '商务厅'],
  ['WHLYT', '文化和旅游厅'],
  ['YJGLT', '应急管理厅'],
  ['GXT', '工业和信息化厅'],
  ['KJT', '科学技术厅'],
  ['TJJ', '统计局'],
  ['LCJ', '林业和草原局'],
  ['TYJ', '体育局'],
  ['TRSWT', '退役军人事务厅'],
  ['MZZJW', '民族事务委员会'],
  ['SJT', '审计厅'],
  ['GZW', '国有资产监督管理委员会'],
  ['GDJ', '广播电视局'],
  ['YJJ', '药品监督管理局'],
  ['ZWFWJ', '政务服务与数据管理局'],
  ['NYJ', '能源局'],
  ['LSJ', '粮食和物资储备局'],
  ['JGSWJ', '机关事务管理局'],
  ['XFJ', '信访局'],
  ['DKJ', '地方金融管理局'],
  ['GJJ', '住房公积金管理中心'],
  ['DZJ', '地震局'],
  ['QXJ', '气象局'],
  ['TXGLJ', '通信管理局'],
  ['YZGLJ', '邮政管理局'],
  ['HG', '海关'],
  ['RMYH', '人民银行分行'],
  ['JRJGJ', '金融监督管理局'],
  ['ZJJ', '证券监督管理局'],
  ['XFJY', '消防救援总队'],
  ['GSL', '总工会'],
  ['TW', '共青团委员会'],
  ['FL', '妇女联合会'],
  ['CL', '残疾人联合会'],
  ['KX', '科学技术协会'],
  ['GSLH', '工商业联合会'],
  ['HQB', '侨务办公室'],
  ['WSB', '外事办公室'],
  ['DAJ', '档案局'],
  ['BMJ', '国家保密局'],
  ['YCJ', '烟草专卖局'],
  ['ZYGL', '知识产权局'],
  ['MHJ', '民航管理局'],
];

const CITIES = ['呼和浩特', '包头', '乌海', '赤峰', '通辽', '鄂尔多斯', '呼伦贝尔', '巴彦淖尔', '乌兰察布', '兴安', '锡林郭勒', '阿拉善'];
const CITY_BUREAUS: Array<[string, string]> = [
  ['GAJ', '公安局'],
  ['SCJGJ', '市场监督管理局'],
  ['RSJ', '人力资源和社会保障局'],
  ['ZRZYJ', '自然资源局'],
  ['MZJ', '民政局'],
  ['WJW', '卫生健康委员会'],
  ['YBJ', '医疗保障局'],
  ['JYJ', '教育局'],
  ['ZJJ', '住房和城乡建设局'],
  ['JTJ', '交通运输局'],
  ['SFJ', '司法局'],
  ['CZJ', '财政局'],
];

/** n departments: the provincial ones first, then city (and county) bureaus. */
export function demoDepartments(n: number): DemoDepartment[] {
  const out: DemoDepartment[] = PROVINCIAL.slice(0, n).map(([code, name]) => ({
    code,
    name,
    parentCode: null,
    level: 'province',
    peerGroup: VERTICAL_AND_MASS.has(code) ? VERTICAL_AND_MASS_GROUP : null,
  }));
  for (let i = 0; out.length < n; i++) {
    const city = CITIES[i % CITIES.length];
    const bureau = CITY_BUREAUS[Math.floor(i / CITIES.length) % CITY_BUREAUS.length];
    const round = Math.floor(i / (CITIES.length * CITY_BUREAUS.length));
    const cityCode = `C${String((i % CITIES.length) + 1).padStart(2, '0')}`;
    const suffix = round === 0 ? '' : `-${round}`;
    out.push({
      code: `${cityCode}-${bureau[0]}${suffix}`,
      name: round === 0 ? `${city}市${bureau[1]}` : `${city}市第${round}区${bureau[1]}`,
      parentCode: null,
      level: round === 0 ? 'city' : 'county',
      peerGroup: null,
    });
  }
  return out;
}
