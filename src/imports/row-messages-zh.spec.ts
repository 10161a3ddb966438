import { fieldRuleZh } from './row-messages-zh';

describe(fieldRuleZh.name, () => {
  it('says what is wrong with a credit code, as the API does in its own words', () => {
    expect(fieldRuleZh('creditCode', '91350100M000100Y44')).toBe(
      '校验位是“4”，应为“3”（GB 32100-2015），请核对',
    );
    expect(fieldRuleZh('creditCode', '9135')).toBe('应为 18 位，实为 4 位');
  });

  it('lists the accepted values in Chinese, not the API’s codes', () => {
    expect(fieldRuleZh('ownershipType', '股份制')).toBe(
      '应为以下之一：国有企业、国有控股企业、集体企业、私营企业、港澳台商投资企业、外商投资企业、其他',
    );
    expect(fieldRuleZh('agreementKind', 'pay')).toContain('工资专项集体合同');
  });

  it('words every date column alike', () => {
    expect(fieldRuleZh('unionFoundedOn', '2026-02-30')).toBe('应为有效日期，如 2026-03-05');
    expect(fieldRuleZh('expiresOn', 'soon')).toBe('应为有效日期，如 2026-03-05');
    expect(fieldRuleZh('workersCongressOn', '去年')).toBe('应为有效日期，如 2026-03-05');
  });

  it('names a control or bidi character in a text column, before the length rule', () => {
    expect(fieldRuleZh('name', '金山\u202E厂纸')).toBe(
      '不能包含控制字符或文字方向控制字符（第 3 个字符 U+202E）',
    );
    expect(fieldRuleZh('community', '家和\u0000')).toBe(
      '不能包含控制字符或文字方向控制字符（第 3 个字符 U+0000）',
    );
    expect(fieldRuleZh('name', '')).toBe('不能为空，且不超过 200 个字');
  });

  it('says what a member count must be, and that an unknown one is left empty', () => {
    expect(fieldRuleZh('memberCount', -3)).toBe('应为 0 至 10000000 之间的整数（不知道可留空）');
  });
});
