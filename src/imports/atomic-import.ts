/** Thrown inside an atomic import's transaction to roll it back when a row was bad (both imports). */
export class AtomicImportRefused extends Error {}
