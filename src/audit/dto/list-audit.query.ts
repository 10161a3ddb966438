import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Min } from 'class-validator';
import { PageQuery } from '../../common/http/page';
import { IsBusinessDate } from '../../common/validation/decorators';
import { AUDIT_ENTITY_TYPES, type AuditEntityType } from '../audit-entry.entity';

export class ListAuditQuery extends PageQuery {
  @ApiProperty({ required: false, enum: AUDIT_ENTITY_TYPES })
  @IsOptional()
  @IsIn(AUDIT_ENTITY_TYPES, { message: `entityType must be one of ${AUDIT_ENTITY_TYPES.join(', ')}` })
  entityType?: AuditEntityType;

  @ApiProperty({ required: false, description: 'id of the entity (for auth: the username)' })
  @IsOptional()
  @IsString()
  @Length(1, 64, { message: 'entityId must be 1 to 64 characters' })
  entityId?: string;

  @ApiProperty({ required: false })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'actorId must be a whole number' })
  @Min(1, { message: 'actorId must be 1 or more' })
  actorId?: number;

  @ApiProperty({ required: false, example: 'enterprise.update' })
  @IsOptional()
  @IsString()
  @Length(1, 64, { message: 'action must be 1 to 64 characters' })
  action?: string;

  @ApiProperty({ required: false, format: 'date', description: 'first business day included' })
  @IsOptional()
  @IsBusinessDate()
  from?: string;

  @ApiProperty({ required: false, format: 'date', description: 'last business day included' })
  @IsOptional()
  @IsBusinessDate()
  to?: string;
}
