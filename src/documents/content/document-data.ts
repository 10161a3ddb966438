import {
  atLeastShareOf,
  industryLabelZh,
  moreThanShareOf,
  OWNERSHIP_LABELS_ZH,
  ruleZh,
  SCOPE_LABELS_ZH,
  type BusinessDate,
} from '@wagetrack/shared';
import {
  addDays,
  cite,
  CHECKS,
  compareDates,
  submissionLimit,
  TIME_LIMIT_RULES,
  type AgreementRecord,
} from '../../negotiations/workflow';
import { availabilityOf } from './availability';
import { agreementName, documentTitle, type DocumentKind } from './document-kinds';
import type { DossierEnterprise, NegotiationDossier } from './negotiation-dossier';
import { latestOffer, latestVote, type OfferStep, type ReplyStep, type VoteStep } from './steps';
import {
  BLANK_DATE,
  dateOrBlank,
  dateZh,
  listZh,
  NOT_AGREED,
  NOT_RECORDED,
  numberZh,
  shareZh,
} from './words-zh';

/** What a tag is filled with: text, a number, yes/no for a condition, or a list's items. */
export type TemplateValue = string | number | boolean | TemplateData[];
export interface TemplateData {
  [tag: string]: TemplateValue;
}

/** A document ready to render: its template's data, and the name and date of the file. */
export interface ComposedDocument {
  kind: DocumentKind;
  title: string;
  /** The day of the step it records (the offer sent, the vote, the signing, …): it dates the file name. */
  datedOn: BusinessDate;
  fileName: string;
  data: TemplateData;
}

export type Composition =
  { available: true; document: ComposedDocument } | { available: false; reason: string };

/**
 * A negotiation's document as template data (docs/documents.md lists the tags): every number and
 * article comes from the negotiation's rule set and the workflow's citations, none from a template.
 * Absent values are words or blanks, never null: a tag that finds nothing is a template's typo.
 */
export function composeDocument(
  kind: DocumentKind,
  dossier: NegotiationDossier,
  today: BusinessDate,
): Composition {
  const availability = availabilityOf(kind, dossier);
  if (!availability.available) return availability;
  const title = documentTitle(kind, dossier.agreementKind);
  const common = commonData(dossier, title, today);
  const { data, datedOn } = kindData(kind, dossier);
  return {
    available: true,
    document: {
      kind,
      title,
      datedOn,
      fileName: fileName(title, dossier.enterprises, datedOn),
      data: { ...common, ...data },
    },
  };
}

function kindData(
  kind: DocumentKind,
  dossier: NegotiationDossier,
): { data: TemplateData; datedOn: BusinessDate } {
  // availabilityOf has checked that the step each document records is there.
  const offer = latestOffer(dossier.events);
  const vote = latestVote(dossier.events);
  const agreement = dossier.context.agreement;
  switch (kind) {
    case 'offer':
      return { data: offerData(dossier, offer!.offer), datedOn: offer!.offer.sentOn };
    case 'offer_reply':
      return {
        data: { ...offerData(dossier, offer!.offer), ...replyData(dossier, offer!.offer, offer!.reply!) },
        datedOn: offer!.reply!.repliedOn,
      };
    case 'vote_resolution':
      return { data: voteData(dossier, vote!), datedOn: vote!.votedOn };
    case 'agreement_draft':
      return { data: termsData(dossier, agreement!), datedOn: agreement!.signedOn };
    case 'review_submission': {
      const review = dossier.context.review;
      return {
        data: { ...termsData(dossier, agreement!), ...voteData(dossier, vote!), ...reviewData(dossier) },
        datedOn: review?.submittedOn ?? agreement!.signedOn,
      };
    }
  }
}

/** The two sides as the documents name them (nothing in the workflow names a union federation). */
function parties(dossier: NegotiationDossier): { unionParty: string; employerParty: string } {
  const { enterprises, scope } = dossier;
  if (scope === 'enterprise' && enterprises.length === 1) {
    return { unionParty: `${enterprises[0]!.name}工会`, employerParty: enterprises[0]!.name };
  }
  const township = shared(enterprises.map((e) => e.township)) ?? '';
  const industry = shared(enterprises.map((e) => e.industry));
  const federation =
    scope === 'industry'
      ? `${township}${industry ? (industryLabelZh(industry).split(' ')[1] ?? '') : ''}行业工会联合会`
      : `${township}区域性工会联合会`;
  const names = enterprises.map((e) => e.name);
  const employerParty =
    names.length <= 3 ? listZh(names) : `${listZh(names.slice(0, 3))}等${names.length}家企业`;
  return { unionParty: federation, employerParty };
}

/** The one value every entry has, or null. */
function shared(values: readonly string[]): string | null {
  return values.length > 0 && values.every((value) => value === values[0]) ? values[0]! : null;
}

function commonData(dossier: NegotiationDossier, title: string, today: BusinessDate): TemplateData {
  const names = dossier.enterprises.map((e) => e.name);
  const reps = dossier.context.representatives;
  const agreement = agreementName(dossier.agreementKind);
  return {
    title,
    agreementName: agreement,
    scopeName: SCOPE_LABELS_ZH[dossier.scope],
    negotiationTitle: dossier.title ?? `${listZh(names)}${agreement}协商`,
    enterpriseNames: listZh(names),
    enterpriseCount: dossier.enterprises.length,
    totalEmployees: dossier.enterprises.reduce((sum, e) => sum + e.employeeCount, 0),
    enterprises: dossier.enterprises.map(enterpriseData),
    ...parties(dossier),
    workerChief: reps?.workerChief ?? NOT_RECORDED,
    employerChief: reps?.employerChief ?? NOT_RECORDED,
    workerReps: reps ? listZh(reps.workerReps) : NOT_RECORDED,
    employerReps: reps ? listZh(reps.employerReps) : NOT_RECORDED,
    experts: reps ? listZh(reps.experts) || '无' : NOT_RECORDED,
    representativesConfirmedOn: dateOrBlank(reps?.confirmedOn),
    generatedOn: dateZh(today),
  };
}

function enterpriseData(enterprise: DossierEnterprise, index: number): TemplateData {
  return {
    index: index + 1,
    name: enterprise.name,
    creditCode: enterprise.creditCode,
    township: enterprise.township,
    community: enterprise.community ?? '',
    address: `${enterprise.township}${enterprise.community ?? ''}`,
    ownership: OWNERSHIP_LABELS_ZH[enterprise.ownershipType] ?? enterprise.ownershipType,
    industry: industryLabelZh(enterprise.industry),
    employees: enterprise.employeeCount,
  };
}

const SIDE_ZH = { union: '职工方', employer: '企业方' } as const;

/** 集体合同规定 art. 32: the reply is due offerReplyDays after the offer was received. */
function offerData(dossier: NegotiationDossier, offer: OfferStep): TemplateData {
  const { unionParty, employerParty } = parties(dossier);
  const [sender, recipient] =
    offer.sentBy === 'union' ? [unionParty, employerParty] : [employerParty, unionParty];
  return {
    senderSide: SIDE_ZH[offer.sentBy],
    sender,
    recipient,
    sentOn: dateZh(offer.sentOn),
    receivedOn: dateZh(offer.receivedOn),
    replyDays: dossier.ruleSet.offerReplyDays,
    replyDueOn: dateZh(replyDueOn(dossier, offer)),
    replyRule: ruleZh(TIME_LIMIT_RULES.offerReply),
  };
}

const replyDueOn = (dossier: NegotiationDossier, offer: OfferStep): BusinessDate =>
  addDays(offer.receivedOn, dossier.ruleSet.offerReplyDays);

function replyData(dossier: NegotiationDossier, offer: OfferStep, reply: ReplyStep): TemplateData {
  const inTime = compareDates(reply.repliedOn, replyDueOn(dossier, offer)) <= 0;
  return {
    accepted: reply.accepted,
    decision: reply.accepted ? '同意进行集体协商' : '不同意进行集体协商',
    refusalReason: reply.reason ?? '',
    repliedOn: dateZh(reply.repliedOn),
    repliedInTime: inTime,
    timeliness: inTime ? '在答复期限内' : '超过答复期限',
  };
}

/** 集体合同规定 art. 36: ≥ quorumShare of all present, more than majorityShare of all in favour. */
function voteData(dossier: NegotiationDossier, vote: VoteStep): TemplateData {
  const rules = dossier.ruleSet;
  const quorumNeeded = atLeastShareOf(vote.total, rules.quorumShare);
  const majorityNeeded = moreThanShareOf(vote.total, rules.majorityShare);
  const quorumShare = shareZh(rules.quorumShare);
  const majorityShare = shareZh(rules.majorityShare);
  const shortfalls = [
    vote.present < quorumNeeded
      ? `实到${vote.present}人，不足应到人数的${quorumShare}（至少${quorumNeeded}人）`
      : '',
    vote.inFavour < majorityNeeded
      ? `赞成${vote.inFavour}票，未超过全体${vote.total}人的${majorityShare}（至少${majorityNeeded}票）`
      : '',
  ].filter(Boolean);
  const citation = CHECKS.quorumReached.citation;
  return {
    votedOn: dateZh(vote.votedOn),
    total: vote.total,
    present: vote.present,
    inFavour: vote.inFavour,
    quorumShare,
    quorumNeeded,
    majorityShare,
    majorityNeeded,
    passed: vote.passed,
    result: vote.passed ? '通过' : '未通过',
    failedBecause: vote.passed ? '' : shortfalls.join('；'),
    voteRule: ruleZh(cite(citation.law, citation.article)),
  };
}

function termsData(dossier: NegotiationDossier, agreement: AgreementRecord): TemplateData {
  const rules = dossier.ruleSet;
  const submission = submissionLimit(dossier.agreementKind, rules);
  // expiresOn is the first day the agreement no longer applies; a text names its last day.
  const endsOn = agreement.effectiveOn ? addDays(agreement.expiresOn, -1) : null;
  return {
    signedOn: dateZh(agreement.signedOn),
    termMonths: agreement.termMonths,
    period:
      agreement.effectiveOn && endsOn
        ? `自${dateZh(agreement.effectiveOn)}起至${dateZh(endsOn)}止`
        : '自生效之日起计算',
    effectiveOn: dateOrBlank(agreement.effectiveOn),
    endsOn: endsOn ? dateZh(endsOn) : BLANK_DATE,
    coveredEmployees: agreement.coveredEmployees,
    wageIncrease: agreement.wageIncreasePct === null ? NOT_AGREED : `${numberZh(agreement.wageIncreasePct)}%`,
    minimumWage: agreement.minimumWage === null ? NOT_AGREED : `${numberZh(agreement.minimumWage)}元/月`,
    termRule: ruleZh(TIME_LIMIT_RULES.term),
    renewalWindowMonths: rules.renewalWindowMonths,
    submissionDays: submission.days,
    submissionDueOn: dateZh(addDays(agreement.signedOn, submission.days)),
    submissionRule: ruleZh(submission.rule),
    reviewDays: rules.reviewDays,
    reviewRule: ruleZh(TIME_LIMIT_RULES.reviewPeriod),
    publicationDays: rules.publicationDays,
    publicationRule: ruleZh(TIME_LIMIT_RULES.publication),
  };
}

function reviewData(dossier: NegotiationDossier): TemplateData {
  const review = dossier.context.review;
  return {
    submittedOn: dateOrBlank(review?.submittedOn),
    reviewReceivedOn: dateOrBlank(review?.receivedOn),
    reviewEndsOn: dateOrBlank(review?.endsOn),
  };
}

/**
 * `要约书_金山水泥有限公司_2026-03-05.docx`; several enterprises: the first and how many
 * (`…_金山水泥有限公司等3家_…`). Characters a file system refuses are replaced.
 */
function fileName(title: string, enterprises: readonly DossierEnterprise[], datedOn: BusinessDate): string {
  const first = enterprises[0]?.name ?? '';
  const who = enterprises.length > 1 ? `${first}等${enterprises.length}家` : first;
  // eslint-disable-next-line no-control-regex
  return `${title}_${who}_${datedOn}.docx`.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');
}
