import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DIGEST_KINDS, type DigestKind } from '../digest/digest-items';

export class AgendaEnterpriseResponse {
  @ApiProperty() id!: number;
  @ApiProperty({ example: '万安镇兴旺水泥有限公司' }) name!: string;
  @ApiProperty({ example: '91360828MA35F0XK2Q' }) creditCode!: string;
  @ApiProperty({ example: '万安镇' }) township!: string;
}

export class AgendaItemResponse {
  @ApiProperty({ enum: DIGEST_KINDS }) kind!: DigestKind;
  @ApiProperty({ nullable: true, type: Number }) negotiationId!: number | null;
  @ApiProperty({ description: 'the enterprise, or the first ones of a regional/industry negotiation' })
  enterprise!: string;
  @ApiProperty({
    type: [AgendaEnterpriseResponse],
    description:
      "the instructor's enterprises the item concerns, each with its credit code and township (names may repeat)",
  })
  enterprises!: AgendaEnterpriseResponse[];
  @ApiProperty({ format: 'date', nullable: true, type: String }) dueOn!: string | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description:
      'days from today to dueOn; negative once passed (overdue says whether that is late: not for stalled or renewal_window_opens); null for an uncovered enterprise',
  })
  daysLeft!: number | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ example: '集体合同规定 art. 32' }) rule!: string;
  @ApiProperty({ example: '集体合同规定第三十二条', description: 'the same rule as Chinese cites it' })
  ruleZh!: string;
  @ApiPropertyOptional({
    example: '2027年春季集中要约行动',
    description: 'the offer campaign (集中要约行动) that opened the negotiation; absent when none did',
  })
  campaign?: string;
  @ApiPropertyOptional({
    description:
      'true when the working-day calendar lacks the year of dueOn: counted in calendar days, not moved off a rest day; absent otherwise',
  })
  calendarMissing?: boolean;
}

export class AgendaResponse {
  @ApiProperty({ format: 'date', description: 'the business day the items are counted from' }) today!: string;
  @ApiProperty({ type: [AgendaItemResponse] }) items!: AgendaItemResponse[];
}
