/**
 * Why the API refused an event (NEGOTIATION.GUARD_FAILED), one sentence per check of the workflow
 * (src/negotiations/workflow/checks.ts), as `guards.<check>`. Placeholders are the rule set's
 * numbers: {n} a count, {share} a fraction such as 1/3, {days}, {min} and {max} months.
 */
export default {
  noOfferPending: '上一份协商要约尚未答复，请先记录对方接受或拒绝',
  offerReceivedAfterSent: '对方收到要约的日期不能早于发出日期',
  offerPending: '没有待答复的协商要约，请先记录发出要约',
  refusalHasReason: '拒绝协商须说明正当理由',
  representativesPerSide: '每方协商代表不得少于 {n} 人',
  representativesEqual: '双方协商代表人数应当相等',
  representativesDistinct: '同一人不能在本方代表中重复列入',
  noDualRepresentation: '协商代表不得同时代表双方',
  chiefsAreRepresentatives: '每方首席代表须从本方代表中产生',
  expertsAreRepresentatives: '外聘专家须列入某一方的协商代表',
  expertNotChief: '外聘专家不得担任首席代表',
  expertShare: '外聘专家不得超过本方代表人数的 {share}',
  resumeAfterSuspension: '约定的恢复协商日期应晚于中止日期',
  suspensionWithinCap: '中止协商的期限不得超过 {days} 天',
  quorumReached: '职代会出席人数须达到全体代表的 {share}',
  majorityReached: '赞成票须超过全体代表（而非出席代表）的 {share}',
  termWithinLimits: '集体合同期限应为 {min}–{max} 个月',
  reviewReceivedAfterSubmission: '审查部门收到文本的日期不能早于报送日期',
  reviewAnswerAfterReceipt: '审查意见的日期不能早于审查部门收到文本的日期',
  reviewAnswerBeforePeriodEnd: '审查期已满，协议已自动生效，此后的审查意见不再有效',
  reviewPeriodEnded: '审查期尚未届满，协议还不能自动生效',
  publishedOnce: '该协议已经公布过',
  filedWithUnionOnce: '该协议已报上级工会备案',
  terminationHasReason: '提前终止协议须说明理由',
  terminationBeforeExpiry: '协议已到期，不能再提前终止',
  expiryDateReached: '协议尚未到期',
  abandonmentHasReason: '放弃本轮协商须说明理由',
  historicalEffectiveAfterSigning: '补录协议的生效日期不能早于签订日期',
  historicalExpiresAfterEffect: '补录协议的到期日期应晚于生效日期',
  historicalTermWithinLimits: '集体合同期限应为 {min}–{max} 个月（自生效日期至到期日期）',
  historicalTermMonthsWithinLimits: '集体合同期限应为 {min}–{max} 个月',
};
