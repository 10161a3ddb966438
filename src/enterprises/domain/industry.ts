// The GB/T 4754-2017 sections (门类) are shared with the web (the shared package).
export { INDUSTRY_SECTIONS } from '@wagetrack/shared';
export type { IndustrySection } from '@wagetrack/shared';
