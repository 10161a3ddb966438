import { createHash } from 'node:crypto';
import { demoCounty } from './demo-county';

describe('demoCounty', () => {
  const county = demoCounty('2026-06-15');

  it('names every enterprise differently, so a picker or a list never shows two alike', () => {
    const names = county.enterprises.map((e) => e.name);
    const repeated = names.filter((name, index) => names.indexOf(name) !== index);
    expect(repeated).toEqual([]);
  });

  it('draws the rest of the county as before: everything but the names (and titles made of them)', () => {
    const withoutNames = {
      ...county,
      enterprises: county.enterprises.map(({ name: _name, ...rest }) => rest),
      historical: county.historical.map(({ title: _title, ...rest }) => rest),
      rounds: county.rounds.map(({ title: _title, ...rest }) => rest),
    };
    const fingerprint = createHash('sha256').update(JSON.stringify(withoutNames)).digest('hex');
    expect(fingerprint).toBe('2042e731c5a8b8a2ae5d0e40bb1035c07aab5b375765793c9ee765b900c9caf2');
  });
});
