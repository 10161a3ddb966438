import { computed, reactive } from 'vue';
import { fetchOrgUnit, hasChildUnits, type OrgUnit } from '../api/org-units';
import type { User } from '../api/types';
import { currentUser, onSignOut } from './session';
import { governsSeveralUnits, restoreChoice, type StoredChoice } from './unit-choice';

/**
 * The unit the reports are read for, chosen with the header's unit picker by a user who governs
 * more than one unit. Kept in sessionStorage: remembered while the tab is open, forgotten on
 * signing out, and never carried over to another user.
 */
const STORAGE_KEY = 'wagetrack.unit';

const state = reactive<{
  /** The signed-in user's own unit (null: none, the whole deployment). */
  own: OrgUnit | null;
  chosen: OrgUnit | null;
  pickerShown: boolean;
  /** Whose units these are (user, role, unit): loaded again when any of them changes. */
  loadedFor: string | null;
  /** Whether `own` and `chosen` are those of `loadedFor` (false while they load). */
  ready: boolean;
}>({ own: null, chosen: null, pickerShown: false, loadedFor: null, ready: false });

/** A user's unit (null: none); a session stored before users had units has none either. */
const unitOf = (user: User | null): User['orgUnitId'] => user?.orgUnitId ?? null;

/** The signed-in user's own unit, once loaded. */
export const ownUnit = computed(() => state.own);
/** The user's own unit id as the session holds it (before or without loading the unit). */
export const ownUnitId = computed(() => unitOf(currentUser.value));
/** The unit chosen in the picker; null: the user's own unit (or the whole deployment). */
export const chosenUnit = computed(() => state.chosen);
export const unitPickerShown = computed(() => state.pickerShown);
/** The unit the reports are read for: the chosen one, else the user's own; null = the API's default. */
export const reportUnit = computed<OrgUnit | null>(() => state.chosen ?? state.own);
/** Whether `reportUnit` is known for the signed-in user (a change after that is the user's choice). */
export const unitsReady = computed(() => state.ready);

/** Loads the signed-in user's unit and whether to offer the picker (once per user). */
export async function loadUnits(user: User | null = currentUser.value): Promise<void> {
  const key = user ? `${user.id}:${user.role}:${unitOf(user)}` : null;
  if (!user || state.loadedFor === key) return;
  state.loadedFor = key;
  state.ready = false;
  state.chosen = restoreChoice(sessionStorage.getItem(STORAGE_KEY), user.id);
  if (user.role === 'instructor') {
    state.own = null;
    state.pickerShown = false;
    state.ready = true;
    return;
  }
  const ownId = unitOf(user);
  try {
    const own = ownId === null ? null : await fetchOrgUnit(ownId);
    const hasChildren = own !== null && own.level !== 'township' && (await hasChildUnits(own.id));
    state.own = own;
    state.pickerShown = governsSeveralUnits(user.role, own, hasChildren);
  } catch {
    // No unit API (yet), or no answer: no picker, the reports keep the API's default.
    state.pickerShown = false;
  }
  if (state.loadedFor === key) state.ready = true;
}

/** Reads the reports for this unit from now on (null: the user's own again). */
export function chooseUnit(unit: OrgUnit | null): void {
  const userId = currentUser.value?.id ?? null;
  state.chosen = unit;
  if (unit === null || userId === null) sessionStorage.removeItem(STORAGE_KEY);
  else sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ userId, unit } satisfies StoredChoice));
}

onSignOut(() => {
  sessionStorage.removeItem(STORAGE_KEY);
  Object.assign(state, { own: null, chosen: null, pickerShown: false, loadedFor: null, ready: false });
});
