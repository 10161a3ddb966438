// Counting against legal fractions: in the shared package, so the web's form counts the same way.
export { atLeastShareOf, atMostShareOf, formatShare, moreThanShareOf } from '@wagetrack/shared';
