/** GB/T 4754-2017 国民经济行业分类: the 20 sections (门类) A–T. */
export const INDUSTRY_SECTIONS = 'ABCDEFGHIJKLMNOPQRST'.split('');
export type IndustrySection = string;
