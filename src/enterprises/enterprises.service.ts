import { Injectable } from '@nestjs/common';
import { Page } from '../common/http/page';
import { definedFields } from '../common/validation/defined-fields';
import { isUniqueViolation } from '../database/database-errors';
import { CreateEnterpriseDto } from './dto/create-enterprise.dto';
import { EnterpriseResponse } from './dto/enterprise.response';
import { ListEnterprisesQuery } from './dto/list-enterprises.query';
import { UpdateEnterpriseDto } from './dto/update-enterprise.dto';
import { Enterprise } from './enterprise.entity';
import {
  ClosedBeforeRegisteredError,
  DuplicateCreditCodeError,
  EnterpriseNotFoundError,
} from './enterprises.errors';
import { EnterprisesRepository } from './enterprises.repository';

@Injectable()
export class EnterprisesService {
  constructor(private readonly enterprises: EnterprisesRepository) {}

  async create(dto: CreateEnterpriseDto): Promise<EnterpriseResponse> {
    const enterprise = this.enterprises.create({
      community: null,
      unionFoundedOn: null,
      instructorId: null,
      registeredOn: null,
      closedOn: null,
      ...definedFields(dto),
    });
    assertDatesInOrder(enterprise);
    return EnterpriseResponse.from(await this.saveUnique(enterprise));
  }

  async get(id: number): Promise<EnterpriseResponse> {
    return EnterpriseResponse.from(await this.load(id));
  }

  async update(id: number, dto: UpdateEnterpriseDto): Promise<EnterpriseResponse> {
    const enterprise = await this.load(id);
    Object.assign(enterprise, definedFields(dto));
    assertDatesInOrder(enterprise);
    return EnterpriseResponse.from(await this.saveUnique(enterprise));
  }

  async list(query: ListEnterprisesQuery): Promise<Page<EnterpriseResponse>> {
    const { page, pageSize, ...filter } = query;
    const [rows, total] = await this.enterprises.findPage(filter, page, pageSize);
    return { items: rows.map((row) => EnterpriseResponse.from(row)), total, page, pageSize };
  }

  private async load(id: number): Promise<Enterprise> {
    const enterprise = await this.enterprises.findById(id);
    if (!enterprise) throw new EnterpriseNotFoundError(id);
    return enterprise;
  }

  private async saveUnique(enterprise: Enterprise): Promise<Enterprise> {
    try {
      return await this.enterprises.save(enterprise);
    } catch (error) {
      if (isUniqueViolation(error)) throw new DuplicateCreditCodeError(enterprise.creditCode);
      throw error;
    }
  }
}

function assertDatesInOrder(enterprise: Enterprise): void {
  const { registeredOn, closedOn } = enterprise;
  // YYYY-MM-DD strings compare in date order.
  if (registeredOn && closedOn && closedOn < registeredOn) {
    throw new ClosedBeforeRegisteredError(registeredOn, closedOn);
  }
}
