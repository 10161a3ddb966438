import { describe, expect, it } from 'vitest';
import { ruleIn } from './rule-words';

describe('ruleIn', () => {
  const cited = { rule: '集体合同规定 art. 32', ruleZh: '集体合同规定第三十二条' };

  it('shows the Chinese citation in Chinese and the API’s in English', () => {
    expect(ruleIn('zh-CN', cited)).toBe('集体合同规定第三十二条');
    expect(ruleIn('en', cited)).toBe('集体合同规定 art. 32');
  });

  it('falls back to the API’s citation when no Chinese one came (an older server)', () => {
    expect(ruleIn('zh-CN', { rule: '集体合同规定 art. 32' })).toBe('集体合同规定 art. 32');
  });
});
