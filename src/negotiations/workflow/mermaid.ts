import { isSystemOnly } from './events';
import { statesOf, transitionsOf, type StateInfo, type TransitionInfo } from './machine-graph';

const idOf = (path: string): string => path.replace(/\./g, '_');

/**
 * A Mermaid stateDiagram-v2 of the machine, generated from its definition (docs/workflow.md
 * embeds it; a spec fails when the file is stale). Labels read `EVENT [guard]`; `(system)`
 * marks events only the scheduler or an import sends; `[otherwise]` is the branch taken when
 * the guards before it fail.
 */
export function toMermaid(): string {
  const states = statesOf();
  const transitions = transitionsOf();
  const lines = ['stateDiagram-v2', `  [*] --> ${idOf(states[0]?.path ?? '')}`];
  for (const state of states) lines.push(...declare(state, transitions));
  for (const transition of transitions) {
    if (!isInside(transition)) lines.push(`  ${arrow(transition, transitions)}`);
  }
  for (const state of states.filter((s) => s.final)) lines.push(`  ${idOf(state.path)} --> [*]`);
  return `${lines.join('\n')}\n`;
}

function declare(state: StateInfo, transitions: TransitionInfo[]): string[] {
  if (state.substates.length === 0) return [`  state ${idOf(state.path)}`];
  const inner = transitions.filter((t) => isInside(t) && t.from.startsWith(`${state.path}.`));
  return [
    `  state ${idOf(state.path)} {`,
    `    [*] --> ${idOf(`${state.path}.${state.initial ?? ''}`)}`,
    ...state.substates.map((sub) => `    state "${sub.key}" as ${idOf(sub.path)}`),
    ...inner.map((t) => `    ${arrow(t, transitions)}`),
    '  }',
  ];
}

/** A transition between two substates of one compound state is drawn inside its block. */
function isInside(transition: TransitionInfo): boolean {
  const to = transition.to ?? transition.from;
  const parent = (path: string): string => path.split('.').slice(0, -1).join('.');
  return transition.from.includes('.') && parent(transition.from) === parent(to);
}

function arrow(transition: TransitionInfo, all: TransitionInfo[]): string {
  const target = idOf(transition.to ?? transition.from);
  const system = isSystemOnly(transition.event) ? ' (system)' : '';
  const earlier = all.slice(0, all.indexOf(transition));
  const fallback = earlier.some((t) => t.from === transition.from && t.event === transition.event);
  const guard = transition.guard !== null ? ` [${transition.guard}]` : fallback ? ' [otherwise]' : '';
  return `${idOf(transition.from)} --> ${target} : ${transition.event}${system}${guard}`;
}
