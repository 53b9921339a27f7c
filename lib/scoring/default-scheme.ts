// The schemes that ship with the code. `defaultScheme` (version 2 of the defaults): the
// indicators of docs/scoring.md, the statutory ones computed from the ledgers (source
// `ledger`), expert weights, four tiers and incentive texts grounded in 《政务数据共享条例》
// art. 38 (sharing performance is an important basis for IT-project investment, O&M
// funding and post-evaluation). `selfReportedScheme` (version 1): the earlier default,
// where those indicators were reported by the scored department itself; kept for the demo's
// history and for periods scored with it. Both are validated when this module loads.
import { parseSchemeOrThrow } from './parse-scheme';
import type { SchemeInput } from './scheme-schema';

// Rates are fractions and scored against the full target (0.97 → 97); counts are
// heavy-tailed across departments, so they are log-transformed and min-max scaled.
const rate = { kind: 'rate', unit: '%', direction: 'higher', normalize: 'target', target: 1, aggregate: 'mean', source: 'metric' } as const;
const count = { kind: 'count', direction: 'higher', transform: 'log1p', normalize: 'minmax' } as const;

const selfReportedSchemeInput: SchemeInput = {
  name: '政务数据共享贡献度评价方案（默认）',
  description: 'Default scheme: CONTRACT.md §8 indicators, expert weights, linear aggregation; missing values score 0.',
  aggregation: 'linear',
  missing: 'zero',
  assessmentPoints: 10,
  penaltyCap: 10,
  dimensions: [
    {
      code: 'volume',
      name: '共享数量',
      weight: 0.3,
      indicators: [
        { ...count, code: 'resources_published', name: '目录挂接资源数', unit: '个', weight: 0.25, aggregate: 'last', source: 'metric' },
        { ...count, code: 'records_delivered', name: '共享数据量', unit: '条', weight: 0.25, aggregate: 'sum', source: 'events' },
        { ...rate, code: 'positive_list_rate', name: '正面清单完成率', weight: 0.2, aggregate: 'last' },
        { ...rate, code: 'demand_response_rate', name: '需求按期答复率', weight: 0.15 },
        { ...rate, code: 'delivery_timeliness_rate', name: '按期供给率', weight: 0.15 },
      ],
    },
    {
      code: 'quality',
      name: '共享质量',
      weight: 0.35,
      indicators: [
        { ...rate, code: 'completeness_rate', name: '数据完整率', weight: 0.2 },
        { ...rate, code: 'accuracy_rate', name: '数据准确率', weight: 0.2 },
        { ...rate, code: 'update_timeliness_rate', name: '数据更新及时率', weight: 0.15 },
        { ...rate, code: 'catalog_timeliness_rate', name: '目录更新及时率', weight: 0.15 },
        { ...rate, code: 'objection_resolution_rate', name: '异议按期处理率', weight: 0.1 },
        { ...rate, code: 'service_success_rate', name: '接口调用成功率', weight: 0.2, source: 'events' },
      ],
    },
    {
      code: 'effect',
      name: '应用成效',
      weight: 0.35,
      indicators: [
        { ...count, code: 'calls_served', name: '被调用次数', unit: '次', weight: 0.3, aggregate: 'sum', source: 'events' },
        { ...count, code: 'consumer_departments', name: '使用部门数', unit: '个', weight: 0.25, aggregate: 'max', source: 'events' },
        { ...count, code: 'scenarios_supported', name: '支撑应用场景数', unit: '个', weight: 0.25, aggregate: 'last', source: 'metric' },
        { ...rate, code: 'satisfaction_score', name: '使用方满意度', kind: 'score', unit: '分', target: 100, weight: 0.2 },
      ],
    },
  ],
  weighting: { method: 'expert' },
  // Tiers by share of rank (15 / 25 / 40 / 20 %), so they sort whatever the spread of totals;
  // a floor demotes one tier at most (docs/scoring.md, "Tiers": why 70 / 60 / 50).
  tiers: [
    { code: 'excellent', name: '优秀', topShare: 0.15, floor: 70 },
    { code: 'good', name: '良好', topShare: 0.4, floor: 60 },
    { code: 'pass', name: '合格', topShare: 0.8, floor: 50 },
    { code: 'improve', name: '待改进' },
  ],
  incentives: {
    excellent: [
      '依据《政务数据共享条例》第三十八条，在信息化项目立项审批中予以优先支持',
      '在信息化项目运行维护经费安排中予以倾斜',
      '作为数据共享工作先进单位通报表扬，推广其经验做法',
    ],
    good: [
      '在信息化项目立项和运行维护经费安排中同等条件下优先考虑',
      '针对得分偏低的指标持续改进，争创优秀',
    ],
    pass: [
      '按期更新目录、答复共享需求，保持现有共享水平',
      '对得分偏低的指标制定改进计划，纳入下期重点工作',
    ],
    improve: [
      '下发整改通知书，限期整改并书面报送整改情况',
      '新建信息化项目立项前，须提交数据共享承诺书',
      '信息化项目绩效后评价中将数据共享情况作为重点评价内容',
    ],
  },
  uncertainty: { runs: 1000, weightJitter: 0.2, seed: 42 },
};

export const selfReportedScheme = parseSchemeOrThrow(selfReportedSchemeInput, 'the self-reported scheme (version 1)');

// Ledger indicators: computed by the platform, never reported (docs/scoring.md "Ledger indicators").
const ledgerRate = { ...rate, source: 'ledger' } as const;

// Weights (docs/scoring.md, "Default weights, version 2"): the indicators the 条例 sets a
// deadline for and the catalog counts, now evidence rather than self-report, carry at least
// the weight they had; the self-reported quality rates give up a little to make room for
// resource_utilization_rate (a catalog nobody calls is not sharing) and shareable_rate
// (共享为原则，不共享为例外). Each dimension sums to 1; dimensions keep 0.3 / 0.35 / 0.35.
const defaultSchemeInput: SchemeInput = {
  ...selfReportedSchemeInput,
  name: '政务数据共享贡献度评价方案（默认，台账口径）',
  description: 'Default scheme v2: statutory indicators computed from the catalog, request and objection ledgers; expert weights, linear aggregation; missing values score 0, 不适用 re-spreads weight.',
  dimensions: [
    {
      code: 'volume',
      name: '共享数量',
      weight: 0.3,
      indicators: [
        { ...count, code: 'resources_published', name: '目录挂接资源数', unit: '个', weight: 0.2, aggregate: 'last', source: 'ledger' },
        { ...count, code: 'records_delivered', name: '共享数据量', unit: '条', weight: 0.2, aggregate: 'sum', source: 'events' },
        { ...rate, code: 'positive_list_rate', name: '正面清单完成率', weight: 0.15, aggregate: 'last' },
        { ...ledgerRate, code: 'shareable_rate', name: '可共享资源占比', weight: 0.15 },
        { ...ledgerRate, code: 'demand_response_rate', name: '需求按期答复率', weight: 0.15 },
        { ...ledgerRate, code: 'delivery_timeliness_rate', name: '按期供给率', weight: 0.15 },
      ],
    },
    {
      code: 'quality',
      name: '共享质量',
      weight: 0.35,
      indicators: [
        { ...rate, code: 'completeness_rate', name: '数据完整率', weight: 0.15 },
        { ...rate, code: 'accuracy_rate', name: '数据准确率', weight: 0.15 },
        { ...rate, code: 'update_timeliness_rate', name: '数据更新及时率', weight: 0.1 },
        { ...rate, code: 'catalog_timeliness_rate', name: '目录更新及时率', weight: 0.1 },
        { ...ledgerRate, code: 'objection_resolution_rate', name: '异议按期处理率', weight: 0.15 },
        { ...ledgerRate, code: 'resource_utilization_rate', name: '资源调用率', weight: 0.15 },
        { ...rate, code: 'service_success_rate', name: '接口调用成功率', weight: 0.2, source: 'events' },
      ],
    },
    {
      code: 'effect',
      name: '应用成效',
      weight: 0.35,
      indicators: [
        { ...count, code: 'calls_served', name: '被调用次数', unit: '次', weight: 0.3, aggregate: 'sum', source: 'events' },
        { ...count, code: 'consumer_departments', name: '使用部门数', unit: '个', weight: 0.25, aggregate: 'max', source: 'events' },
        { ...count, code: 'scenarios_supported', name: '支撑应用场景数', unit: '个', weight: 0.2, aggregate: 'last', source: 'metric' },
        { ...ledgerRate, code: 'satisfaction_score', name: '使用方满意度', kind: 'score', unit: '分', target: 100, weight: 0.25 },
      ],
    },
  ],
  // Same shares of rank; floors five points lower than v1's: on-time rates read from the
  // ledgers sit below the self-reported 100 %, which moves the demo's median total from 58 to
  // 51, and a floor is to mark a clear shortfall on this scale (docs/scoring.md, "Tiers").
  tiers: [
    { code: 'excellent', name: '优秀', topShare: 0.15, floor: 65 },
    { code: 'good', name: '良好', topShare: 0.4, floor: 55 },
    { code: 'pass', name: '合格', topShare: 0.8, floor: 45 },
    { code: 'improve', name: '待改进' },
  ],
};

export const defaultScheme = parseSchemeOrThrow(defaultSchemeInput, 'the default scheme');
