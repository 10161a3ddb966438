import { chineseNumeral, ruleZh, stateLabelZh } from './labels-zh';

describe('chineseNumeral', () => {
  it.each([
    [1, '一'],
    [10, '十'],
    [19, '十九'],
    [20, '二十'],
    [32, '三十二'],
    [54, '五十四'],
    [100, '一百'],
    [105, '一百零五'],
    [110, '一百一十'],
  ])('writes %i as %s', (n, words) => {
    expect(chineseNumeral(n)).toBe(words);
  });
});

describe('ruleZh', () => {
  it.each([
    ['集体合同规定 art. 32', '集体合同规定第三十二条'],
    ['工资集体协商试行办法 art. 21', '工资集体协商试行办法第二十一条'],
    ['集体合同规定 art. 47; 劳动合同法 art. 54', '集体合同规定第四十七条；劳动合同法第五十四条'],
    ['集体合同规定 art. 19-24', '集体合同规定第十九条至第二十四条'],
    ['集体合同规定 art. 19, 21', '集体合同规定第十九条、第二十一条'],
    ['集体合同规定 art. 48; 地方规定 (local rule)', '集体合同规定第四十八条；地方规定'],
    ['地方规定 (local rule)', '地方规定'],
    ['product rule (event dates)', '本系统规则'],
  ])('words %s as %s', (rule, words) => {
    expect(ruleZh(rule)).toBe(words);
  });
});

describe('stateLabelZh', () => {
  it('names the stage and, where the procedure has one, the substate', () => {
    expect(stateLabelZh('in_force')).toBe('生效');
    expect(stateLabelZh('filing.underReview')).toBe('报送审查（审查中）');
    expect(stateLabelZh('consultation.suspended')).toBe('协商（中止）');
  });
});
