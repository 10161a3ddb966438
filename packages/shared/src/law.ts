/**
 * The legal sources the workflow cites. Every guard message and every deadline names
 * its rule with `cite(...)`, so the wording stays uniform across the product.
 */
export const LAW = {
  /** 集体合同规定 (2004, MOLSS order 22), "CC" in the docs. */
  CC: '集体合同规定',
  /** 工资集体协商试行办法 (2000), "WN" in the docs. */
  WN: '工资集体协商试行办法',
  /** 劳动合同法, "LCL" in the docs. */
  LCL: '劳动合同法',
  /** A number the county sets in configuration (national default). */
  LOCAL: '地方规定 (local rule)',
  /** A rule of this product, not of law. */
  PRODUCT: 'product rule',
} as const;

export type LawName = (typeof LAW)[keyof typeof LAW];

export interface Citation {
  law: LawName;
  /** Article number(s) as written, e.g. '36' or '19-21'; empty for product rules. */
  article: string;
}

export function cite(law: LawName, article = ''): string {
  return article === '' ? law : `${law} art. ${article}`;
}

export function citeAll(...citations: Citation[]): string {
  return citations.map((c) => cite(c.law, c.article)).join('; ');
}
