import { useCallback, useEffect, useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { EventPayload } from '../../../shared/contract';
import { bridge, BridgeCallError, call } from '../../lib/bridge';

export type ImportPhase = EventPayload<'import.progress'>['phase'];

/** What the dialog reads: a text (pasted or from a file), or a collection folder (Bruno) by its path. */
type ImportSource = string | { folder: string };

let counter = 0;
/** Unique within this window, which is all import.cancel needs; no secure context required (unlike randomUUID). */
function newImportId(): string {
  counter += 1;
  return `imp-${Date.now().toString(36)}-${counter}`;
}

/** True for the error an import.parse ends with after import.cancel. */
export function isCancelled(error: unknown): boolean {
  return error instanceof BridgeCallError && error.error.code === 'CANCELLED';
}

/**
 * Reads an import with an importId, so that its steps arrive as 'import.progress' events (a big OpenAPI file takes
 * seconds) and `cancel` can stop it in the main process.
 */
export function useImportParse() {
  const running = useRef<string | null>(null);
  const [phase, setPhase] = useState<ImportPhase | null>(null);
  const [cancelling, setCancelling] = useState(false);
  useEffect(
    () =>
      bridge.subscribe('import.progress', (event) => {
        if (event.importId === running.current) setPhase(event.phase);
      }),
    [],
  );
  const parse = useMutation({
    mutationFn: async (input: ImportSource) => {
      if (typeof input !== 'string') return call('import.parseFolder', { path: input.folder });
      const importId = newImportId();
      running.current = importId;
      setPhase(null);
      setCancelling(false);
      try {
        return await call('import.parse', { text: input, importId });
      } finally {
        if (running.current === importId) {
          running.current = null;
          setPhase(null);
          setCancelling(false);
        }
      }
    },
  });
  const cancel = useCallback(() => {
    const importId = running.current;
    if (importId === null) return;
    setCancelling(true);
    void call('import.cancel', { importId }).catch(() => setCancelling(false));
  }, []);
  return { parse, phase, cancelling, cancel };
}
