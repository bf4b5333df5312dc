import { useEffect, type RefObject } from 'react';
import type { VaultStatus } from '../../../shared/contract';
import { BridgeCallError } from '../../lib/bridge';
import { DialogError, InlineMessage } from '../../ui';
import { useVariablesState, VaultNeededMessage } from '../environments';

/** A failed save as a dialog keeps it: the message, and the code that tells a vault refusal from the rest. */
export interface SaveFailure {
  message: string;
  code: string | null;
}

export function saveFailureOf(failure: unknown): SaveFailure {
  return {
    message: failure instanceof Error ? failure.message : String(failure),
    code: failure instanceof BridgeCallError ? failure.error.code : null,
  };
}

interface VaultSaveState {
  /** Save was refused for want of the vault, and the vault is still not ready */
  needed: boolean;
  /** Save was refused for want of the vault, and it is ready now: Save is the way on */
  ready: boolean;
}

/**
 * A dialog whose Save can be refused because a typed secret needs the vault (Save request, Collection settings,
 * Save WebSocket request). The vault dialog opens over it, so what was typed stays; once the vault is ready, focus
 * goes to Save (`submitRef`).
 */
export function useVaultSave(failure: SaveFailure | null, submitRef: RefObject<HTMLButtonElement | null>): VaultSaveState & { vault: VaultStatus | null } {
  const vault = useVariablesState().data?.vault ?? null;
  const refused = failure?.code === 'VAULT_LOCKED';
  const ready = refused && vault?.state === 'unlocked';
  useEffect(() => {
    if (ready) submitRef.current?.focus();
  }, [ready, submitRef]);
  return { vault, needed: refused && !ready, ready };
}

interface VaultSaveMessageProps {
  failure: SaveFailure | null;
  submitRef: RefObject<HTMLButtonElement | null>;
  /** without it a refusal is shown as plain text (no vault dialog to open from here) */
  onOpenVault?: () => void;
  /** what the form holds that needs the vault ("The Bearer token"), said before Save while the vault is not ready */
  typedSecret?: string | null;
}

/**
 * The message under such a dialog's fields: the save error, with "Set a vault passphrase…" / "Unlock vault…" when
 * the vault is what is missing, and a warning as soon as a secret is typed while the vault cannot take it.
 */
export function VaultSaveMessage({ failure, submitRef, onOpenVault, typedSecret = null }: VaultSaveMessageProps) {
  const { vault, needed, ready } = useVaultSave(failure, submitRef);
  if (ready) return <InlineMessage tone="info">The vault is ready. Press Save to finish saving.</InlineMessage>;
  if (needed && vault && onOpenVault) {
    return (
      <VaultNeededMessage tone="error" vault={vault} onOpenVault={onOpenVault}>
        {failure?.message ?? ''}
      </VaultNeededMessage>
    );
  }
  if (failure) {
    return <DialogError>{failure.message}</DialogError>;
  }
  if (typedSecret && vault && vault.state !== 'unlocked' && onOpenVault) {
    const why = vault.state === 'uninitialized' ? 'which has no passphrase yet' : 'which is locked';
    return (
      <VaultNeededMessage tone="warning" vault={vault} onOpenVault={onOpenVault}>
        {`${typedSecret} is kept in the vault, not in the file, ${why}. Set it up before you save; what you typed here stays.`}
      </VaultNeededMessage>
    );
  }
  return null;
}
