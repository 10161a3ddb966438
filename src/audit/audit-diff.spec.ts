import { auditCreated, auditDiff } from './audit-diff';

describe(auditDiff.name, () => {
  const fields = ['name', 'count', 'closedOn'] as const;
  const base = { name: '金山', count: 1, closedOn: null as string | null, passwordHash: 'h1' };

  it.each([
    ['nothing changed', {}, {}],
    ['one field', { count: 2 }, { count: { from: 1, to: 2 } }],
    ['a field set from null', { closedOn: '2026-01-01' }, { closedOn: { from: null, to: '2026-01-01' } }],
    ['an unlisted secret', { passwordHash: 'h2' }, {}],
    [
      'several',
      { name: '万安', count: 3 },
      { name: { from: '金山', to: '万安' }, count: { from: 1, to: 3 } },
    ],
  ])('reports %s', (_case, change, expected) => {
    const sut = auditDiff(base, { ...base, ...change }, fields);
    expect(sut).toEqual(expected);
  });

  it('treats undefined and null alike', () => {
    expect(auditDiff({ closedOn: undefined }, { closedOn: null }, ['closedOn'])).toEqual({});
  });
});

describe(auditCreated.name, () => {
  it('lists every named field from null and nothing else', () => {
    expect(auditCreated({ a: 1, b: undefined, secret: 's' }, ['a', 'b'])).toEqual({
      a: { from: null, to: 1 },
      b: { from: null, to: null },
    });
  });
});
