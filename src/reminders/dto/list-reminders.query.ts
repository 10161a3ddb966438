import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Min } from 'class-validator';
import { PageQuery } from '../../common/http/page';
import { REMINDER_STATUSES, type ReminderStatus } from '../reminder.entity';

export class ListRemindersQuery extends PageQuery {
  @ApiProperty({ required: false, enum: REMINDER_STATUSES })
  @IsOptional()
  @IsIn(REMINDER_STATUSES, { message: `status must be one of ${REMINDER_STATUSES.join(', ')}` })
  status?: ReminderStatus;

  @ApiProperty({ required: false })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'recipientId must be a whole number' })
  @Min(1, { message: 'recipientId must be 1 or more' })
  recipientId?: number;
}
