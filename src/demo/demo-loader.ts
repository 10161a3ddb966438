import { Injectable, Logger } from '@nestjs/common';
import { SYSTEM_ACTOR } from '../access/actor';
import { Clock } from '../common/clock/clock';
import { PlannerStatistics } from '../database/planner-statistics';
import { EnterprisesService } from '../enterprises/enterprises.service';
import { NegotiationsService } from '../negotiations/negotiations.service';
import { UsersRepository } from '../users/users.repository';
import { UsersService } from '../users/users.service';
import { demoCounty } from './demo-county';

export const DEMO_PASSWORDS = {
  supervisor: 'demo-supervisor-2026',
  instructor: 'demo-instructor-2026',
};

export interface DemoLoadResult {
  loaded: boolean;
  enterprises: number;
  negotiations: number;
}

/**
 * Loads the demo county through the same services the API uses (so everything is audited
 * and every negotiation went through the workflow). Idempotent: a database that already
 * has the demo supervisor is left as it is.
 */
@Injectable()
export class DemoLoader {
  private readonly logger = new Logger(DemoLoader.name);

  constructor(
    private readonly users: UsersService,
    private readonly usersRepository: UsersRepository,
    private readonly enterprises: EnterprisesService,
    private readonly negotiations: NegotiationsService,
    private readonly clock: Clock,
    private readonly statistics: PlannerStatistics,
  ) {}

  async load(): Promise<DemoLoadResult> {
    const county = demoCounty(this.clock.today());
    if (await this.usersRepository.findByUsername(county.supervisor.username)) {
      return { loaded: false, enterprises: 0, negotiations: 0 };
    }
    const actor = SYSTEM_ACTOR;
    await this.users.create(
      { ...county.supervisor, role: 'supervisor', password: DEMO_PASSWORDS.supervisor },
      actor,
    );
    const instructorIds: number[] = [];
    for (const instructor of county.instructors) {
      const user = await this.users.create(
        { ...instructor, role: 'instructor', password: DEMO_PASSWORDS.instructor },
        actor,
      );
      instructorIds.push(user.id);
    }

    const ids = new Map<number, number>();
    for (const e of county.enterprises) {
      const { key, instructor, ...fields } = e;
      const created = await this.enterprises.create(
        { ...fields, instructorId: instructorIds[instructor] },
        actor,
      );
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
    await this.statistics.refresh('bulk write');
    this.logger.log(`demo county loaded: ${ids.size} enterprises, ${negotiations} negotiations`);
    return { loaded: true, enterprises: ids.size, negotiations };
  }
}
