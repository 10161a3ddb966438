import type { TemplateName } from './document-kinds';

/**
 * The tags each template may use: the one list the data (document-data.ts), the check of a
 * county's own templates (template-tags.ts) and the tag tables of docs/documents.md are made
 * from. Descriptions are in Chinese, for the offices that edit the templates.
 */
export interface TemplateField {
  tag: string;
  description: string;
  /** A list: `{#tag}…{/tag}` repeats what it encloses (a whole paragraph) for each item, which has these fields. */
  items?: readonly TemplateField[];
  /** Yes or no: `{#tag}…{/tag}` shows what it encloses when yes, `{^tag}…{/tag}` when no. */
  condition?: true;
}

const field = (tag: string, description: string): TemplateField => ({ tag, description });
const condition = (tag: string, description: string): TemplateField => ({
  tag,
  description,
  condition: true,
});

const ENTERPRISE_FIELDS: readonly TemplateField[] = [
  field('index', '序号（1、2、3……）'),
  field('name', '企业名称'),
  field('creditCode', '统一社会信用代码'),
  field('township', '所在乡镇（街道）'),
  field('community', '所在社区（村），未登记时为空'),
  field('address', '地址：乡镇（街道）加社区（村）'),
  field('ownership', '所有制类型，如“私营企业”'),
  field('industry', '行业门类，如“C 制造业”'),
  field('employees', '职工人数（企业名册）'),
];

/** Every negotiation document has these. */
const COMMON_FIELDS: readonly TemplateField[] = [
  field('title', '文书标题，如“要约书”“工资专项集体合同文本”'),
  field(
    'agreementName',
    '合同名称：集体合同、工资专项集体合同、女职工权益保护专项集体合同、劳动安全卫生专项集体合同',
  ),
  field('scopeName', '协商范围：单个企业、区域性、行业性'),
  field('negotiationTitle', '本轮协商的名称；未填写时为企业名称加合同名称'),
  field('enterpriseNames', '所涉企业名称，多家以“、”分隔'),
  field('enterpriseCount', '所涉企业家数'),
  field('totalEmployees', '所涉企业职工人数合计（企业名册）'),
  { tag: 'enterprises', description: '所涉企业，每家一段', items: ENTERPRISE_FIELDS },
  field('unionParty', '工会（职工方）名称：单个企业为“企业名称+工会”，区域性、行业性为相应的工会联合会'),
  field('employerParty', '企业方名称：单个企业为企业名称，区域性、行业性为所涉企业'),
  field('workerChief', '职工方首席代表；未确定协商代表时为“（未记录）”'),
  field('employerChief', '企业方首席代表'),
  field('workerReps', '职工方协商代表，以“、”分隔'),
  field('employerReps', '企业方协商代表，以“、”分隔'),
  field('experts', '外聘专家，以“、”分隔；没有时为“无”'),
  field('representativesConfirmedOn', '确定协商代表的日期'),
  field('generatedOn', '生成文书的日期'),
];

/** The offer (要约), and the time limit for its reply. */
const OFFER_FIELDS: readonly TemplateField[] = [
  field('senderSide', '要约发出方：“职工方”或“企业方”'),
  field('sender', '要约方名称'),
  field('recipient', '被要约方名称'),
  field('sentOn', '要约发出日期'),
  field('receivedOn', '对方收到要约的日期'),
  field('replyDays', '答复期限天数（规则集，全国默认 20）'),
  field('replyDueOn', '答复期限届满日：收到之日加答复期限天数'),
  field('replyRule', '答复期限的依据，如“集体合同规定第三十二条”'),
];

const REPLY_FIELDS: readonly TemplateField[] = [
  condition('accepted', '是否同意协商'),
  field('decision', '“同意进行集体协商”或“不同意进行集体协商”'),
  field('refusalReason', '不同意的理由；同意时为空'),
  field('repliedOn', '回应日期'),
  condition('repliedInTime', '是否在答复期限内回应'),
  field('timeliness', '“在答复期限内”或“超过答复期限”'),
];

const VOTE_FIELDS: readonly TemplateField[] = [
  field('votedOn', '职工代表大会（或全体职工大会）表决日期'),
  field('total', '应到职工代表（职工）人数'),
  field('present', '实到人数'),
  field('inFavour', '赞成票数'),
  field('quorumShare', '出席比例（规则集，全国默认“三分之二”）'),
  field('quorumNeeded', '至少应出席人数'),
  field('majorityShare', '通过所需比例（规则集，全国默认“二分之一”），按全体应到人数计'),
  field('majorityNeeded', '通过至少需要的赞成票数'),
  condition('passed', '是否通过'),
  field('result', '“通过”或“未通过”'),
  field('failedBecause', '未通过的原因；通过时为空'),
  field('voteRule', '表决规则的依据，如“集体合同规定第三十六条”'),
];

/** The signed agreement's terms and the time limits that follow signing. */
const TERMS_FIELDS: readonly TemplateField[] = [
  field('signedOn', '签订日期'),
  field('termMonths', '合同期限（月）'),
  field('period', '合同期限的起止，如“自2026年4月1日起至2027年3月31日止”；尚未生效时为“自生效之日起计算”'),
  field('effectiveOn', '生效日期；尚未生效时为空白日期'),
  field('endsOn', '期满日（最后一日）；尚未生效时为空白日期'),
  field('coveredEmployees', '覆盖职工人数'),
  field('wageIncrease', '职工平均工资增长幅度，如“6.5%”；未约定时为“未约定”'),
  field('minimumWage', '企业最低工资标准，如“2000元/月”；未约定时为“未约定”'),
  field('termRule', '合同期限、续订的依据，如“集体合同规定第三十八条”'),
  field('renewalWindowMonths', '期满前可提出续订的月数（规则集，全国默认 3）'),
  field('submissionDays', '签订后报送审查的天数（规则集：集体合同 10 日，工资专项集体合同 7 日）'),
  field('submissionDueOn', '报送审查期限届满日'),
  field('submissionRule', '报送期限的依据，如“集体合同规定第四十二条”“工资集体协商试行办法第二十一条”'),
  field('reviewDays', '劳动保障行政部门审查期限天数（规则集，全国默认 15）'),
  field('reviewRule', '审查期限的依据，如“集体合同规定第四十七条；劳动合同法第五十四条”'),
  field('publicationDays', '生效后向全体职工公布的天数（规则集，地方规定，默认 10）'),
  field('publicationRule', '公布期限的依据'),
];

const REVIEW_FIELDS: readonly TemplateField[] = [
  field('submittedOn', '报送日期；尚未报送时为空白日期'),
  field('reviewReceivedOn', '劳动保障行政部门收到文本的日期；尚未报送时为空白日期'),
  field('reviewEndsOn', '审查期限届满日；尚未报送时为空白日期'),
];

/** The reports' half-year work summary (工会工作总结), rendered by the reports feature. */
const WORK_SUMMARY_FIELDS: readonly TemplateField[] = [
  field('title', '标题，如“2026年上半年工会工作总结（摘录）”'),
  field('unitName', '单位名称'),
  field('periodLabel', '期间，如“2026年上半年”'),
  { tag: 'paragraphs', description: '正文，每项一段', items: [field('text', '一段正文')] },
  field('generatedOn', '生成日期'),
];

/** The groups of fields, each listed once in docs/documents.md. */
const FIELD_GROUPS = {
  common: { title: '各文书通用', fields: COMMON_FIELDS },
  offer: { title: '要约及答复期限', fields: OFFER_FIELDS },
  reply: { title: '要约回应', fields: REPLY_FIELDS },
  vote: { title: '职工代表大会表决', fields: VOTE_FIELDS },
  terms: { title: '合同条款及签订后的期限', fields: TERMS_FIELDS },
  review: { title: '报送审查', fields: REVIEW_FIELDS },
  workSummary: { title: '半年工作总结', fields: WORK_SUMMARY_FIELDS },
} as const;
type FieldGroup = keyof typeof FIELD_GROUPS;

const TEMPLATES: Record<TemplateName, { title: string; groups: readonly FieldGroup[] }> = {
  offer: { title: '要约书', groups: ['common', 'offer'] },
  offer_reply: { title: '要约回应书', groups: ['common', 'offer', 'reply'] },
  vote_resolution: { title: '职工代表大会决议', groups: ['common', 'vote'] },
  agreement_draft: { title: '集体合同文本（按合同种类命名）', groups: ['common', 'terms'] },
  review_submission: {
    title: '集体合同报送审查登记表',
    groups: ['common', 'terms', 'vote', 'review'],
  },
  work_summary: { title: '半年工作总结（统计报表使用）', groups: ['workSummary'] },
};

/** The fields each template may use, in the order docs/documents.md lists them. */
export const TEMPLATE_FIELDS = Object.fromEntries(
  Object.entries(TEMPLATES).map(([name, { groups }]) => [
    name,
    groups.flatMap((g) => FIELD_GROUPS[g].fields),
  ]),
) as unknown as Record<TemplateName, readonly TemplateField[]>;

/** The tag lists of docs/documents.md (generated: see template-fields.spec.ts). */
export function templateFieldsMarkdown(): string {
  const templates = (Object.keys(TEMPLATES) as TemplateName[]).map(
    (name) =>
      `- \`${name}.docx\` ${TEMPLATES[name].title}: ${TEMPLATES[name].groups.map((g) => FIELD_GROUPS[g].title).join('、')}`,
  );
  const groups = (Object.keys(FIELD_GROUPS) as FieldGroup[]).map((group) =>
    [`#### ${FIELD_GROUPS[group].title}`, '', ...FIELD_GROUPS[group].fields.flatMap(linesOf)].join('\n'),
  );
  return `${[templates.join('\n'), ...groups].join('\n\n')}\n`;
}

function linesOf(f: TemplateField): string[] {
  if (f.items) {
    return [
      `- \`{#${f.tag}}…{/${f.tag}}\`: ${f.description}；其中：`,
      ...f.items.map((item) => `  - \`{${item.tag}}\`: ${item.description}`),
    ];
  }
  if (f.condition) {
    return [
      `- \`{#${f.tag}}…{/${f.tag}}\` / \`{^${f.tag}}…{/${f.tag}}\`: ${f.description}（是则显示前者，否则显示后者）`,
    ];
  }
  return [`- \`{${f.tag}}\`: ${f.description}`];
}
