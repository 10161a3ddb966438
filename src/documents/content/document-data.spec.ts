import { NATIONAL_RULE_SET, resolveRuleSet } from '../../negotiations/workflow';
import { composeDocument, type ComposedDocument, type TemplateData } from './document-data';
import { DOCUMENT_KINDS, type DocumentKind } from './document-kinds';
import { dossierAfter, ENTERPRISE, STEPS, UP_TO, type DossierOptions } from './documents.fixtures';
import { TEMPLATE_FIELDS } from './template-fields';

const TODAY = '2026-05-08';

function compose(kind: DocumentKind, events: Parameters<typeof dossierAfter>[0], options?: DossierOptions) {
  const sut = composeDocument(kind, dossierAfter(events, options), TODAY);
  if (!sut.available) throw new Error(`${kind} not available: ${sut.reason}`);
  return sut.document;
}

describe(composeDocument.name, () => {
  it.each(DOCUMENT_KINDS)('fills exactly the fields %s.docx may use, none of them null', (kind) => {
    const { data } = compose(kind, UP_TO.submitted);
    const fields = TEMPLATE_FIELDS[kind];
    expect(Object.keys(data).sort()).toEqual(fields.map((f) => f.tag).sort());
    const items = fields.find((f) => f.tag === 'enterprises')!.items!;
    for (const item of data.enterprises as TemplateData[]) {
      expect(Object.keys(item).sort()).toEqual(items.map((f) => f.tag).sort());
    }
    const values = [...Object.values(data), ...(data.enterprises as TemplateData[]).flatMap(Object.values)];
    expect(values.filter((value) => value === null || value === undefined)).toEqual([]);
    for (const f of fields.filter((f) => f.condition)) expect(typeof data[f.tag]).toBe('boolean');
  });

  it('is not available before the step the document records', () => {
    expect(composeDocument('offer', dossierAfter(UP_TO.created), TODAY)).toEqual({
      available: false,
      reason: expect.stringContaining('发出协商要约'),
    });
  });

  it('writes the offer with the parties, the dates the Chinese way and the reply limit of the rule set', () => {
    const { data, fileName, datedOn } = compose('offer', UP_TO.offered);
    expect(data).toMatchObject({
      title: '要约书',
      agreementName: '工资专项集体合同',
      scopeName: '单个企业',
      senderSide: '职工方',
      sender: '金八角水泥有限公司工会',
      recipient: '金八角水泥有限公司',
      sentOn: '2026年3月5日',
      receivedOn: '2026年3月6日',
      replyDays: 20,
      replyDueOn: '2026年3月26日',
      replyRule: '集体合同规定第三十二条',
      generatedOn: '2026年5月8日',
      workerChief: '（未记录）',
      enterpriseNames: '金八角水泥有限公司',
      enterpriseCount: 1,
      totalEmployees: 320,
    });
    expect(data.enterprises).toEqual([
      {
        index: 1,
        name: '金八角水泥有限公司',
        creditCode: ENTERPRISE.creditCode,
        township: '金山镇',
        community: '家和社区',
        address: '金山镇家和社区',
        ownership: '私营企业',
        industry: 'C 制造业',
        employees: 320,
      },
    ]);
    expect(datedOn).toBe('2026-03-05');
    expect(fileName).toBe('要约书_金八角水泥有限公司_2026-03-05.docx');
  });

  it('takes the numbers from the negotiation’s rule set, not the national one', () => {
    const county = resolveRuleSet({ version: 'county-2026', offerReplyDays: 15, wageFilingDays: 5 });
    expect(compose('offer', UP_TO.offered, { ruleSet: county }).data).toMatchObject({
      replyDays: 15,
      replyDueOn: '2026年3月21日',
    });
    expect(compose('agreement_draft', UP_TO.signed, { ruleSet: county }).data).toMatchObject({
      submissionDays: 5,
      submissionDueOn: '2026年4月20日',
      submissionRule: '工资集体协商试行办法第二十一条',
    });
  });

  it('answers an offer sent by the employer from the union', () => {
    const { data } = compose('offer_reply', [{ ...STEPS.offer, sentBy: 'employer' }, STEPS.accepted]);
    expect(data).toMatchObject({
      sender: '金八角水泥有限公司',
      recipient: '金八角水泥有限公司工会',
      accepted: true,
      decision: '同意进行集体协商',
      refusalReason: '',
      repliedOn: '2026年3月16日',
      repliedInTime: true,
      timeliness: '在答复期限内',
    });
  });

  it('records a refusal, its reason and a late reply', () => {
    const late = [STEPS.offer, { type: 'OFFER_REFUSED', occurredOn: '2026-03-30', reason: '企业经营困难' }];
    const document = compose('offer_reply', late);
    expect(document.data).toMatchObject({
      accepted: false,
      decision: '不同意进行集体协商',
      refusalReason: '企业经营困难',
      repliedInTime: false,
      timeliness: '超过答复期限',
    });
    expect(document.fileName).toBe('要约回应书_金八角水泥有限公司_2026-03-30.docx');
  });

  it('writes the vote with its numbers, the shares of 集体合同规定 art. 36 and whether it passed', () => {
    expect(compose('vote_resolution', UP_TO.voted).data).toMatchObject({
      votedOn: '2026年4月10日',
      total: 100,
      present: 80,
      inFavour: 60,
      quorumShare: '三分之二',
      quorumNeeded: 67,
      majorityShare: '二分之一',
      majorityNeeded: 51,
      passed: true,
      result: '通过',
      failedBecause: '',
      voteRule: '集体合同规定第三十六条',
      workerChief: '张伟',
      employerChief: '刘洋',
      workerReps: '张伟、李娜、王芳',
      experts: '无',
    });
    const failed = compose('vote_resolution', [
      ...UP_TO.drafted,
      { ...STEPS.vote, present: 60, inFavour: 50 },
    ]);
    expect(failed.data).toMatchObject({
      passed: false,
      result: '未通过',
      failedBecause:
        '实到60人，不足应到人数的三分之二（至少67人）；赞成50票，未超过全体100人的二分之一（至少51票）',
    });
  });

  it('writes the terms, the period once in force, and the time limits with their articles', () => {
    const signed = compose('agreement_draft', UP_TO.signed);
    expect(signed.title).toBe('工资专项集体合同文本');
    expect(signed.data).toMatchObject({
      signedOn: '2026年4月15日',
      termMonths: NATIONAL_RULE_SET.defaultWageTermMonths,
      period: '自生效之日起计算',
      effectiveOn: '____年__月__日',
      coveredEmployees: 300,
      wageIncrease: '6.5%',
      minimumWage: '2100元/月',
      submissionDays: 7,
      submissionDueOn: '2026年4月22日',
      submissionRule: '工资集体协商试行办法第二十一条',
      reviewDays: 15,
      reviewRule: '集体合同规定第四十七条；劳动合同法第五十四条',
      termRule: '集体合同规定第三十八条',
      renewalWindowMonths: 3,
    });
    expect(compose('agreement_draft', UP_TO.inForce).data).toMatchObject({
      period: '自2026年4月30日起至2027年4月29日止',
      effectiveOn: '2026年4月30日',
      endsOn: '2027年4月29日',
    });
    const comprehensive = compose(
      'agreement_draft',
      [
        ...UP_TO.voted,
        { ...STEPS.signed, termMonths: 24, wageIncreasePct: undefined, minimumWage: undefined },
      ],
      { kind: 'comprehensive' },
    );
    expect(comprehensive.title).toBe('集体合同文本');
    expect(comprehensive.data).toMatchObject({
      agreementName: '集体合同',
      termMonths: 24,
      wageIncrease: '未约定',
      minimumWage: '未约定',
      submissionDays: 10,
      submissionRule: '集体合同规定第四十二条',
    });
  });

  it('fills the review form with the submission once made, blanks before', () => {
    expect(compose('review_submission', UP_TO.signed)).toMatchObject<Partial<ComposedDocument>>({
      datedOn: '2026-04-15',
      data: expect.objectContaining({ submittedOn: '____年__月__日', reviewEndsOn: '____年__月__日' }),
    });
    expect(compose('review_submission', UP_TO.submitted)).toMatchObject<Partial<ComposedDocument>>({
      datedOn: '2026-04-20',
      fileName: '集体合同报送审查登记表_金八角水泥有限公司_2026-04-20.docx',
      data: expect.objectContaining({
        submittedOn: '2026年4月20日',
        reviewReceivedOn: '2026年4月21日',
        reviewEndsOn: '2026年5月6日',
        votedOn: '2026年4月10日',
        result: '通过',
      }),
    });
  });

  it('names every enterprise of a regional round and its union federation', () => {
    const enterprises = [
      ENTERPRISE,
      { ...ENTERPRISE, id: 8, name: '金山织造有限公司', creditCode: '91350100M000200Y3E', community: null },
      { ...ENTERPRISE, id: 9, name: '金山茶业有限公司', creditCode: '91350100M000300Y3E', employeeCount: 80 },
      {
        ...ENTERPRISE,
        id: 10,
        name: '金山鞋业有限公司',
        creditCode: '91350100M000400Y3E',
        employeeCount: 100,
      },
    ];
    const { data, fileName } = compose('offer', UP_TO.offered, { scope: 'regional', enterprises });
    expect(data).toMatchObject({
      scopeName: '区域性',
      sender: '金山镇区域性工会联合会',
      recipient: '金八角水泥有限公司、金山织造有限公司、金山茶业有限公司等4家企业',
      enterpriseNames: '金八角水泥有限公司、金山织造有限公司、金山茶业有限公司、金山鞋业有限公司',
      enterpriseCount: 4,
      totalEmployees: 820,
    });
    expect((data.enterprises as TemplateData[]).map((e) => [e.index, e.creditCode, e.address])).toEqual([
      [1, ENTERPRISE.creditCode, '金山镇家和社区'],
      [2, '91350100M000200Y3E', '金山镇'],
      [3, '91350100M000300Y3E', '金山镇家和社区'],
      [4, '91350100M000400Y3E', '金山镇家和社区'],
    ]);
    expect(fileName).toBe('要约书_金八角水泥有限公司等4家_2026-03-05.docx');
    const industry = compose('offer', UP_TO.offered, { scope: 'industry', enterprises });
    expect(industry.data.sender).toBe('金山镇制造业行业工会联合会');
  });
});
