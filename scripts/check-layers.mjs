// `npm run lint:layers`: the layering of docs/architecture.md, checked.
// dependency-cruiser (rules in .dependency-cruiser.cjs) finds what a pure core, config/ or
// database/ may not import, and file-level cycles; this script adds the rule dependency-cruiser
// cannot state: no cycle between the top-level folders of src/ (a feature folder that imports
// another which, directly or through others, imports it back).
// Run from the repository root, or pass another root (the layering test plants violations in a copy).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const repository = resolve(new URL('..', import.meta.url).pathname);
const root = resolve(process.argv[2] ?? repository);
const depcruise = join(repository, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

const sources = ['src', 'packages'].filter((folder) => existsSync(join(root, folder)));
const run = spawnSync(
  process.execPath,
  [depcruise, ...sources, '--config', join(repository, '.dependency-cruiser.cjs'), '--output-type', 'json'],
  { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
);
if (!run.stdout) {
  console.error(run.stderr || 'dependency-cruiser produced no output');
  process.exit(2);
}
const result = JSON.parse(run.stdout);

const problems = result.summary.violations
  .filter((violation) => violation.rule.severity === 'error')
  .map((violation) => {
    const path = violation.cycle?.length
      ? [violation.from, ...violation.cycle.map((step) => step.name ?? step)].join(' → ')
      : `${violation.from} → ${violation.to}`;
    return `${violation.rule.name}: ${path}`;
  });

// Top-level folders of src/ (src/negotiations/workflow counts as src/negotiations).
const folderOf = (path) => /^src\/([^/]+)\//.exec(path)?.[1];
const edges = new Map();
for (const module of result.modules) {
  const from = folderOf(module.source);
  if (!from) continue;
  for (const dependency of module.dependencies) {
    const to = folderOf(dependency.resolved);
    if (!to || to === from) continue;
    if (!edges.has(from)) edges.set(from, new Map());
    if (!edges.get(from).has(to)) edges.get(from).set(to, `${module.source} → ${dependency.resolved}`);
  }
}
for (const cycle of folderCycles(edges)) {
  const steps = cycle.map((folder, i) => edges.get(folder).get(cycle[(i + 1) % cycle.length]));
  problems.push(`no-feature-folder-cycles: ${[...cycle, cycle[0]].join(' → ')} (${steps.join('; ')})`);
}

if (problems.length > 0) {
  console.error(`Layering broken (docs/architecture.md, "Layers"):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(
  `Layering holds: ${result.summary.totalCruised} modules, ${result.summary.totalDependenciesCruised} imports.`,
);

/** The cycles among folders (Tarjan's strongly connected groups), each as a folder list. */
function folderCycles(graph) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const groups = [];
  let next = 0;
  const visit = (node) => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node)?.keys() ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node), low.get(target)));
      } else if (onStack.has(target)) low.set(node, Math.min(low.get(node), index.get(target)));
    }
    if (low.get(node) === index.get(node)) {
      const group = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1) groups.push(group);
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  // Every pair of folders that import each other, then one shortest cycle for a group without such a pair.
  return groups.flatMap((group) => {
    const members = [...group].sort();
    const pairs = members.flatMap((a) =>
      members.filter((b) => a < b && graph.get(a)?.has(b) && graph.get(b)?.has(a)).map((b) => [a, b]),
    );
    return pairs.length > 0 ? pairs : [shortestCycle(graph, new Set(members), members[0])];
  });
}

function shortestCycle(graph, members, start) {
  const previous = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift();
    for (const target of graph.get(node)?.keys() ?? []) {
      if (!members.has(target)) continue;
      if (target === start) {
        const path = [];
        for (let at = node; at !== null; at = previous.get(at)) path.unshift(at);
        return path;
      }
      if (!previous.has(target)) {
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  return [start];
}
