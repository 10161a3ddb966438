import {
  dateZh,
  percentZh,
  periodZh,
  placeWordsOf,
  rateInWords,
  type WorkSummaryCounts,
  workSummaryFigures,
  workSummaryText,
} from './work-summary';

const TARGETS = {
  unionisationNonPublic: 0.9,
  signingState: 1,
  signingNonPublic: 0.9,
  workersCongressNonPublic: 0.7,
};

function counts(overrides: Partial<WorkSummaryCounts> = {}): WorkSummaryCounts {
  return {
    unionsFounded: 54,
    unionsFoundedNonPublic: 48,
    membersAdded: 1929,
    unionisationNonPublic: { numerator: 91, denominator: 100 },
    signingState: { numerator: 12, denominator: 12 },
    signingNonPublic: { numerator: 455, denominator: 500 },
    workersCongressNonPublic: { numerator: 36, denominator: 50 },
    regional: { agreements: 3, enterprisesCovered: 41 },
    industry: { agreements: 2, enterprisesCovered: 17 },
    ...overrides,
  };
}

describe('rateInWords: a rate as offices write it', () => {
  it('writes a met target of 100 % as 达到了100%', () => {
    expect(rateInWords({ numerator: 12, denominator: 12 }, 1)).toBe('达到了100%');
  });

  it('writes a met target below 100 % as 达到了N%以上, also exactly at the target', () => {
    expect(rateInWords({ numerator: 9, denominator: 10 }, 0.9)).toBe('达到了90%以上');
    expect(rateInWords({ numerator: 99, denominator: 100 }, 0.9)).toBe('达到了90%以上');
    expect(rateInWords({ numerator: 29, denominator: 40 }, 0.725)).toBe('达到了72.5%以上');
  });

  it('writes a missed target as the figure rounded to one decimal, as the screens show it', () => {
    expect(rateInWords({ numerator: 853, denominator: 1000 }, 0.9)).toBe('为85.3%');
    expect(rateInWords({ numerator: 215, denominator: 274 }, 0.9)).toBe('为78.5%');
    expect(rateInWords({ numerator: 147, denominator: 215 }, 0.7)).toBe('为68.4%');
    expect(rateInWords({ numerator: 0, denominator: 7 }, 0.7)).toBe('为0.0%');
  });

  it('cuts instead where rounding would reach the missed target', () => {
    expect(rateInWords({ numerator: 8996, denominator: 10000 }, 0.9)).toBe('为89.9%');
    expect(rateInWords({ numerator: 1999, denominator: 2000 }, 1)).toBe('为99.9%');
    expect(rateInWords({ numerator: 11, denominator: 12 }, 1)).toBe('为91.7%');
  });

  it('says so when there is nothing to count', () => {
    expect(rateInWords({ numerator: 0, denominator: 0 }, 0.9)).toBe('暂无可统计的企业');
  });
});

describe('the words of dates, periods and places', () => {
  it('writes dates and periods the Chinese way', () => {
    expect(dateZh('2026-03-05')).toBe('2026年3月5日');
    expect(periodZh('2026-01-01', '2026-06-30')).toBe('2026年上半年');
    expect(periodZh('2026-07-01', '2026-12-31')).toBe('2026年下半年');
    expect(periodZh('2026-01-01', '2026-12-31')).toBe('2026年');
    expect(periodZh('2026-01-01', '2026-03-31')).toBe('2026年1月1日至2026年3月31日');
    expect(periodZh('2025-07-01', '2026-06-30')).toBe('2025年7月1日至2026年6月30日');
  });

  it('names the unit by the end of its name, else by its level', () => {
    expect(placeWordsOf('金山县', 'county')).toEqual({ whole: '全县', our: '我县' });
    expect(placeWordsOf('绵竹市', 'county')).toEqual({ whole: '全市', our: '我市' });
    expect(placeWordsOf('青羊区', 'county')).toEqual({ whole: '全区', our: '我区' });
    expect(placeWordsOf('城关街道', 'township')).toEqual({ whole: '全街道', our: '我街道' });
    expect(placeWordsOf('广西壮族自治区', 'province')).toEqual({ whole: '全区', our: '我区' });
    expect(placeWordsOf('示范园', 'township')).toEqual({ whole: '全镇', our: '我镇' });
    expect(placeWordsOf('示范园', null)).toEqual({ whole: '全辖区', our: '辖区内' });
  });

  it('writes percentages without trailing zeros', () => {
    expect(percentZh(0.9)).toBe('90%');
    expect(percentZh(0.725)).toBe('72.5%');
    expect(percentZh(1)).toBe('100%');
  });
});

describe('workSummaryFigures and workSummaryText', () => {
  it('gives the rates as fractions, null for an empty base', () => {
    const figures = workSummaryFigures(
      counts({ workersCongressNonPublic: { numerator: 0, denominator: 0 } }),
    );
    expect(figures).toEqual({
      unionsFounded: 54,
      unionsFoundedNonPublic: 48,
      membersAdded: 1929,
      unionisationRate: { nonPublic: 0.91 },
      signingRate: { state: 1, nonPublic: 0.91 },
      workersCongressRate: { nonPublic: null },
      regionalAgreements: 3,
      industryAgreements: 2,
    });
  });

  it("writes the seed's paragraph from the seed's figures", () => {
    const text = workSummaryText(
      placeWordsOf('金山县', 'county'),
      '2026-01-01',
      '2026-06-30',
      counts(),
      TARGETS,
    );
    expect(text).toBe(
      '2026年上半年，全县新建工会组织54个，其中非公企业工会48个，新增会员1929人，非公企业的建会率达到了90%以上。' +
        '集体合同、工资集体协议在我县国有及国有控股企业的签订率已经达到了100%，非公企业的签订率达到了90%以上。' +
        '已建工会的非公有制企业职代会建制率达到了70%以上。' +
        '截至期末，全县在有效期内的区域性集体合同3份，覆盖企业41家；行业性集体合同2份，覆盖企业17家。',
    );
  });

  it('writes missed targets as figures and says when there are no area agreements', () => {
    const text = workSummaryText(
      placeWordsOf('绵竹市', 'county'),
      '2026-01-01',
      '2026-03-31',
      counts({
        signingState: { numerator: 11, denominator: 12 },
        workersCongressNonPublic: { numerator: 30, denominator: 50 },
        regional: { agreements: 0, enterprisesCovered: 0 },
        industry: { agreements: 0, enterprisesCovered: 0 },
      }),
      TARGETS,
    );
    expect(text).toContain('2026年1月1日至2026年3月31日，全市新建工会组织54个');
    expect(text).toContain('在我市国有及国有控股企业的签订率为91.7%');
    expect(text).toContain('职代会建制率为60.0%');
    expect(text).toContain('全市尚无在有效期内的区域性、行业性集体合同');
  });
});
