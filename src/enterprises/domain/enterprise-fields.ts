/** The fields of an enterprise a client or an import sets: what updates compare and the audit trail follows. */
export const ENTERPRISE_FIELDS = [
  'name',
  'creditCode',
  'ownershipType',
  'township',
  'community',
  'industry',
  'employeeCount',
  'unionFoundedOn',
  'instructorId',
  'registeredOn',
  'closedOn',
] as const;
