import { coverageProblems, type CoveredFacts } from './coverage-checks';

describe(coverageProblems.name, () => {
  const cement: CoveredFacts = { name: '金八角水泥有限公司', employeeCount: 477, registeredOn: '2003-05-12' };
  const paper: CoveredFacts = { name: '金山纸厂', employeeCount: 23, registeredOn: null };

  it('accepts an event on the registration day and a headcount up to the roster’s', () => {
    const sut = coverageProblems({ date: '2003-05-12', dateField: 'occurredOn', coveredEmployees: 500 }, [
      cement,
      paper,
    ]);
    expect(sut).toEqual([]);
  });

  it('refuses an event dated before an enterprise was registered, naming the enterprise and the field sent', () => {
    expect(coverageProblems({ date: '1990-03-01', dateField: 'signedOn' }, [paper, cement])).toEqual([
      {
        field: 'signedOn',
        message: 'signedOn 1990-03-01 is before 金八角水泥有限公司 was registered (2003-05-12)',
        messageZh: '签订日期 1990-03-01 不能早于金八角水泥有限公司的成立日期 2003-05-12',
      },
    ]);
  });

  it('refuses more covered employees than the covered enterprises have', () => {
    const [problem] = coverageProblems(
      { date: '2026-01-06', dateField: 'occurredOn', coveredEmployees: 99999 },
      [cement, paper],
    );
    expect(problem).toEqual({
      field: 'coveredEmployees',
      message: expect.stringContaining('coveredEmployees 99999 is more than the 500 employees'),
      messageZh: '覆盖职工数 99999 超过所涉企业在册职工总数 500：请核对，或先更新企业的职工人数',
    });
  });

  it('does not judge a headcount the roster does not know, nor a malformed date (other checks answer those)', () => {
    const unknownHeadcount = { ...paper, employeeCount: 0 };
    expect(
      // 477 known, one firm of unknown size: 600 may well be right.
      coverageProblems({ date: 'yesterday', dateField: 'occurredOn', coveredEmployees: 600 }, [
        cement,
        unknownHeadcount,
      ]),
    ).toEqual([]);
  });
});
