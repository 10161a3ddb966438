import { ApiProperty } from '@nestjs/swagger';
import { FIELD_TYPES, type FieldType } from '@wagetrack/shared';
import { AGREEMENT_KINDS, type AgreementKind, SCOPES, type Scope, STAGES, type Stage } from '../workflow';

export class DeadlineResponse {
  @ApiProperty({ example: 'submission_for_review' }) kind!: string;
  @ApiProperty({ format: 'date' }) dueOn!: string;
  @ApiProperty({
    description:
      'a time limit whose day has passed (stalled, renewal_window_opens are states: never overdue)',
  })
  overdue!: boolean;
  @ApiProperty({ description: 'days from today to dueOn; negative when overdue' }) daysLeft!: number;
  @ApiProperty({ enum: ['remind', 'fire'] }) action!: 'remind' | 'fire';
  @ApiProperty({ example: '集体合同规定 art. 42' }) rule!: string;
  @ApiProperty({ example: '集体合同规定第四十二条', description: 'the same rule as Chinese cites it' })
  ruleZh!: string;
  @ApiProperty({
    enum: ['calendar', 'workday'],
    description:
      'how the limit is counted: calendar days (日) or working days (工作日) of the official calendar',
  })
  unit!: 'calendar' | 'workday';
  @ApiProperty({
    description:
      'the working-day calendar lacks a year this date needed: counted in calendar days and not moved off a rest day',
  })
  calendarMissing!: boolean;
}

export class EventFieldResponse {
  @ApiProperty() name!: string;
  @ApiProperty({ enum: FIELD_TYPES, example: 'date' }) type!: FieldType;
  @ApiProperty() required!: boolean;
  @ApiProperty({ required: false, type: [String] }) values?: readonly string[];
}

export class AvailableEventResponse {
  @ApiProperty({ example: 'OFFER_SENT' }) type!: string;
  @ApiProperty({ type: [EventFieldResponse] }) fields!: EventFieldResponse[];
}

export class AgreementResponse {
  @ApiProperty() id!: number;
  @ApiProperty({ format: 'date' }) signedOn!: string;
  @ApiProperty({ format: 'date', nullable: true, type: String }) effectiveOn!: string | null;
  @ApiProperty({ format: 'date', description: 'first day it no longer applies' }) expiresOn!: string;
  @ApiProperty({ format: 'date', nullable: true, type: String }) terminatedOn!: string | null;
  @ApiProperty() termMonths!: number;
  @ApiProperty() coveredEmployees!: number;
  @ApiProperty({ nullable: true, type: Number }) wageIncreasePct!: number | null;
  @ApiProperty({ nullable: true, type: Number }) minimumWage!: number | null;
}

export class CoveredEnterpriseResponse {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
}

export class NegotiationResponse {
  @ApiProperty() id!: number;
  @ApiProperty({ description: 'send it back as expectedVersion with the next event' }) version!: number;
  @ApiProperty({ enum: STAGES }) stage!: Stage;
  @ApiProperty({ example: 'consultation.suspended', description: 'full state path' }) state!: string;
  @ApiProperty({ enum: AGREEMENT_KINDS }) agreementKind!: AgreementKind;
  @ApiProperty({ enum: SCOPES }) scope!: Scope;
  @ApiProperty({ type: [Number] }) enterpriseIds!: number[];
  @ApiProperty({ type: [CoveredEnterpriseResponse], description: 'the covered enterprises, by id' })
  enterprises!: CoveredEnterpriseResponse[];
  @ApiProperty({ nullable: true, type: String }) title!: string | null;
  @ApiProperty({ nullable: true, type: Number }) renews!: number | null;
  @ApiProperty() historical!: boolean;
  @ApiProperty() ruleSetVersion!: string;
  @ApiProperty({ format: 'date' }) createdOn!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'what the workflow knows: offer, representatives, votes…',
  })
  context!: object;
  @ApiProperty({ type: [DeadlineResponse] }) deadlines!: DeadlineResponse[];
  @ApiProperty({ type: [AvailableEventResponse] }) availableEvents!: AvailableEventResponse[];
  @ApiProperty({ type: AgreementResponse, required: false }) agreement?: AgreementResponse;
}

export class NegotiationPage {
  @ApiProperty({ type: [NegotiationResponse] }) items!: NegotiationResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class NegotiationEventResponse {
  @ApiProperty() seq!: number;
  @ApiProperty() type!: string;
  @ApiProperty({ format: 'date' }) occurredOn!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'user id; null for the system' }) actor!:
    number | null;
  @ApiProperty({ nullable: true, type: String, description: "the user's display name; null for the system" })
  actorName!: string | null;
  @ApiProperty({ enum: STAGES }) fromStage!: Stage;
  @ApiProperty({ enum: STAGES }) toStage!: Stage;
  @ApiProperty({ type: 'object', additionalProperties: true }) payload!: Record<string, unknown>;
}
