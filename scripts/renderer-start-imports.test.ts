import ts from 'typescript';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * What the renderer evaluates before its first paint: every module reached from renderer/main.tsx by static imports
 * that survive compilation (`import type`, and imports whose names are all `type`, are erased; `import()` is a chunk
 * loaded later). zod is not among them: building the contract's schemas cost the cold load a large share of its time,
 * and the bridge checks replies with shared/contract/web-reply.ts instead. A failure names the chain that brought it.
 */
const root = fileURLToPath(new URL('..', import.meta.url));

function resolveImport(from: string, specifier: string): string {
  if (!specifier.startsWith('.')) return `package:${specifier}`;
  const base = path.resolve(path.dirname(from), specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile()) ?? `asset:${base}`;
}

function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.ES2022,
    false,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const specifiers: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (clause?.isTypeOnly) continue;
      const named = clause?.namedBindings;
      const onlyTypes =
        clause && !clause.name && named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((element) => element.isTypeOnly);
      if (!onlyTypes) specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier) {
      const clause = statement.exportClause;
      const onlyTypes =
        statement.isTypeOnly || (clause && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((element) => element.isTypeOnly));
      if (!onlyTypes) specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return specifiers;
}

/** Each module reached, with the module that first imported it (for the chain in a failure). */
function staticGraph(entry: string): Map<string, string | null> {
  const start = path.join(root, entry);
  const reachedFrom = new Map<string, string | null>([[start, null]]);
  const queue = [start];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (file.startsWith('package:') || file.startsWith('asset:')) continue;
    for (const specifier of runtimeImports(file)) {
      const target = resolveImport(file, specifier);
      if (!reachedFrom.has(target)) {
        reachedFrom.set(target, file);
        queue.push(target);
      }
    }
  }
  return reachedFrom;
}

function chainTo(graph: Map<string, string | null>, target: string): string {
  const chain: string[] = [];
  for (let node: string | null | undefined = target; node; node = graph.get(node)) chain.unshift(node.startsWith(root) ? path.relative(root, node) : node);
  return chain.join('\n  → ');
}

function reached(graph: Map<string, string | null>, what: (module: string) => boolean): string[] {
  return [...graph.keys()].filter(what).map((module) => chainTo(graph, module));
}

/** `new Intl.…(…)` run when the module is evaluated: in a top-level statement, outside any function body. */
function topLevelIntl(file: string): string[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.ES2022,
    true,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isNewExpression(node) && node.expression.getText(source).startsWith('Intl.')) found.push(node.getText(source));
    ts.forEachChild(node, visit);
  };
  source.statements.forEach(visit);
  return found;
}

const isZod = (module: string) => module === 'package:zod' || module.startsWith('package:zod/');

describe('what the renderer loads before its first paint', () => {
  const graph = staticGraph('renderer/main.tsx');

  it('does not load zod', () => {
    expect(reached(graph, isZod)).toEqual([]);
  });

  // lazily loaded, but shown in the first window, so its chunk is fetched and run before the URL bar is usable
  it.each(['renderer/features/collections/collections-panel.tsx'])('%s (shown at start) does not load zod either', (panel) => {
    expect(reached(staticGraph(panel), isZod)).toEqual([]);
  });

  it("does not load papaparse (the runner's CSV data files)", () => {
    expect(reached(graph, (module) => module === 'package:papaparse')).toEqual([]);
  });

  it('does not load the curl parser (it is loaded by the first pasted command)', () => {
    expect(reached(graph, (module) => module === path.join(root, 'shared/importers/curl/parse-curl.ts'))).toEqual([]);
  });

  // Not on screen when the window opens: each is a chunk loaded on first use (lazyNamed), or at idle after the first
  // paint. Statically imported again, it is parsed and run before the URL bar is painted.
  it.each([
    'renderer/features/history/history-panel.tsx',
    'renderer/features/history/history-entry-view.tsx',
    'renderer/features/history/compare-view.tsx',
    'renderer/features/response-viewer/exchange-view.tsx',
    'renderer/features/response-viewer/live-sse-events.tsx',
    'renderer/features/request-builder/body-panel.tsx',
    'renderer/features/request-builder/scripts-panel.tsx',
    'renderer/features/request-builder/settings-panel.tsx',
    'renderer/features/auth/auth-panel.tsx',
    'renderer/features/tests/tests-editor.tsx',
    'renderer/features/shortcuts/shortcuts-dialog.tsx',
    'renderer/ui/virtual-list.tsx',
  ])('does not load %s (not on screen at start)', (module) => {
    expect(reached(graph, (reachedModule) => reachedModule === path.join(root, module))).toEqual([]);
  });

  it('does not load @tanstack/react-virtual (no list is on screen at start)', () => {
    expect(reached(graph, (module) => module.startsWith('package:@tanstack/react-virtual'))).toEqual([]);
  });

  // An Intl collator or formatter costs a cold page 15 ms or more of ICU set-up when it is made; one made at a module's
  // top level is made before the first paint even when nothing uses it then (the bundler keeps the `new`).
  it('makes no Intl object at import', () => {
    const makers = [...graph.keys()]
      .filter((module) => module.startsWith(root))
      .flatMap((module) => topLevelIntl(module).map((text) => `${path.relative(root, module)}: ${text}`));
    expect(makers).toEqual([]);
  });

  it('follows the imports it must (the check would pass vacuously otherwise)', () => {
    expect(graph.has(path.join(root, 'renderer/features/request-builder/url-bar.tsx'))).toBe(true);
    expect(graph.has(path.join(root, 'renderer/features/request-builder/params-panel.tsx'))).toBe(true);
    expect(graph.has(path.join(root, 'shared/workspace/layout.ts'))).toBe(true);
    expect(topLevelIntl(path.join(root, 'shared/workspace/layout.ts'))).toEqual([]);
    expect(graph.has(path.join(root, 'renderer/lib/bridge.ts'))).toBe(true);
    expect(graph.has(path.join(root, 'shared/contract/web-reply.ts'))).toBe(true);
    expect(reached(staticGraph('shared/contract/index.ts'), isZod)).not.toEqual([]);
    expect(reached(staticGraph('shared/workspace/files.ts'), isZod)).not.toEqual([]);
  });
});
