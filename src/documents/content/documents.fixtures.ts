/**
 * Dossiers for the documents' specs, made by running real events through the workflow (so the
 * context and the log are what the service would read). Not used by production code.
 */
import type { AgreementKind, Scope } from '@wagetrack/shared';
import {
  applyEvent,
  contextOf,
  createNegotiationState,
  NATIONAL_RULE_SET,
  type RuleSet,
} from '../../negotiations/workflow';
import type { DossierEnterprise, DossierEvent, NegotiationDossier } from './negotiation-dossier';

export const ENTERPRISE: DossierEnterprise = {
  id: 7,
  name: '金八角水泥有限公司',
  creditCode: '91350100M000100Y3E',
  township: '金山镇',
  community: '家和社区',
  ownershipType: 'private',
  industry: 'C',
  employeeCount: 320,
};

export const REPRESENTATIVES = {
  workerReps: ['张伟', '李娜', '王芳'],
  employerReps: ['刘洋', '陈静', '杨磊'],
  workerChief: '张伟',
  employerChief: '刘洋',
};

type Event = { type: string; occurredOn: string } & Record<string, unknown>;

/** The procedure from the offer to the review period's end, one step each (2026-03-05 on). */
export const STEPS = {
  offer: { type: 'OFFER_SENT', occurredOn: '2026-03-05', sentBy: 'union', receivedOn: '2026-03-06' },
  accepted: { type: 'OFFER_ACCEPTED', occurredOn: '2026-03-16' },
  representatives: { type: 'REPRESENTATIVES_CONFIRMED', occurredOn: '2026-03-20', ...REPRESENTATIVES },
  meeting: { type: 'MEETING_HELD', occurredOn: '2026-03-25' },
  draft: { type: 'DRAFT_AGREED', occurredOn: '2026-04-01' },
  vote: { type: 'VOTE_RECORDED', occurredOn: '2026-04-10', total: 100, present: 80, inFavour: 60 },
  signed: {
    type: 'SIGNED',
    occurredOn: '2026-04-15',
    coveredEmployees: 300,
    wageIncreasePct: 6.5,
    minimumWage: 2100,
  },
  submitted: { type: 'SUBMITTED_FOR_REVIEW', occurredOn: '2026-04-20', receivedOn: '2026-04-21' },
  approved: { type: 'REVIEW_APPROVED', occurredOn: '2026-04-30' },
} satisfies Record<string, Event>;

export const UP_TO = {
  created: [] as Event[],
  offered: [STEPS.offer],
  accepted: [STEPS.offer, STEPS.accepted],
  drafted: [STEPS.offer, STEPS.accepted, STEPS.representatives, STEPS.meeting, STEPS.draft],
  voted: [STEPS.offer, STEPS.accepted, STEPS.representatives, STEPS.meeting, STEPS.draft, STEPS.vote],
  signed: [] as Event[],
  submitted: [] as Event[],
  inForce: [] as Event[],
};
UP_TO.signed = [...UP_TO.voted, STEPS.signed];
UP_TO.submitted = [...UP_TO.signed, STEPS.submitted];
UP_TO.inForce = [...UP_TO.submitted, STEPS.approved];

export interface DossierOptions {
  kind?: AgreementKind;
  scope?: Scope;
  enterprises?: DossierEnterprise[];
  ruleSet?: RuleSet;
  title?: string | null;
}

/** A negotiation after `events`, as the documents service hands it to the core. */
export function dossierAfter(events: readonly Event[], options: DossierOptions = {}): NegotiationDossier {
  const ruleSet = options.ruleSet ?? NATIONAL_RULE_SET;
  const agreementKind = options.kind ?? 'wage';
  const scope = options.scope ?? 'enterprise';
  let persisted = createNegotiationState({ agreementKind, scope, ruleSet, createdOn: '2026-03-01' });
  const log: DossierEvent[] = [];
  for (const event of events) {
    const result = applyEvent(persisted, event, { ruleSet, today: '2026-12-31', source: 'system' });
    if (!result.ok) throw new Error(`arranging failed at ${event.type}: ${result.message}`);
    persisted = result.persisted;
    const { type, occurredOn, ...payload } = event;
    log.push({ seq: log.length + 1, type, occurredOn, toStage: result.toStage, payload });
  }
  return {
    id: 1,
    title: options.title === undefined ? null : options.title,
    agreementKind,
    scope,
    historical: events.some((event) => event.type === 'HISTORICAL_RECORDED'),
    createdOn: '2026-03-01',
    context: contextOf(persisted),
    ruleSet,
    enterprises: options.enterprises ?? [ENTERPRISE],
    events: log,
  };
}
