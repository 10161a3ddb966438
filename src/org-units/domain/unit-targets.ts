/**
 * Signing-rate targets along the hierarchy (docs/domain.md, Federation hierarchy): a unit's
 * own targets, where set, else its nearest ancestor's, else the deployment's defaults
 * (REPORT_TARGETS; state-owned 100 %, non-public 90 %). Pure: no framework, no I/O.
 */
import type { Sector } from '@wagetrack/shared';

export type SectorTargets = Partial<Record<Sector, number>>;

/**
 * The deployment's default targets when REPORT_TARGETS is unset: the seed county's (docs/domain.md,
 * the county's figures and Signing rate: `state` 100 %, `non_public` 90 %; none for the others).
 */
export const DEFAULT_TARGETS: Readonly<SectorTargets> = Object.freeze({ state: 1.0, non_public: 0.9 });

export interface TargetedUnit {
  id: number;
  name: string;
  /** Targets the unit sets itself; a sector it leaves out is inherited. */
  own: SectorTargets;
}

export interface EffectiveTargets {
  targets: SectorTargets;
  /**
   * The nearest ancestor whose own targets the unit inherits (for any sector); null when the unit
   * sets every target it has itself or all come from the defaults.
   */
  inheritedFrom: { id: number; name: string } | null;
  /** Per sector, the unit that set the target; null = the deployment's default. */
  sources: Partial<Record<Sector, { id: number; name: string } | null>>;
}

/** `chain`: the unit's path, root first, the unit itself last. */
export function effectiveTargets(chain: readonly TargetedUnit[], defaults: SectorTargets): EffectiveTargets {
  const targets: SectorTargets = { ...defaults };
  const sources: EffectiveTargets['sources'] = {};
  for (const sector of Object.keys(defaults) as Sector[]) sources[sector] = null;
  for (const unit of chain) {
    for (const [sector, value] of Object.entries(unit.own) as [Sector, number | undefined][]) {
      if (value === undefined) continue;
      targets[sector] = value;
      sources[sector] = { id: unit.id, name: unit.name };
    }
  }
  const self = chain.at(-1);
  let inheritedFrom: EffectiveTargets['inheritedFrom'] = null;
  for (const source of Object.values(sources)) {
    if (source && source.id !== self?.id) {
      const index = chain.findIndex((unit) => unit.id === source.id);
      const current = inheritedFrom ? chain.findIndex((unit) => unit.id === inheritedFrom!.id) : -1;
      if (index > current) inheritedFrom = source;
    }
  }
  return { targets, inheritedFrom, sources };
}
