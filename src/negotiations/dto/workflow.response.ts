import { ApiProperty } from '@nestjs/swagger';
import { EVENT_TYPES, FIELD_TYPES, type EventType, type FieldType } from '@wagetrack/shared';

/** The shape of `GET /api/v1/workflow` (describeWorkflow), for the OpenAPI document. */

export class LimitCountingResponse {
  @ApiProperty({ enum: ['calendar', 'workday'], description: 'calendar days (日) or working days (工作日)' })
  unit!: 'calendar' | 'workday';
  @ApiProperty({ description: '民法典 art. 203: a last day on a rest day moves to the next working day' })
  movesOffRestDay!: boolean;
}

export class RuleSetCountingResponse {
  @ApiProperty({ type: LimitCountingResponse }) offer_reply!: LimitCountingResponse;
  @ApiProperty({ type: LimitCountingResponse }) submission_for_review!: LimitCountingResponse;
  @ApiProperty({ type: LimitCountingResponse }) review_period_end!: LimitCountingResponse;
  @ApiProperty({ type: LimitCountingResponse }) publication!: LimitCountingResponse;
}

export class RuleSetResponse {
  @ApiProperty({ example: 'national-2004.1' }) version!: string;
  @ApiProperty() offerReplyDays!: number;
  @ApiProperty() filingDays!: number;
  @ApiProperty() wageFilingDays!: number;
  @ApiProperty() reviewDays!: number;
  @ApiProperty() minRepresentativesPerSide!: number;
  @ApiProperty() maxExpertShare!: number;
  @ApiProperty() quorumShare!: number;
  @ApiProperty() majorityShare!: number;
  @ApiProperty() minTermMonths!: number;
  @ApiProperty() maxTermMonths!: number;
  @ApiProperty() defaultWageTermMonths!: number;
  @ApiProperty() renewalWindowMonths!: number;
  @ApiProperty() publicationDays!: number;
  @ApiProperty() maxSuspensionDays!: number;
  @ApiProperty() stalledAfterDays!: number;
  @ApiProperty() vacantSeatRefillDays!: number;
  @ApiProperty({ type: RuleSetCountingResponse, description: 'how each counted time limit is counted' })
  counting!: RuleSetCountingResponse;
}

export class WorkflowStateResponse {
  @ApiProperty({ example: 'consultation.active' }) path!: string;
  @ApiProperty({ example: 'active' }) key!: string;
  @ApiProperty() final!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'compound states: the substate entered first' })
  initial!: string | null;
  @ApiProperty({ type: () => [WorkflowStateResponse] }) substates!: WorkflowStateResponse[];
}

export class EventFieldSpecResponse {
  @ApiProperty() name!: string;
  @ApiProperty({ enum: FIELD_TYPES }) type!: FieldType;
  @ApiProperty() required!: boolean;
  @ApiProperty({ required: false, type: [String], description: 'enum: the accepted values' })
  values?: readonly string[];
  @ApiProperty({ required: false, description: 'integer/number: the smallest accepted' }) min?: number;
  @ApiProperty({ required: false, description: 'integer/number: the largest accepted' }) max?: number;
  @ApiProperty({ required: false, example: '集体合同规定 art. 32', description: 'why the field is needed' })
  rule?: string;
  @ApiProperty({
    required: false,
    description:
      'true: written by the workflow when the event is recorded (shown in the event log); a client never sends it (400)',
  })
  derived?: boolean;
}

export class EventSpecResponse {
  @ApiProperty({ enum: EVENT_TYPES }) type!: EventType;
  @ApiProperty({ description: 'sent only by the scheduler or an import, never by a user' })
  systemOnly!: boolean;
  @ApiProperty() description!: string;
  @ApiProperty({ type: [EventFieldSpecResponse] }) fields!: EventFieldSpecResponse[];
}

export class CheckInfoResponse {
  @ApiProperty({ example: 'quorumReached' }) name!: string;
  @ApiProperty({ example: '集体合同规定 art. 36' }) rule!: string;
  @ApiProperty({ example: '集体合同规定' }) law!: string;
  @ApiProperty({ example: '36' }) article!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: ['context', 'event'] }) reads!: 'context' | 'event';
}

export class GuardResponse {
  @ApiProperty() name!: string;
  @ApiProperty({ type: [CheckInfoResponse] }) checks!: CheckInfoResponse[];
}

export class TransitionResponse {
  @ApiProperty({ example: 'invitation' }) from!: string;
  @ApiProperty({ enum: EVENT_TYPES }) event!: EventType;
  @ApiProperty({ nullable: true, type: String, description: 'null: the state stays the same' })
  to!: string | null;
  @ApiProperty({ nullable: true, type: String }) guard!: string | null;
}

export class WorkflowResponse {
  @ApiProperty() machineId!: string;
  @ApiProperty() machineVersion!: number;
  @ApiProperty({ type: RuleSetResponse, description: 'the rule set new negotiations use' })
  ruleSet!: RuleSetResponse;
  @ApiProperty({ type: [WorkflowStateResponse] }) states!: WorkflowStateResponse[];
  @ApiProperty({ type: [EventSpecResponse] }) events!: EventSpecResponse[];
  @ApiProperty({ type: [GuardResponse] }) guards!: GuardResponse[];
  @ApiProperty({ type: [TransitionResponse] }) transitions!: TransitionResponse[];
}
