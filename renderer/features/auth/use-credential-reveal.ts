import { useState } from 'react';
import { parseCredentialRef } from '../../../shared/auth';
import { call } from '../../lib/bridge';

export interface CredentialReveal {
  /** the field holds a reference to a credential kept in the vault ({{$credential.<id>}}) */
  stored: boolean;
  /** the value the vault gave, while shown */
  text: string | null;
  error: string | null;
  toggle: () => void;
}

/**
 * For an Auth tab field whose credential is kept in the vault: Reveal asks the main process for the value, on the
 * user's explicit request, as the environment editor does for secrets. What was revealed belongs to that reference
 * only: typing a new value (or another reference) forgets it.
 */
export function useCredentialReveal(value: string): CredentialReveal {
  const [revealed, setRevealed] = useState<{ reference: string; text: string | null; error: string | null } | null>(null);
  const stored = parseCredentialRef(value) !== null;
  const current = stored && revealed !== null && revealed.reference === value ? revealed : null;
  const toggle = () => {
    if (current !== null) {
      setRevealed(null);
      return;
    }
    call('credentials.reveal', { reference: value })
      .then((result) => setRevealed({ reference: value, text: result.value, error: null }))
      .catch((error: unknown) => setRevealed({ reference: value, text: null, error: error instanceof Error ? error.message : String(error) }));
  };
  return { stored, text: current?.text ?? null, error: current?.error ?? null, toggle };
}
