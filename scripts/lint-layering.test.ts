import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';

/** DESIGN.md's import table is enforced by ESLint; these cases prove the rule bites, so a wrong import fails `npm test`. */
const cwd = fileURLToPath(new URL('..', import.meta.url));
// The probe files exist only in memory, so no tsconfig includes them: the type-aware rules (and the project service
// they need) are switched off for them; the layering rules need no types.
const eslint = new ESLint({
  cwd,
  overrideConfig: {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: false, project: null } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-misused-promises': 'off',
      '@typescript-eslint/switch-exhaustiveness-check': 'off',
    },
  },
});

async function messagesFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`);
}

describe('import layering (DESIGN.md)', () => {
  it.each([
    ['shared/contract/x.ts', "import { bridge } from '../../renderer/lib/bridge';\nexport const y = bridge;", 'no-restricted-paths'],
    ['shared/contract/x.ts', "import fs from 'node:fs';\nexport const y = fs;", 'no-restricted-imports'],
    ['shared/contract/x.ts', "import { app } from 'electron';\nexport const y = app;", 'no-restricted-imports'],
    ['electron/services/http/x.ts', "import { app } from 'electron';\nexport const y = app;", 'no-restricted-imports'],
    ['electron/services/http/x.ts', "import { bridge } from '../../../renderer/lib/bridge';\nexport const y = bridge;", 'no-restricted-paths'],
    ['electron/host/web/x.ts', "import { BrowserWindow } from 'electron';\nexport const y = BrowserWindow;", 'no-restricted-imports'],
    ['renderer/lib/x.ts', "import fs from 'node:fs';\nexport const y = fs;", 'no-restricted-imports'],
    ['renderer/lib/x.ts', "import { ipcRenderer } from 'electron';\nexport const y = ipcRenderer;", 'no-restricted-imports'],
    ['renderer/lib/x.ts', "import { createCourier } from '../../electron/core';\nexport const y = createCourier;", 'no-restricted-paths'],
  ])('%s may not: %s', async (filePath, code, rule) => {
    const messages = await messagesFor(filePath, code);
    expect(messages.some((message) => message.includes(rule))).toBe(true);
  });

  it('allows what the table allows', async () => {
    expect(await messagesFor('renderer/lib/x.ts', "import { ok } from '../../shared/contract';\nexport const y = ok;")).toEqual([]);
    expect(
      await messagesFor(
        'electron/services/http/x.ts',
        "import { ok } from '../../../shared/contract';\nimport { readFile } from 'node:fs/promises';\nexport const y = [ok, readFile];",
      ),
    ).toEqual([]);
  });
});
