import type { ReportTable } from '../common/tables/table';
import { OWNERSHIP_LABELS_ZH, SECTOR_LABELS_ZH, sectorOf } from '../enterprises/domain/ownership';
import type { Enterprise } from '../enterprises/enterprise.entity';
import type { NegotiationResponse } from '../negotiations/dto/negotiation.response';
import { deadlineLabelZh, ruleZh, STAGE_LABELS_ZH, stateLabelZh } from '../negotiations/labels-zh';
import { AGREEMENT_KIND_LABELS_ZH, SIGNING_FORM_LABELS_ZH } from '@wagetrack/shared';
import { ENTERPRISE_COLUMNS } from './enterprise-columns';

/** When a table was exported (a business date) and with which list filters, in words. */
export interface Export {
  on: string;
  filters: string;
}

/** The roster with the import's own headers, so that an export imports back unchanged. */
export function rosterTable(
  enterprises: Enterprise[],
  usernames: ReadonlyMap<number, string>,
  exported: Export,
  unitCodes: ReadonlyMap<number, string> = new Map(),
): ReportTable {
  return {
    title: '企业名册',
    parameters: [
      ['导出日期', exported.on],
      ['筛选', exported.filters || '全部'],
    ],
    columns: [
      ...ENTERPRISE_COLUMNS.map((c) => ({
        key: c.field,
        header: c.zh,
        ...(c.field === 'employeeCount' || c.field === 'memberCount' ? { format: 'integer' as const } : {}),
      })),
      { key: 'sector', header: '所有制类别' },
      { key: 'id', header: '系统编号' },
    ],
    rows: enterprises.map((e) => ({
      name: e.name,
      creditCode: e.creditCode,
      ownershipType: OWNERSHIP_LABELS_ZH[e.ownershipType],
      township: e.township,
      orgUnitCode: e.orgUnitId === null ? null : (unitCodes.get(e.orgUnitId) ?? null),
      community: e.community,
      industry: e.industry,
      employeeCount: e.employeeCount,
      unionFoundedOn: e.unionFoundedOn,
      instructor: e.instructorId === null ? null : (usernames.get(e.instructorId) ?? null),
      registeredOn: e.registeredOn,
      closedOn: e.closedOn,
      memberCount: e.memberCount,
      workersCongressOn: e.workersCongressOn,
      sector: SECTOR_LABELS_ZH[sectorOf(e.ownershipType)],
      id: e.id,
    })),
  };
}

export function negotiationsTable(
  negotiations: NegotiationResponse[],
  names: ReadonlyMap<number, string>,
  exported: Export,
): ReportTable {
  return {
    title: '工资集体协商进度',
    parameters: [
      ['导出日期', exported.on],
      ['筛选', exported.filters || '全部'],
    ],
    columns: [
      { key: 'id', header: '编号' },
      { key: 'title', header: '协商名称' },
      { key: 'agreementKind', header: '合同类型' },
      { key: 'scope', header: '签订形式' },
      { key: 'enterprises', header: '所涉企业' },
      { key: 'stage', header: '阶段' },
      { key: 'state', header: '状态' },
      { key: 'nextDeadline', header: '最近期限' },
      { key: 'nextDueOn', header: '期限日期' },
      { key: 'overdue', header: '是否逾期' },
      { key: 'signedOn', header: '签订日期' },
      { key: 'effectiveOn', header: '生效日期' },
      { key: 'expiresOn', header: '到期日期' },
      { key: 'version', header: '版本' },
    ],
    rows: negotiations.map((n) => {
      const next = n.deadlines[0];
      return {
        id: n.id,
        title: n.title,
        agreementKind: AGREEMENT_KIND_LABELS_ZH[n.agreementKind],
        scope: SIGNING_FORM_LABELS_ZH[n.scope],
        enterprises: n.enterpriseIds.map((id) => names.get(id) ?? `#${id}`).join('、'),
        stage: STAGE_LABELS_ZH[n.stage],
        state: stateLabelZh(n.state),
        nextDeadline: next ? `${deadlineLabelZh(next.kind)}（${ruleZh(next.rule)}）` : null,
        nextDueOn: next?.dueOn ?? null,
        overdue: next ? (next.overdue ? '是' : '否') : null,
        signedOn: n.agreement?.signedOn ?? null,
        effectiveOn: n.agreement?.effectiveOn ?? null,
        expiresOn: n.agreement?.expiresOn ?? null,
        version: n.version,
      };
    }),
  };
}

/** Query parameters that choose the page or the order of rows, not which rows: not filters. */
const NOT_FILTERS = new Set(['page', 'pageSize', 'sort']);

const FILTER_NAMES_ZH: Record<string, string> = {
  stage: '阶段',
  agreementKind: '合同类型',
  enterpriseId: '企业',
  instructorId: '指导员',
  overdue: '只看已逾期',
  open: '只看进行中',
  ownershipType: '所有制',
  sector: '所有制类别',
  township: '乡镇（街道）',
  orgUnitId: '单位',
  industry: '行业门类',
  q: '关键词',
};

/**
 * A list's filters as a reader of the exported table understands them
 * (`阶段：协商；指导员：张伟`); codes in Chinese, ids by name where `names` knows them.
 */
export function filterWords(
  query: object,
  names: { instructors?: ReadonlyMap<number, string>; enterprises?: ReadonlyMap<number, string> } = {},
): string {
  const words = (key: string, value: unknown): string => {
    switch (key) {
      case 'stage':
        return STAGE_LABELS_ZH[value as keyof typeof STAGE_LABELS_ZH] ?? String(value);
      case 'agreementKind':
        return AGREEMENT_KIND_LABELS_ZH[value as keyof typeof AGREEMENT_KIND_LABELS_ZH] ?? String(value);
      case 'ownershipType':
        return OWNERSHIP_LABELS_ZH[value as keyof typeof OWNERSHIP_LABELS_ZH] ?? String(value);
      case 'sector':
        return SECTOR_LABELS_ZH[value as keyof typeof SECTOR_LABELS_ZH] ?? String(value);
      case 'overdue':
      case 'open':
        return value === 'true' ? '是' : '否';
      case 'instructorId':
        return names.instructors?.get(Number(value)) ?? `#${String(value)}`;
      case 'enterpriseId':
        return names.enterprises?.get(Number(value)) ?? `#${String(value)}`;
      default:
        return String(value);
    }
  };
  return Object.entries(query)
    .filter(([key, value]) => value !== undefined && !NOT_FILTERS.has(key))
    .map(([key, value]) => `${FILTER_NAMES_ZH[key] ?? key}：${words(key, value)}`)
    .join('；');
}
