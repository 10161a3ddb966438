import type { AnyStateNode, AnyTransitionDefinition } from 'xstate';
import type { EventType } from './events';
import type { GuardName } from './guards';
import { negotiationMachine } from './negotiation.machine';

/**
 * The machine definition read back as plain data, so documentation and the
 * `GET /api/v1/workflow` answer come from the machine itself and cannot drift from it.
 */
export interface StateInfo {
  /** 'consultation.active' */
  path: string;
  key: string;
  final: boolean;
  /** Compound states: the substate entered first. */
  initial: string | null;
  substates: StateInfo[];
}

export interface TransitionInfo {
  from: string;
  event: EventType;
  /** null: the state stays the same (the event only records facts). */
  to: string | null;
  guard: GuardName | null;
}

const pathOf = (node: AnyStateNode): string => node.path.join('.');

export function statesOf(root: AnyStateNode = negotiationMachine.root): StateInfo[] {
  return Object.values(root.states).map((node) => describeState(node));
}

function describeState(node: AnyStateNode): StateInfo {
  const initialTarget = node.type === 'compound' ? node.initial.target[0] : undefined;
  return {
    path: pathOf(node),
    key: node.key,
    final: node.type === 'final',
    initial: initialTarget === undefined ? null : initialTarget.key,
    substates: Object.values(node.states).map((child) => describeState(child)),
  };
}

/** Every transition in definition order: states depth-first, then events as written. */
export function transitionsOf(root: AnyStateNode = negotiationMachine.root): TransitionInfo[] {
  const found: TransitionInfo[] = [];
  const visit = (node: AnyStateNode): void => {
    if (node !== root) {
      for (const [event, definitions] of node.transitions) {
        for (const definition of definitions) found.push(describeTransition(node, event, definition));
      }
    }
    for (const child of Object.values(node.states)) visit(child);
  };
  visit(root);
  return found;
}

function describeTransition(
  node: AnyStateNode,
  event: string,
  definition: AnyTransitionDefinition,
): TransitionInfo {
  const target = definition.target?.[0];
  const guard: unknown = definition.guard;
  const guardName =
    typeof guard === 'string'
      ? guard
      : typeof guard === 'object' && guard !== null && 'type' in guard
        ? String((guard as { type: unknown }).type)
        : null;
  return {
    from: pathOf(node),
    event: event as EventType,
    to: target === undefined ? null : pathOf(target),
    guard: guardName as GuardName | null,
  };
}
