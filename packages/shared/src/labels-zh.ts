/**
 * The Chinese words of the shared vocabulary, as the web's screens show them and the server's
 * exports, e-mails and import messages write them: one copy for both.
 */
import type { OwnershipType, Sector } from './enterprise-enums';
import { LAW } from './law';
import type { AgreementKind, DeadlineKind, Scope, Stage } from './negotiation-enums';

export const STAGE_LABELS_ZH: Record<Stage, string> = {
  invitation: '要约',
  preparation: '确定代表',
  consultation: '协商',
  ratification: '职代会审议',
  signing: '签订',
  filing: '报送审查',
  in_force: '生效',
  expired: '已到期',
  terminated: '已终止',
  abandoned: '已放弃',
};

/** The substates of a stage (`consultation.suspended`). */
export const SUBSTATE_LABELS_ZH: Record<string, string> = {
  active: '进行中',
  suspended: '中止',
  awaitingSubmission: '待报送',
  underReview: '审查中',
};

/** A full state path (`filing.underReview`) in Chinese: `报送审查（审查中）`. */
export function stateLabelZh(state: string): string {
  const [stage, substate] = state.split('.');
  const stageWords = STAGE_LABELS_ZH[stage as Stage] ?? stage;
  return substate ? `${stageWords}（${SUBSTATE_LABELS_ZH[substate] ?? substate}）` : stageWords;
}

/** docs/domain.md, Agreements (劳动合同法 art. 52). */
export const AGREEMENT_KIND_LABELS_ZH: Record<AgreementKind, string> = {
  comprehensive: '综合集体合同',
  wage: '工资专项集体合同',
  women: '女职工权益保护专项集体合同',
  safety: '劳动安全卫生专项集体合同',
};

/** A negotiation's scope as its screens name it (docs/domain.md, Agreements; 劳动合同法 art. 53–54). */
export const SCOPE_LABELS_ZH: Record<Scope, string> = {
  enterprise: '单个企业',
  regional: '区域性',
  industry: '行业性',
};

/** The same scopes as the reports name the form of signing (签订形式) of an agreement. */
export const SIGNING_FORM_LABELS_ZH: Record<Scope, string> = {
  enterprise: '单独签订',
  regional: '区域性',
  industry: '行业性',
};

/** Deadline kinds, worded as in the reminder e-mail. */
export const DEADLINE_KIND_LABELS_ZH: Record<DeadlineKind, string> = {
  offer_reply: '要约答复期限',
  submission_for_review: '报送劳动保障部门审查',
  review_period_end: '审查期届满（届时自动生效）',
  publication: '向全体职工公布',
  suspension_resume: '中止协商后恢复协商',
  renewal_window_opens: '续订协商（到期前3个月内）',
  expiry: '集体合同到期',
  stalled: '协商长期无进展',
};

export function deadlineLabelZh(kind: string): string {
  return DEADLINE_KIND_LABELS_ZH[kind as DeadlineKind] ?? kind;
}

export const OWNERSHIP_LABELS_ZH: Record<OwnershipType, string> = {
  state_owned: '国有企业',
  state_controlled: '国有控股企业',
  collective: '集体企业',
  private: '私营企业',
  hk_macao_taiwan: '港澳台商投资企业',
  foreign: '外商投资企业',
  other: '其他',
};

export const SECTOR_LABELS_ZH: Record<Sector, string> = {
  state: '国有及国有控股企业',
  collective: '集体企业',
  non_public: '非公企业',
  other: '其他企业',
};

/** GB/T 4754-2017 国民经济行业分类, 门类. */
export const INDUSTRY_LABELS_ZH: Record<string, string> = {
  A: '农、林、牧、渔业',
  B: '采矿业',
  C: '制造业',
  D: '电力、热力、燃气及水生产和供应业',
  E: '建筑业',
  F: '批发和零售业',
  G: '交通运输、仓储和邮政业',
  H: '住宿和餐饮业',
  I: '信息传输、软件和信息技术服务业',
  J: '金融业',
  K: '房地产业',
  L: '租赁和商务服务业',
  M: '科学研究和技术服务业',
  N: '水利、环境和公共设施管理业',
  O: '居民服务、修理和其他服务业',
  P: '教育',
  Q: '卫生和社会工作',
  R: '文化、体育和娱乐业',
  S: '公共管理、社会保障和社会组织',
  T: '国际组织',
};

/** A section as the standard lists it, letter then name (`C 制造业`); an unknown code as it is. */
export function industryLabelZh(section: string): string {
  const name = INDUSTRY_LABELS_ZH[section];
  return name ? `${section} ${name}` : section;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1–999 in Chinese numerals as article numbers are written: 32 → 三十二, 105 → 一百零五. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999) return String(n);
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  let words = hundreds > 0 ? `${DIGITS[hundreds]}百` : '';
  if (tens > 0) words += `${hundreds === 0 && tens === 1 ? '' : DIGITS[tens]}十`;
  else if (hundreds > 0 && ones > 0) words += '零';
  if (ones > 0) words += DIGITS[ones];
  return words;
}

/** An article list as cited in code (`36`, `19-24`, `19, 21`) as Chinese cites it: 第十九条至第二十四条. */
function articlesZh(articles: string): string {
  return articles
    .replace(/\d+/g, (digits) => `第${chineseNumeral(Number(digits))}条`)
    .replace(/\s*-\s*/g, '至')
    .replace(/\s*,\s*/g, '、');
}

/**
 * A rule as the workflow cites it (`集体合同规定 art. 47; 劳动合同法 art. 54`, `地方规定 (local rule)`,
 * `product rule (event dates)`) in Chinese: `集体合同规定第四十七条；劳动合同法第五十四条`.
 */
export function ruleZh(rule: string): string {
  return rule
    .split(/;\s*/)
    .map((part) => {
      if (part === LAW.LOCAL) return '地方规定';
      if (part.startsWith(LAW.PRODUCT)) return '本系统规则';
      const cited = /^(.+) art\. (.+)$/.exec(part);
      return cited ? `${cited[1]}${articlesZh(cited[2]!)}` : part;
    })
    .join('；');
}
