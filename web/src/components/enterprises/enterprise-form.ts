import type { Enterprise, EnterpriseInput, OwnershipType } from '../../api/enterprises';

/** The form's fields as the inputs hold them: empty text and no choice until filled in. */
export interface EnterpriseFormModel {
  name: string;
  creditCode: string;
  ownershipType: OwnershipType | '';
  township: string;
  /** The township unit (its name is `township`); null where the deployment has no township units to pick. */
  orgUnitId: Enterprise['orgUnitId'];
  community: string;
  industry: string;
  employeeCount: number | undefined;
  unionFoundedOn: string | null;
  instructorId: number | null;
  registeredOn: string | null;
  closedOn: string | null;
  /** 会员人数: null when not known (the number input cleared). */
  memberCount: number | null;
  workersCongressOn: string | null;
}

export const emptyEnterpriseForm = (): EnterpriseFormModel => ({
  name: '',
  creditCode: '',
  ownershipType: '',
  township: '',
  orgUnitId: null,
  community: '',
  industry: '',
  employeeCount: undefined,
  unionFoundedOn: null,
  instructorId: null,
  registeredOn: null,
  closedOn: null,
  memberCount: null,
  workersCongressOn: null,
});

export const enterpriseForm = ({
  id: _id,
  sector: _sector,
  version: _version,
  ...fields
}: Enterprise): EnterpriseFormModel => ({
  ...fields,
  community: fields.community ?? '',
});

/**
 * What the API is sent for a validated form: trimmed, upper-cased code, an empty community as
 * none; the township unit only when one was picked.
 */
export function enterpriseInput({ orgUnitId, ...form }: EnterpriseFormModel): EnterpriseInput {
  return {
    ...form,
    ...(orgUnitId === null ? {} : { orgUnitId }),
    name: form.name.trim(),
    creditCode: form.creditCode.trim().toUpperCase(),
    ownershipType: form.ownershipType as OwnershipType,
    industry: form.industry as EnterpriseInput['industry'],
    township: form.township.trim(),
    community: form.community.trim() || null,
    employeeCount: form.employeeCount ?? 0,
  };
}

/** Only the fields that differ from the enterprise as loaded: an update records just what changed. */
export function changedFields(before: Enterprise, after: EnterpriseInput): Partial<EnterpriseInput> {
  return Object.fromEntries(
    Object.entries(after).filter(([key, value]) => before[key as keyof EnterpriseInput] !== value),
  ) as Partial<EnterpriseInput>;
}
