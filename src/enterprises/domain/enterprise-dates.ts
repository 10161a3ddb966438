/** An enterprise cannot close before it was registered (both optional, `YYYY-MM-DD`, compared as text). */
export function closesBeforeRegistered(dates: {
  registeredOn: string | null;
  closedOn: string | null;
}): boolean {
  return dates.registeredOn !== null && dates.closedOn !== null && dates.closedOn < dates.registeredOn;
}
