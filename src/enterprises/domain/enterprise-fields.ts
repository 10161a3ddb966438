/** The fields of an enterprise a client or an import sets: what updates compare and the audit trail follows. */
export const ENTERPRISE_FIELDS = [
  'name',
  'creditCode',
  'ownershipType',
  'township',
  'orgUnitId',
  'community',
  'industry',
  'employeeCount',
  'unionFoundedOn',
  'instructorId',
  'registeredOn',
  'closedOn',
  'memberCount',
  'workersCongressOn',
] as const;
