import { findCircles } from './findCircles.ts';
import type { Workspace, WorkspacePackage } from './readWorkspace.ts';
import { resolveImport } from './resolveImport.ts';

/**
 * What a package is in the house. Only `domain` is held to purity; the others name where an import
 * leads. `support` is code that ships beside the product (test servers, the demo newsroom); `tools`
 * is code that only measures it (benches, evaluations).
 */
export type Layer = 'domain' | 'adapter' | 'pipeline' | 'service' | 'face' | 'host' | 'support' | 'tools';

export interface HouseRules {
  layerOf(pkg: WorkspacePackage): Layer;
  /** Modules from outside that a domain package may not import (drivers, queues, loggers). */
  impureModules: readonly string[];
  /** Folders of a domain package that hold support code (benches, corpora): its `src/` may not import them. */
  supportDirs: readonly string[];
  /** Layers that may not import another layer beyond the domain's purity, each with why. */
  forbidden: readonly { from: Layer; to: Layer; why: string }[];
  /** Known violations kept on purpose for now, each with why. Matched by `key`. */
  allowed: readonly AllowedViolation[];
}

export interface AllowedViolation {
  key: string;
  why: string;
}

export type Rule = 'domain-reaches-out' | 'layer-forbidden' | 'undeclared-package' | 'into-another-package' | 'circle';

export interface Violation {
  rule: Rule;
  /** `rule from -> to`, or for a circle `circle a | b | c` (files sorted): what an allowlist entry names. */
  key: string;
  detail: string;
}

export interface HouseReport {
  violations: Violation[];
  /** Allowed entries that matched nothing: the fix was made, so the entry must go. */
  staleAllowances: AllowedViolation[];
  /** Allowed entries that matched, so the allowlist's size can be watched. */
  allowedFound: Violation[];
}

/**
 * Checks the workspace against the house's rules:
 * - a domain package imports only domain packages and no impure module, and its `src/` no support folder;
 * - no package imports a layer its own layer is forbidden (`forbidden`: the API, a face, never the pipeline);
 * - every workspace package a file imports is declared in its package.json;
 * - no file reaches into another package by a relative path or a path its exports do not name;
 * - no files import each other in a circle (type-only imports count: a reader follows them too).
 */
export function checkHouse(workspace: Workspace, rules: HouseRules): HouseReport {
  const byName = new Map(workspace.packages.map((p) => [p.name, p]));
  const packageOfPath = (path: string) =>
    workspace.packages.filter((p) => path.startsWith(`${p.dir}/`)).sort((a, b) => b.dir.length - a.dir.length)[0];
  const sources = new Set(workspace.files.map((f) => f.path));
  const edges = new Map<string, Set<string>>();
  const found: Violation[] = [];
  const add = (rule: Rule, from: string, to: string, detail: string) =>
    found.push({ rule, key: `${rule} ${from} -> ${to}`, detail });
  const forbiddenOf = (from: Layer, to: Layer) => rules.forbidden.find((f) => f.from === from && f.to === to);

  for (const file of workspace.files) {
    const own = byName.get(file.packageName)!;
    const domain = rules.layerOf(own) === 'domain';
    const targets = new Set<string>();
    for (const ref of file.imports) {
      const target = resolveImport(workspace.root, file.path, ref.specifier, byName);
      if (target.kind === 'external') {
        if (domain && rules.impureModules.includes(target.name)) {
          add('domain-reaches-out', file.path, target.name, `a domain package imports ${target.name}`);
        }
      } else if (target.kind === 'package') {
        const pkg = byName.get(target.name)!;
        if (pkg !== own && !own.declared.has(pkg.name)) {
          add('undeclared-package', file.path, pkg.name, `${own.name} does not declare ${pkg.name}`);
        }
        if (domain && pkg !== own && rules.layerOf(pkg) !== 'domain') {
          add('domain-reaches-out', file.path, pkg.name, `a domain package imports ${rules.layerOf(pkg)} ${pkg.name}`);
        }
        const forbidden = pkg !== own && forbiddenOf(rules.layerOf(own), rules.layerOf(pkg));
        if (forbidden) add('layer-forbidden', file.path, pkg.name, forbidden.why);
        if (target.path === null) {
          add('into-another-package', file.path, ref.specifier, `${ref.specifier} is not in ${pkg.name}'s exports`);
        } else if (sources.has(target.path)) targets.add(target.path);
      } else if (target.kind === 'file') {
        const pkg = packageOfPath(target.path);
        if (pkg && pkg !== own) {
          add('into-another-package', file.path, target.path, `a relative path into ${pkg.name}`);
          if (domain && rules.layerOf(pkg) !== 'domain') {
            add(
              'domain-reaches-out',
              file.path,
              pkg.name,
              `a domain package imports ${rules.layerOf(pkg)} ${pkg.name}`,
            );
          }
        }
        const inSrc = file.path.startsWith(`${own.dir}/src/`);
        const supportDir = rules.supportDirs.find((d) => target.path.startsWith(`${own.dir}/${d}/`));
        if (domain && pkg === own && inSrc && supportDir) {
          add('domain-reaches-out', file.path, target.path, `production code imports support code in ${supportDir}/`);
        }
        if (sources.has(target.path)) targets.add(target.path);
      }
    }
    edges.set(file.path, targets);
  }
  for (const circle of findCircles(edges)) {
    found.push({
      rule: 'circle',
      key: `circle ${circle.join(' | ')}`,
      detail: `${circle.length} files import each other`,
    });
  }

  const allowedKeys = new Map(rules.allowed.map((a) => [a.key, a]));
  const matched = new Set<string>();
  const violations: Violation[] = [];
  const allowedFound: Violation[] = [];
  for (const v of dedupe(found)) {
    if (allowedKeys.has(v.key)) {
      matched.add(v.key);
      allowedFound.push(v);
    } else violations.push(v);
  }
  const staleAllowances = rules.allowed.filter((a) => !matched.has(a.key));
  return { violations, staleAllowances, allowedFound };
}

function dedupe(violations: Violation[]): Violation[] {
  const seen = new Map<string, Violation>();
  for (const v of violations) if (!seen.has(v.key)) seen.set(v.key, v);
  return [...seen.values()];
}
