import { dateOrBlank, dateZh, numberZh, shareZh } from './words-zh';

describe(dateZh.name, () => {
  it.each([
    ['2026-03-05', '2026年3月5日'],
    ['2026-12-31', '2026年12月31日'],
    ['2027-10-01', '2027年10月1日'],
  ])('%s → %s', (date, words) => {
    expect(dateZh(date)).toBe(words);
  });

  it('leaves a blank for a date not known yet', () => {
    expect(dateOrBlank(null)).toBe('____年__月__日');
  });
});

describe(shareZh.name, () => {
  it.each([
    [2 / 3, '三分之二'],
    [1 / 2, '二分之一'],
    [3 / 5, '五分之三'],
    [0.55, '55%'],
    [0.123, '12.3%'],
  ])('%d → %s', (share, words) => {
    expect(shareZh(share)).toBe(words);
  });
});

describe(numberZh.name, () => {
  it('drops trailing zeros and rounds to cents', () => {
    expect(numberZh(6.5)).toBe('6.5');
    expect(numberZh(2000)).toBe('2000');
    expect(numberZh(3.14159)).toBe('3.14');
  });
});
