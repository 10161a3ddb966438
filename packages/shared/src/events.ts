import { cite, LAW } from './law';
import { SIDES, type BusinessDate, type Side } from './negotiation-enums';

/**
 * What each event carries and the rules of its fields (docs/domain.md, the procedure): the
 * server validates events against these specs and the web builds its forms from them.
 */

interface Dated {
  /** The day it really happened (not the day it was typed in). */
  occurredOn: BusinessDate;
}

export type NegotiationEvent =
  | (Dated & { type: 'OFFER_SENT'; sentBy: Side; receivedOn: BusinessDate })
  | (Dated & { type: 'OFFER_ACCEPTED' })
  | (Dated & { type: 'OFFER_REFUSED'; reason: string })
  | (Dated & {
      type: 'REPRESENTATIVES_CONFIRMED';
      workerReps: string[];
      employerReps: string[];
      workerChief: string;
      employerChief: string;
      experts?: string[];
    })
  | (Dated & { type: 'MEETING_HELD'; summary?: string })
  | (Dated & { type: 'SUSPENDED'; resumeOn: BusinessDate })
  | (Dated & { type: 'RESUMED' })
  | (Dated & { type: 'DRAFT_AGREED' })
  | (Dated & { type: 'VOTE_RECORDED'; total: number; present: number; inFavour: number })
  | (Dated & {
      type: 'SIGNED';
      termMonths?: number;
      coveredEmployees: number;
      wageIncreasePct?: number;
      minimumWage?: number;
    })
  | (Dated & { type: 'SUBMITTED_FOR_REVIEW'; receivedOn?: BusinessDate; reviewEndsOn?: BusinessDate })
  | (Dated & { type: 'REVIEW_APPROVED' })
  | (Dated & { type: 'REVIEW_OBJECTION'; reasons: string[] })
  | (Dated & { type: 'PUBLISHED' })
  | (Dated & { type: 'FILED_WITH_UNION' })
  | (Dated & { type: 'TERMINATED'; reason: string })
  | (Dated & { type: 'ABANDONED'; reason: string })
  | (Dated & { type: 'REVIEW_PERIOD_ELAPSED' })
  | (Dated & { type: 'EXPIRED' })
  | (Dated & {
      type: 'HISTORICAL_RECORDED';
      effectiveOn: BusinessDate;
      expiresOn: BusinessDate;
      coveredEmployees: number;
      termMonths?: number;
      wageIncreasePct?: number;
      minimumWage?: number;
    });

export type EventType = NegotiationEvent['type'];
export type EventOf<T extends EventType> = Extract<NegotiationEvent, { type: T }>;

/** How a field is typed; `names` and `texts` are lists of strings. */
export const FIELD_TYPES = ['date', 'text', 'enum', 'integer', 'number', 'names', 'texts'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface FieldSpec {
  name: string;
  type: FieldType;
  required: boolean;
  /** enum: the accepted values. */
  values?: readonly string[];
  /** integer/number: inclusive bounds. */
  min?: number;
  max?: number;
  /** The rule that makes the field necessary, quoted when it is missing. */
  rule?: string;
  /**
   * Written by the workflow when the event is recorded (a fact it derives, kept in the event
   * log so that a replay gives the same answer); a user never sends it and no form shows it.
   */
  derived?: boolean;
}

export interface EventSpec {
  type: EventType;
  /** Sent only by the scheduler or an import, never by a user. */
  systemOnly: boolean;
  description: string;
  fields: readonly FieldSpec[];
}

const date = (name: string, required: boolean, rule?: string): FieldSpec => ({
  name,
  type: 'date',
  required,
  ...(rule === undefined ? {} : { rule }),
});
const text = (name: string, required: boolean, rule?: string): FieldSpec => ({
  name,
  type: 'text',
  required,
  ...(rule === undefined ? {} : { rule }),
});
const integer = (name: string, required: boolean, min?: number, max?: number): FieldSpec => ({
  name,
  type: 'integer',
  required,
  ...(min === undefined ? {} : { min }),
  ...(max === undefined ? {} : { max }),
});
const decimal = (name: string, min: number, max: number): FieldSpec => ({
  name,
  type: 'number',
  required: false,
  min,
  max,
});
const names = (name: string, required: boolean): FieldSpec => ({ name, type: 'names', required });

/**
 * Plausibility bounds (product rules): an agreed average increase beyond +100 % or a cut beyond
 * -50 % in one agreement, or a monthly minimum wage above 100,000 yuan, is a typing error.
 */
const agreementNumbers: FieldSpec[] = [
  integer('coveredEmployees', true, 1, 10_000_000),
  decimal('wageIncreasePct', -50, 100),
  decimal('minimumWage', 0, 100_000),
];

/** One entry per event type, in procedure order; the single list of what each event carries. */
export const EVENT_SPECS: readonly EventSpec[] = [
  {
    type: 'OFFER_SENT',
    systemOnly: false,
    description: 'one side sends a written offer to bargain (要约)',
    fields: [
      { name: 'sentBy', type: 'enum', required: true, values: SIDES },
      date('receivedOn', true, cite(LAW.CC, '32')),
    ],
  },
  {
    type: 'OFFER_ACCEPTED',
    systemOnly: false,
    description: 'the other side agrees to bargain',
    fields: [],
  },
  {
    type: 'OFFER_REFUSED',
    systemOnly: false,
    description: 'the other side refuses; the higher union coordinates',
    fields: [text('reason', true, cite(LAW.CC, '32'))],
  },
  {
    type: 'REPRESENTATIVES_CONFIRMED',
    systemOnly: false,
    description: 'both sides name their representatives and chiefs (协商代表)',
    fields: [
      names('workerReps', true),
      names('employerReps', true),
      text('workerChief', true, cite(LAW.CC, '19-20')),
      text('employerChief', true, cite(LAW.CC, '19, 21')),
      names('experts', false),
    ],
  },
  {
    type: 'MEETING_HELD',
    systemOnly: false,
    description: 'a consultation meeting took place',
    fields: [text('summary', false)],
  },
  {
    type: 'SUSPENDED',
    systemOnly: false,
    description: 'consultation paused by mutual agreement, with the agreed resume date',
    fields: [date('resumeOn', true, cite(LAW.CC, '35'))],
  },
  { type: 'RESUMED', systemOnly: false, description: 'consultation resumes', fields: [] },
  {
    type: 'DRAFT_AGREED',
    systemOnly: false,
    description: 'the representatives agree a draft for the workers’ congress',
    fields: [],
  },
  {
    type: 'VOTE_RECORDED',
    systemOnly: false,
    description: 'the workers’ congress or all-staff meeting voted on the draft (职代会审议)',
    fields: [
      integer('total', true, 1, 10_000_000),
      integer('present', true, 0, 10_000_000),
      integer('inFavour', true, 0, 10_000_000),
    ],
  },
  {
    type: 'SIGNED',
    systemOnly: false,
    description: 'both chief representatives signed',
    fields: [integer('termMonths', false), ...agreementNumbers],
  },
  {
    type: 'SUBMITTED_FOR_REVIEW',
    systemOnly: false,
    description: 'the employer submitted the text to the labour administration (报送审查)',
    fields: [
      date('receivedOn', false),
      // 集体合同规定 art. 47 with 民法典 art. 203: the last day of the review, counted with the
      // working-day calendar of the day the submission was recorded.
      { ...date('reviewEndsOn', false, cite(LAW.CC, '47')), derived: true },
    ],
  },
  {
    type: 'REVIEW_APPROVED',
    systemOnly: false,
    description: 'the labour administration answered without objection',
    fields: [],
  },
  {
    type: 'REVIEW_OBJECTION',
    systemOnly: false,
    description: 'the labour administration objected; the contested parts are renegotiated',
    fields: [{ name: 'reasons', type: 'texts', required: true, rule: cite(LAW.CC, '45-46') }],
  },
  {
    type: 'PUBLISHED',
    systemOnly: false,
    description: 'the agreement was published to all employees',
    fields: [],
  },
  {
    type: 'FILED_WITH_UNION',
    systemOnly: false,
    description: 'the agreement was filed with the higher union (备案)',
    fields: [],
  },
  {
    type: 'TERMINATED',
    systemOnly: false,
    description: 'the agreement was ended before its expiry',
    fields: [text('reason', true, cite(LAW.CC, '39-40'))],
  },
  {
    type: 'ABANDONED',
    systemOnly: false,
    description: 'the negotiation was given up before an agreement took effect',
    fields: [text('reason', true)],
  },
  {
    type: 'REVIEW_PERIOD_ELAPSED',
    systemOnly: true,
    description: 'timer: no objection within the review period, the agreement takes effect',
    fields: [],
  },
  {
    type: 'EXPIRED',
    systemOnly: true,
    description: 'timer: the agreement reached its expiry date',
    fields: [],
  },
  {
    type: 'HISTORICAL_RECORDED',
    systemOnly: true,
    description: 'an agreement signed (on occurredOn) before the product was used was recorded',
    fields: [
      date('effectiveOn', true),
      date('expiresOn', true),
      integer('termMonths', false, 1, 1200),
      ...agreementNumbers,
    ],
  },
];

export const EVENT_TYPES: readonly EventType[] = EVENT_SPECS.map((spec) => spec.type);

const SPEC_BY_TYPE = new Map<string, EventSpec>(EVENT_SPECS.map((spec) => [spec.type, spec]));

/** The spec of a type name from outside (undefined when no such event exists). */
export function findEventSpec(type: string): EventSpec | undefined {
  return SPEC_BY_TYPE.get(type);
}

export function eventSpec(type: EventType): EventSpec {
  return SPEC_BY_TYPE.get(type) as EventSpec;
}

export function isSystemOnly(type: EventType): boolean {
  return eventSpec(type).systemOnly;
}
