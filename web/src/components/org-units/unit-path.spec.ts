import { describe, expect, it } from 'vitest';
import type { OrgUnitRef } from '../../api/org-units';
import { childLevel, governedPath, targetSourceLabel, toFraction, toPercent } from './unit-path';

const path: OrgUnitRef[] = [
  { id: 1, code: '360000000000', name: '江西省', level: 'province' },
  { id: 2, code: '360700000000', name: '江川市', level: 'city' },
  { id: 5, code: '360731000000', name: '云岭县', level: 'county' },
  { id: 9, code: '360731100000', name: '金山镇', level: 'township' },
];

describe('childLevel', () => {
  it('goes one level down, and no further than a township', () => {
    expect(childLevel('province')).toBe('city');
    expect(childLevel('city')).toBe('county');
    expect(childLevel('county')).toBe('township');
    expect(childLevel('township')).toBeNull();
  });
});

describe('governedPath', () => {
  it('starts at the user’s own unit: the units above it do not exist for them', () => {
    expect(governedPath(path, 2).map((step) => step.name)).toEqual(['江川市', '云岭县', '金山镇']);
    expect(governedPath(path, 9).map((step) => step.name)).toEqual(['金山镇']);
  });

  it('is the whole path for a user without a unit', () => {
    expect(governedPath(path, null)).toEqual(path);
  });

  it('is the unit alone when the user’s unit is not on its path', () => {
    expect(governedPath(path, 42)).toEqual([path[3]]);
  });
});

describe('targetSourceLabel', () => {
  it('names the unit a target comes from, or the default, and nothing when the API says nothing', () => {
    expect(targetSourceLabel({ id: 2, name: '江川市' }, '默认')).toBe('江川市');
    expect(targetSourceLabel(null, '默认')).toBe('默认');
    expect(targetSourceLabel(undefined, '默认')).toBe('');
  });
});

describe('percent and fraction', () => {
  it('shows the API’s fractions as percent and sends typed percent as fractions', () => {
    expect(toPercent(0.9)).toBe(90);
    expect(toPercent(0.855)).toBe(85.5);
    expect(toPercent(1)).toBe(100);
    expect(toFraction(90)).toBe(0.9);
    expect(toFraction(85.5)).toBe(0.855);
    expect(toFraction(0)).toBe(0);
  });

  it('keeps an empty value empty: an emptied input inherits the target again', () => {
    expect(toPercent(undefined)).toBeNull();
    expect(toPercent(null)).toBeNull();
    expect(toFraction(null)).toBeNull();
    expect(toFraction(undefined)).toBeNull();
  });
});
