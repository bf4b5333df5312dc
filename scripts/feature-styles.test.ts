import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Feature styles are CSS Modules (DESIGN.md, Renderer): a feature's class names cannot collide with another's, and a
 * class that no stylesheet defines any more shows up here rather than as a silently unstyled element. The only global
 * stylesheets are the theme, the window's layout and the kit's few shared classes (listed below).
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const renderer = path.join(root, 'renderer');

const GLOBAL_STYLESHEETS = ['renderer/app/theme.css', 'renderer/app/app.css', 'renderer/ui/ui.css'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

/** Every class a global stylesheet defines (`.name` in a selector). */
function globalClasses(): Set<string> {
  const names = new Set<string>();
  for (const file of GLOBAL_STYLESHEETS) {
    const css = readFileSync(path.join(root, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    for (const match of css.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)) names.add(match[1]!);
  }
  return names;
}

/**
 * The class names a component writes literally: className="a b", and the whole words of className={`a ${x}`} (a
 * name built from a value, `tone--${tone}`, is not checked).
 */
function literalClassNames(source: string): string[] {
  const texts = [...source.matchAll(/className="([^"]*)"/g)].map((match) => match[1]!);
  for (const match of source.matchAll(/className=\{`([^`]*)`\}/g)) texts.push(match[1]!.replace(/\S*\$\{[^}]*\}\S*/g, ' '));
  return texts.flatMap((text) => text.split(/\s+/)).filter((name) => /^[a-z][\w-]*$/.test(name));
}

describe('feature and kit styles', () => {
  const files = [...filesUnder(path.join(renderer, 'features')), ...filesUnder(path.join(renderer, 'ui'))];

  it('are CSS Modules', () => {
    expect(files.filter((file) => file.endsWith('.css') && !file.endsWith('.module.css') && !GLOBAL_STYLESHEETS.includes(file))).toEqual([]);
  });

  it('name only classes a stylesheet defines', () => {
    const defined = globalClasses();
    const undefinedNames = files
      .filter((file) => file.endsWith('.tsx') && !file.endsWith('.test.tsx'))
      .flatMap((file) => literalClassNames(readFileSync(path.join(root, file), 'utf8')).map((name) => `${file}: ${name}`))
      .filter((entry) => !defined.has(entry.slice(entry.lastIndexOf(' ') + 1)));
    expect(undefinedNames).toEqual([]);
  });
});
