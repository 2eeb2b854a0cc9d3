import { parseSync } from 'oxc-parser';

/** One module a source file names: `import`, `export … from`, or `import()` with a literal. */
export interface ImportRef {
  specifier: string;
  /** `import type` / `export type`, or every name of the statement marked `type`: gone at run time. */
  typeOnly: boolean;
}

/**
 * The modules a TypeScript or JavaScript file imports, read by a real parser (oxc) rather than by
 * pattern, so an import-shaped line inside a template string (generated code, Lua) is not taken
 * for one. `import()` of an expression cannot be followed and is left out.
 */
export function readImports(fileName: string, source: string): ImportRef[] {
  const { module, errors } = parseSync(fileName, source);
  const fatal = errors.filter((e) => e.severity === 'Error');
  if (fatal.length > 0) throw new Error(`${fileName}: ${fatal[0]?.message ?? 'cannot be parsed'}`);
  const refs: ImportRef[] = [];
  for (const i of module.staticImports) {
    // `import './x.ts'` has no entries and runs the module: not type-only.
    const typeOnly = i.entries.length > 0 && i.entries.every((e) => e.isType);
    refs.push({ specifier: i.moduleRequest.value, typeOnly });
  }
  for (const e of module.staticExports) {
    const bySpecifier = new Map<string, boolean>();
    for (const entry of e.entries) {
      if (!entry.moduleRequest) continue;
      const typeOnly = bySpecifier.get(entry.moduleRequest.value) ?? true;
      bySpecifier.set(entry.moduleRequest.value, typeOnly && entry.isType);
    }
    for (const [specifier, typeOnly] of bySpecifier) refs.push({ specifier, typeOnly });
  }
  for (const d of module.dynamicImports) {
    const literal = /^(['"`])([^'"`$]*)\1$/.exec(source.slice(d.moduleRequest.start, d.moduleRequest.end).trim());
    if (literal?.[2] !== undefined) refs.push({ specifier: literal[2], typeOnly: false });
  }
  return refs;
}
