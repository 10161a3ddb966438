import { ApiProperty } from '@nestjs/swagger';
import {
  AUDIT_ENTITY_TYPES,
  type AuditChanges,
  type AuditEntityType,
  type AuditEntry,
} from '../audit-entry.entity';

export class AuditEntryResponse {
  @ApiProperty() id!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'null for the system or an unknown user' })
  actorId!: number | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '王丽',
    description: 'display name of the actor; null for the system',
  })
  actorName!: string | null;
  @ApiProperty({ example: 'enterprise.update' }) action!: string;
  @ApiProperty({ enum: AUDIT_ENTITY_TYPES }) entityType!: AuditEntityType;
  @ApiProperty() entityId!: string;
  @ApiProperty({
    required: false,
    description: '{field: {from, to}}',
    type: Object,
    additionalProperties: { type: 'object', properties: { from: {}, to: {} } },
  })
  changes?: AuditChanges;
  @ApiProperty({ nullable: true, type: String, description: 'client address; null for instructors' })
  ip!: string | null;

  static from(entry: AuditEntry, actorName: string | null, withIp: boolean): AuditEntryResponse {
    return {
      id: entry.id,
      at: entry.at.toISOString(),
      actorId: entry.actorId,
      actorName,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      ...(entry.changes ? { changes: entry.changes } : {}),
      ip: withIp ? entry.ip : null,
    };
  }
}

export class AuditPage {
  @ApiProperty({ type: [AuditEntryResponse] }) items!: AuditEntryResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
