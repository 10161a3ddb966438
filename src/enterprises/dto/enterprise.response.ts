import { ApiProperty } from '@nestjs/swagger';
import { OWNERSHIP_TYPES, type OwnershipType, SECTORS, type Sector, sectorOf } from '../domain/ownership';
import type { Enterprise } from '../enterprise.entity';

export class EnterpriseResponse {
  @ApiProperty() id!: number;
  @ApiProperty({ example: '金八角水泥有限公司' }) name!: string;
  @ApiProperty({ example: '91350100M000100Y43' }) creditCode!: string;
  @ApiProperty({ enum: OWNERSHIP_TYPES }) ownershipType!: OwnershipType;
  @ApiProperty({ enum: SECTORS, description: 'derived from ownershipType' }) sector!: Sector;
  @ApiProperty({ example: '金山镇', description: 'the name of the township unit orgUnitId' })
  township!: string;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'the township unit the enterprise belongs to (null only for a record not yet migrated)',
  })
  orgUnitId!: number | null;
  @ApiProperty({ nullable: true, type: String }) community!: string | null;
  @ApiProperty({ example: 'C' }) industry!: string;
  @ApiProperty() employeeCount!: number;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) unionFoundedOn!: string | null;
  @ApiProperty({ nullable: true, type: Number }) instructorId!: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) registeredOn!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) closedOn!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: '会员人数; null = not known' })
  memberCount!: number | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date',
    description: '职代会建立日期: the workers’ congress established on; null = none yet',
  })
  workersCongressOn!: string | null;
  @ApiProperty({ description: '1 when created, +1 on every change; send it back as expectedVersion' })
  version!: number;

  static from(enterprise: Enterprise): EnterpriseResponse {
    return {
      id: enterprise.id,
      name: enterprise.name,
      creditCode: enterprise.creditCode,
      ownershipType: enterprise.ownershipType,
      sector: sectorOf(enterprise.ownershipType),
      township: enterprise.township,
      orgUnitId: enterprise.orgUnitId,
      community: enterprise.community,
      industry: enterprise.industry,
      employeeCount: enterprise.employeeCount,
      unionFoundedOn: enterprise.unionFoundedOn,
      instructorId: enterprise.instructorId,
      registeredOn: enterprise.registeredOn,
      closedOn: enterprise.closedOn,
      memberCount: enterprise.memberCount,
      workersCongressOn: enterprise.workersCongressOn,
      version: enterprise.version,
    };
  }
}

export class EnterprisePage {
  @ApiProperty({ type: [EnterpriseResponse] }) items!: EnterpriseResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class TownshipResponse {
  @ApiProperty({ example: '金山镇' }) township!: string;
  @ApiProperty({ description: 'enterprises in it the caller may see' }) enterprises!: number;
}

export class TownshipPage {
  @ApiProperty({ type: [TownshipResponse] }) items!: TownshipResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
