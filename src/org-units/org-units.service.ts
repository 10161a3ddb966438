import { Injectable } from '@nestjs/common';
import type { Actor } from '../access/actor';
import { governsUnit } from '../access/scope';
import { OrgUnitNotFoundError } from './org-units.errors';
import { OrgUnitsRepository } from './org-units.repository';
import { OrgUnit } from './org-unit.entity';
import {
  effectiveTargets,
  type EffectiveTargets,
  type SectorTargets,
  type TargetedUnit,
} from './domain/unit-targets';

/** The hierarchy as the other features need it: who governs what, and the targets of a unit. */
@Injectable()
export class OrgUnitsService {
  /** Governed unit ids per unit, with when they were read (units are added rarely; see governedUnitIds). */
  private readonly governed = new Map<number, { ids: readonly number[] | null; readAt: number }>();

  constructor(private readonly units: OrgUnitsRepository) {}

  /**
   * The ids of the units a user of `unitId` governs: the unit and everything below it; null
   * for the whole deployment (no unit, or the only root). Read at most `maxAgeMs` ago.
   */
  async governedUnitIds(unitId: number | null, maxAgeMs = 0): Promise<readonly number[] | null> {
    if (unitId === null) return null;
    const now = Date.now();
    const known = this.governed.get(unitId);
    if (known && now - known.readAt < maxAgeMs) return known.ids;
    const unit = await this.units.findById(unitId);
    const ids = unit ? await this.governedBy(unit) : [];
    if (maxAgeMs > 0) this.governed.set(unitId, { ids, readAt: now });
    return ids;
  }

  /** `governedUnitIds` of a unit already read (read now). */
  async governedBy(unit: Pick<OrgUnit, 'parentId' | 'path'>): Promise<readonly number[] | null> {
    return unit.parentId === null && (await this.units.countRoots()) === 1
      ? null
      : this.units.subtreeIds(unit);
  }

  /** A unit the actor governs; 404 whether it does not exist or lies outside their units. */
  async governedUnit(id: number, actor: Pick<Actor, 'governedUnitIds'>): Promise<OrgUnit> {
    const unit = governsUnit(actor, id) ? await this.units.findById(id) : null;
    if (!unit) throw new OrgUnitNotFoundError(id);
    return unit;
  }

  /** The codes of these units (nulls and repeats allowed), by id: for the exports' 区划代码. */
  async codesOf(ids: readonly (number | null)[]): Promise<Map<number, string>> {
    const distinct = [...new Set(ids.filter((id): id is number => id !== null))];
    return new Map((await this.units.findByIds(distinct)).map((unit) => [unit.id, unit.code]));
  }

  /** Forgets what governedUnitIds read (after units were added). */
  forget(): void {
    this.governed.clear();
  }

  /** The effective targets of a unit: its own, else its nearest ancestor's, else `defaults`. */
  async targetsOf(unit: OrgUnit, defaults: SectorTargets): Promise<EffectiveTargets> {
    return effectiveTargets((await this.units.chain(unit)).map(targetedUnit), defaults);
  }
}

export function ownTargets(unit: OrgUnit): SectorTargets {
  const own: SectorTargets = {};
  if (unit.targetState !== null) own.state = unit.targetState;
  if (unit.targetNonPublic !== null) own.non_public = unit.targetNonPublic;
  if (unit.targetCollective !== null) own.collective = unit.targetCollective;
  if (unit.targetOther !== null) own.other = unit.targetOther;
  return own;
}

export function targetedUnit(unit: OrgUnit): TargetedUnit {
  return { id: unit.id, name: unit.name, own: ownTargets(unit) };
}
