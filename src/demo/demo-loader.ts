import { Injectable, Logger } from '@nestjs/common';
import { SYSTEM_ACTOR } from '../access/actor';
import type { Role } from '../access/roles';
import { Clock } from '../common/clock/clock';
import { PlannerStatistics } from '../database/planner-statistics';
import { EnterprisesService } from '../enterprises/enterprises.service';
import { NegotiationsService } from '../negotiations/negotiations.service';
import type { OrgUnitLevel } from '../org-units/domain/org-unit-code';
import { OrgUnitsRepository } from '../org-units/org-units.repository';
import { OrgUnitsRegistryService } from '../org-units/org-units-registry.service';
import { UsersRepository } from '../users/users.repository';
import { UsersService } from '../users/users.service';
import { type DemoCityCounty, type DemoPerson, demoCity } from './demo-city';

export const DEMO_PASSWORDS: Readonly<Record<Role, string>> = {
  admin: 'demo-admin-2026',
  supervisor: 'demo-supervisor-2026',
  instructor: 'demo-instructor-2026',
};

/** A unit as the loader needs it. */
type DemoUnit = { id: number };

export interface DemoLoadResult {
  loaded: boolean;
  counties: number;
  enterprises: number;
  negotiations: number;
}

/**
 * Loads the demo city federation (src/demo/demo-city.ts) through the same services the API uses,
 * so everything is audited and every negotiation went through the workflow. Idempotent: a
 * database that already has the seed county's supervisor is left as it is.
 *
 * The city is the deployment's root when the app was started with ROOT_UNIT_CODE=990100 (as
 * `npm run demo` does); in a database with another root it is added as a root of its own.
 */
@Injectable()
export class DemoLoader {
  private readonly logger = new Logger(DemoLoader.name);

  constructor(
    private readonly units: OrgUnitsRepository,
    private readonly registry: OrgUnitsRegistryService,
    private readonly users: UsersService,
    private readonly usersRepository: UsersRepository,
    private readonly enterprises: EnterprisesService,
    private readonly negotiations: NegotiationsService,
    private readonly clock: Clock,
    private readonly statistics: PlannerStatistics,
  ) {}

  async load(): Promise<DemoLoadResult> {
    const city = demoCity(this.clock.today());
    const seedSupervisor = city.counties[0].county.supervisor;
    if (await this.usersRepository.findByUsername(seedSupervisor.username)) {
      return { loaded: false, counties: 0, enterprises: 0, negotiations: 0 };
    }
    const cityUnit = await this.unit(city, 'city', null);
    await this.user(city.supervisor, 'supervisor', cityUnit);
    let enterprises = 0;
    let negotiations = 0;
    for (const county of city.counties) {
      const loaded = await this.loadCounty(county, cityUnit);
      enterprises += loaded.enterprises;
      negotiations += loaded.negotiations;
    }
    await this.statistics.refresh('bulk write');
    this.logger.log(
      `demo city ${city.name} loaded: ${city.counties.length} counties, ${enterprises} enterprises, ${negotiations} negotiations`,
    );
    return { loaded: true, counties: city.counties.length, enterprises, negotiations };
  }

  private async loadCounty(
    { code, name, townshipCodes, admin, county }: DemoCityCounty,
    city: DemoUnit,
  ): Promise<{ enterprises: number; negotiations: number }> {
    const countyUnit = await this.unit({ code, name }, 'county', city);
    const townships = new Map<string, DemoUnit>();
    for (const [township, townshipCode] of Object.entries(townshipCodes)) {
      townships.set(
        township,
        await this.unit({ code: townshipCode, name: township }, 'township', countyUnit),
      );
    }
    await this.user(admin, 'admin', countyUnit);
    await this.user(county.supervisor, 'supervisor', countyUnit);
    const instructorIds: number[] = [];
    for (const instructor of county.instructors) {
      instructorIds.push((await this.user(instructor, 'instructor', countyUnit)).id);
    }

    const actor = SYSTEM_ACTOR;
    const ids = new Map<number, number>();
    for (const e of county.enterprises) {
      const { key, instructor, memberHistory, memberCount: _now, ...fields } = e;
      // The member counts as the office recorded them over the past months (demo-members.ts),
      // each on its day: what the work summary's members added are counted from.
      const [first, ...later] = memberHistory;
      const created = await this.enterprises.create(
        {
          ...fields,
          memberCount: first?.memberCount ?? null,
          orgUnitId: townships.get(e.township)!.id,
          instructorId: instructorIds[instructor],
        },
        actor,
        { recordedOn: first?.recordedOn },
      );
      for (const { memberCount, recordedOn } of later) {
        await this.enterprises.update(created.id, { memberCount }, actor, undefined, { recordedOn });
      }
      ids.set(key, created.id);
    }
    const enterpriseIds = (keys: number[]) => keys.map((key) => ids.get(key)!);

    let negotiations = 0;
    for (const h of county.historical) {
      await this.negotiations.createHistorical({ ...h, enterpriseIds: enterpriseIds(h.enterprises) }, actor);
      negotiations += 1;
    }
    for (const round of county.rounds) {
      let negotiation = await this.negotiations.create(
        {
          agreementKind: round.agreementKind,
          scope: round.scope,
          title: round.title,
          enterpriseIds: enterpriseIds(round.enterprises),
        },
        actor,
      );
      for (const event of round.events) {
        negotiation = await this.negotiations.recordEvent(
          negotiation.id,
          { ...event, expectedVersion: negotiation.version },
          actor,
        );
      }
      negotiations += 1;
    }
    return { enterprises: ids.size, negotiations };
  }

  /** The unit of that code, added under `parent` as an admin adds one when it is missing (the city: a root). */
  private async unit(
    { code, name }: { code: string; name: string },
    level: OrgUnitLevel,
    parent: DemoUnit | null,
  ): Promise<DemoUnit> {
    const existing = await this.units.findByCode(code);
    if (existing) return existing;
    return this.registry.create({ code, name, level, parentId: parent?.id }, SYSTEM_ACTOR);
  }

  private user(person: DemoPerson, role: Role, unit: DemoUnit) {
    return this.users.create(
      { ...person, role, password: DEMO_PASSWORDS[role], orgUnitId: unit.id },
      SYSTEM_ACTOR,
    );
  }
}
