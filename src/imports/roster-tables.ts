import type { ReportTable } from '../common/tables/table';
import { OWNERSHIP_LABELS_ZH, SECTOR_LABELS_ZH, sectorOf } from '../enterprises/domain/ownership';
import type { Enterprise } from '../enterprises/enterprise.entity';
import type { NegotiationResponse } from '../negotiations/dto/negotiation.response';
import { AGREEMENT_KIND_LABELS_ZH, SCOPE_LABELS_ZH } from '../reports/rates';
import { ENTERPRISE_COLUMNS } from './enterprise-columns';

export const STAGE_LABELS_ZH: Record<string, string> = {
  invitation: '要约',
  preparation: '协商准备',
  consultation: '协商',
  ratification: '职代会审议',
  signing: '签订',
  filing: '报送审查',
  in_force: '生效',
  expired: '期满',
  terminated: '终止',
  abandoned: '放弃',
};

/** The roster with the import's own headers, so that an export imports back unchanged. */
export function rosterTable(
  enterprises: Enterprise[],
  usernames: ReadonlyMap<number, string>,
  filters: string,
): ReportTable {
  return {
    title: '企业名册',
    parameters: [
      ['导出日期', new Date().toISOString().slice(0, 10)],
      ['筛选', filters || '全部'],
    ],
    columns: [
      ...ENTERPRISE_COLUMNS.map((c) => ({
        key: c.field,
        header: c.zh,
        ...(c.field === 'employeeCount' ? { format: 'integer' as const } : {}),
      })),
      { key: 'sector', header: '所有制类别' },
      { key: 'id', header: '系统编号' },
    ],
    rows: enterprises.map((e) => ({
      name: e.name,
      creditCode: e.creditCode,
      ownershipType: OWNERSHIP_LABELS_ZH[e.ownershipType],
      township: e.township,
      community: e.community,
      industry: e.industry,
      employeeCount: e.employeeCount,
      unionFoundedOn: e.unionFoundedOn,
      instructor: e.instructorId === null ? null : (usernames.get(e.instructorId) ?? null),
      registeredOn: e.registeredOn,
      closedOn: e.closedOn,
      sector: SECTOR_LABELS_ZH[sectorOf(e.ownershipType)],
      id: e.id,
    })),
  };
}

export function negotiationsTable(
  negotiations: NegotiationResponse[],
  names: ReadonlyMap<number, string>,
  filters: string,
): ReportTable {
  return {
    title: '工资集体协商进度',
    parameters: [
      ['导出日期', new Date().toISOString().slice(0, 10)],
      ['筛选', filters || '全部'],
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
        scope: SCOPE_LABELS_ZH[n.scope],
        enterprises: n.enterpriseIds.map((id) => names.get(id) ?? `#${id}`).join('、'),
        stage: STAGE_LABELS_ZH[n.stage] ?? n.stage,
        state: n.state,
        nextDeadline: next ? `${next.kind}（${next.rule}）` : null,
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
