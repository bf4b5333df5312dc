import type { ImportResult } from '../../../shared/contract';
import { secretsWithValues } from '../../../shared/importers/environment-edits';
import { useVariablesState, VaultNeededMessage } from '../environments';

/**
 * Said before Import when the file carries secret values and the vault cannot take them yet: imported now, those
 * variables are created without their value (never in plain text); unlocking first keeps the value.
 */
export function ImportVaultMessage({ result, onOpenVault }: { result: ImportResult; onOpenVault?: () => void }) {
  const vault = useVariablesState().data?.vault ?? null;
  const names = secretsWithValues(result.environments);
  if (!vault || vault.state === 'unlocked' || names.length === 0 || !onOpenVault) return null;
  const list = names.map((name) => `“${name}”`).join(', ');
  const why = vault.state === 'uninitialized' ? 'has no passphrase yet' : 'is locked';
  const one = names.length === 1;
  return (
    <VaultNeededMessage tone="warning" vault={vault} onOpenVault={onOpenVault}>
      {`${list} ${one ? 'is a secret whose value goes' : 'are secrets whose values go'} into the vault, which ${why}. Imported now, ${one ? 'it is' : 'they are'} created without ${one ? 'its value' : 'their values'}.`}
    </VaultNeededMessage>
  );
}
