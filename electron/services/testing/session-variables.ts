import type { VariableLayer } from '../../../shared/variables';

/**
 * Captures with scope "request": kept in memory for this session only, never written anywhere, so even a secret one
 * needs no vault. They rank just under a request's own variables (a capture is fresher than any saved value) and go
 * with the process; the runner and CLI get a fresh set per run.
 */
export function createSessionVariables() {
  const values = new Map<string, { value: string; secret: boolean }>();
  return {
    set(name: string, value: string, secret: boolean): void {
      values.set(name, { value, secret });
    },
    clear(): void {
      values.clear();
    },
    layer(): VariableLayer {
      return {
        scope: 'request',
        label: 'Captured this session',
        variables: [...values].map(([name, { value, secret }]) => ({ name, value, secret })),
      };
    },
  };
}

export type SessionVariables = ReturnType<typeof createSessionVariables>;
