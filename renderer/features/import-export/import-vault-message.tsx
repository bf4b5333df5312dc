import type { ImportResult, VaultStatus } from '../../../shared/contract';
import { secretsWithValues } from '../../../shared/importers/environment-edits';
import { typedCredentialItems } from '../../../shared/importers/typed-credentials';
import { useVariablesState, VaultNeededMessage } from '../environments';

const SHOWN_NAMES = 5;

/** “A”, “B” and “C”; a long list ends with how many more there are. */
function listNames(names: readonly string[]): string {
  const quoted = names.slice(0, SHOWN_NAMES).map((name) => `“${name}”`);
  if (names.length > SHOWN_NAMES) return `${quoted.join(', ')} and ${names.length - SHOWN_NAMES} more`;
  return quoted.length === 1 ? quoted[0]! : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]!}`;
}

/**
 * Said before Import when the file carries values only the vault may keep and the vault cannot take them yet: secret
 * environment variables are then created without their value (never in plain text); a typed credential in a
 * collection's or request's auth makes the workspace refuse the whole import. Unlocking first keeps them.
 */
export function ImportVaultMessage({ result, onOpenVault }: { result: ImportResult; onOpenVault?: () => void }) {
  const vault = useVariablesState().data?.vault ?? null;
  if (!vault || vault.state === 'unlocked' || !onOpenVault) return null;
  const secrets = secretsWithValues(result.environments);
  const credentials = typedCredentialItems(result.collections);
  return (
    <>
      {credentials.length > 0 ? <CredentialsNeedVault names={credentials} vault={vault} onOpenVault={onOpenVault} /> : null}
      {secrets.length > 0 ? <SecretsNeedVault names={secrets} vault={vault} onOpenVault={onOpenVault} /> : null}
    </>
  );
}

interface NeedVaultProps {
  names: readonly string[];
  vault: VaultStatus;
  onOpenVault: () => void;
}

function CredentialsNeedVault({ names, vault, onOpenVault }: NeedVaultProps) {
  const one = names.length === 1;
  const state = vault.state === 'uninitialized' ? 'the vault has no passphrase yet. Set one' : 'the vault is locked. Unlock it';
  return (
    <VaultNeededMessage tone="warning" vault={vault} onOpenVault={onOpenVault}>
      {`${listNames(names)} ${one ? 'holds' : 'hold'} a typed credential, which is kept in the vault, not in files; ${state} before importing: the import is refused without it.`}
    </VaultNeededMessage>
  );
}

function SecretsNeedVault({ names, vault, onOpenVault }: NeedVaultProps) {
  const list = names.map((name) => `“${name}”`).join(', ');
  const why = vault.state === 'uninitialized' ? 'has no passphrase yet' : 'is locked';
  const one = names.length === 1;
  return (
    <VaultNeededMessage tone="warning" vault={vault} onOpenVault={onOpenVault}>
      {`${list} ${one ? 'is a secret whose value goes' : 'are secrets whose values go'} into the vault, which ${why}. Imported now, ${one ? 'it is' : 'they are'} created without ${one ? 'its value' : 'their values'}.`}
    </VaultNeededMessage>
  );
}
