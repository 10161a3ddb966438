import type { TemplateField } from './template-fields';

/** The tags a template uses, nested as docxtemplater's inspection lists them (a section's tags inside it). */
export interface TagTree {
  [tag: string]: TagTree;
}

/**
 * The tags of a template that name no field it may use (a typo: `{enterpriseNme}`), in the order
 * found. Inside a list (`{#enterprises}…{/enterprises}`) a tag may name a field of its items or any
 * field outside it, as docxtemplater looks a tag up from the innermost list outwards.
 */
export function unknownTags(tree: TagTree, fields: readonly TemplateField[]): string[] {
  const unknown = new Set<string>();
  const walk = (node: TagTree, scopes: ReadonlyArray<readonly TemplateField[]>): void => {
    for (const [tag, inner] of Object.entries(node)) {
      const known = scopes.map((scope) => scope.find((f) => f.tag === tag)).find(Boolean);
      if (!known) unknown.add(tag);
      walk(inner ?? {}, known?.items ? [known.items, ...scopes] : scopes);
    }
  };
  walk(tree, [fields]);
  return [...unknown];
}
