import { isSystemOnly } from './events';
import { statesOf, transitionsOf, type StateInfo, type TransitionInfo } from './machine-graph';

const idOf = (path: string): string => path.replace(/\./g, '_');
const stageOf = (path: string): string => path.split('.')[0] ?? path;
const parentOf = (path: string): string => path.split('.').slice(0, -1).join('.');

/**
 * A Mermaid stateDiagram-v2 of the machine, generated from its definition (docs/workflow.md
 * embeds it; a spec fails when the file is stale). Labels read `EVENT [guard]`; `(system)`
 * marks events only the scheduler or an import sends; `[otherwise]` is the branch taken when
 * the guards before it fail. Mermaid cannot draw an arrow out of or into a substate across
 * compound states, so such arrows join the stages and name the substate in the label.
 */
export function toMermaid(): string {
  const states = statesOf();
  const transitions = transitionsOf();
  const lines = ['stateDiagram-v2', `  [*] --> ${idOf(states[0]?.path ?? '')}`];
  for (const state of states) lines.push(...declare(state, transitions));
  for (const transition of transitions) {
    if (!isInside(transition)) lines.push(`  ${betweenStages(transition, transitions, states)}`);
  }
  for (const state of states.filter((s) => s.final)) lines.push(`  ${idOf(state.path)} --> [*]`);
  return `${lines.join('\n')}\n`;
}

function declare(state: StateInfo, transitions: TransitionInfo[]): string[] {
  if (state.substates.length === 0) return [`  ${idOf(state.path)}`];
  const inner = transitions.filter((t) => isInside(t) && parentOf(t.from) === state.path);
  return [
    `  state ${idOf(state.path)} {`,
    `    [*] --> ${idOf(`${state.path}.${state.initial ?? ''}`)}`,
    ...state.substates.map((sub) => `    state "${sub.key}" as ${idOf(sub.path)}`),
    ...inner.map((t) => `    ${idOf(t.from)} --> ${idOf(t.to ?? t.from)} : ${label(t, transitions)}`),
    '  }',
  ];
}

/** Between two substates of the same compound state: drawn inside its block. */
function isInside(transition: TransitionInfo): boolean {
  const to = transition.to ?? transition.from;
  return transition.from.includes('.') && parentOf(transition.from) === parentOf(to);
}

function betweenStages(transition: TransitionInfo, all: TransitionInfo[], states: StateInfo[]): string {
  const to = transition.to ?? transition.from;
  const notes: string[] = [];
  if (transition.from.includes('.')) notes.push(`in ${transition.from.split('.').slice(1).join('.')}`);
  const stage = states.find((s) => s.path === stageOf(to));
  if (to.includes('.') && stage?.initial !== to.split('.')[1]) {
    notes.push(`to ${to.split('.').slice(1).join('.')}`);
  }
  const suffix = notes.length === 0 ? '' : ` (${notes.join(', ')})`;
  return `${idOf(stageOf(transition.from))} --> ${idOf(stageOf(to))} : ${label(transition, all)}${suffix}`;
}

function label(transition: TransitionInfo, all: TransitionInfo[]): string {
  const system = isSystemOnly(transition.event) ? ' (system)' : '';
  const earlier = all.slice(0, all.indexOf(transition));
  const fallback = earlier.some((t) => t.from === transition.from && t.event === transition.event);
  const guard = transition.guard !== null ? ` [${transition.guard}]` : fallback ? ' [otherwise]' : '';
  return `${transition.event}${system}${guard}`;
}
