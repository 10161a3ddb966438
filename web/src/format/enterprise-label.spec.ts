import { describe, expect, it } from 'vitest';
import { enterpriseLabel } from './enterprise-label';

describe('enterpriseLabel', () => {
  const cement = { name: '万安镇兴旺水泥有限公司', creditCode: '91360828MA35F0XK2Q', township: '万安镇' };

  it('names an enterprise with its credit code and township, in Chinese punctuation', () => {
    expect(enterpriseLabel(cement, 'zh-CN')).toBe('万安镇兴旺水泥有限公司（91360828MA35F0XK2Q，万安镇）');
  });

  it('uses English punctuation in English', () => {
    expect(enterpriseLabel(cement, 'en')).toBe('万安镇兴旺水泥有限公司 (91360828MA35F0XK2Q, 万安镇)');
  });

  it('tells apart two enterprises of the same name in the same township', () => {
    const twin = { ...cement, creditCode: '91360828MA35F0XL3R' };
    expect(enterpriseLabel(twin, 'zh-CN')).not.toBe(enterpriseLabel(cement, 'zh-CN'));
  });
});
