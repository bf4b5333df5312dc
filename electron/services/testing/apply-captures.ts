import { isCourierError, type CaptureResult } from '../../../shared/contract';
import { SECRET_MASK } from '../../../shared/variables';
import type { CaptureExtract } from '../../../shared/testing';
import type { VariablesService } from '../variables';
import { COLLECTION_SCOPE_ID } from '../variables';
import type { SessionVariables } from './session-variables';

export interface CaptureTargets {
  variables: Pick<VariablesService, 'setValue' | 'state'>;
  session: SessionVariables;
}

function scopeIdFor(extract: CaptureExtract, targets: CaptureTargets): string | { message: string } {
  if (extract.scope === 'collection') return COLLECTION_SCOPE_ID;
  const active = targets.variables.state().activeEnvironmentId;
  return active ?? { message: `No environment is active, so {{${extract.variable}}} was not set. Choose an environment or capture into another scope.` };
}

/**
 * Writes each extracted value to its scope through the variables service (the vault for a secret), or to the session
 * for scope "request". A failure (no active environment, a locked vault) is that capture's result, not the send's.
 */
export function applyCaptures(extracts: readonly CaptureExtract[], targets: CaptureTargets): CaptureResult[] {
  return extracts.map((extract): CaptureResult => {
    const base = { variable: extract.variable.slice(0, 200), scope: extract.scope };
    if (!extract.ok) return { ...base, outcome: extract.skipped ? 'skipped' : 'failed', message: extract.message };
    const shown = (extract.secret ? SECRET_MASK : extract.value).slice(0, 4000);
    if (extract.scope === 'request') {
      targets.session.set(extract.variable, extract.value, extract.secret);
      return { ...base, outcome: 'set', value: shown };
    }
    const scopeId = scopeIdFor(extract, targets);
    if (typeof scopeId !== 'string') return { ...base, outcome: 'failed', message: scopeId.message };
    try {
      targets.variables.setValue({ scopeId, name: extract.variable, value: extract.value, secret: extract.secret });
      return { ...base, outcome: 'set', value: shown };
    } catch (error) {
      if (!isCourierError(error)) throw error;
      const why = error.code === 'VAULT_LOCKED' ? 'the vault is locked. Unlock it and send again.' : error.message;
      return { ...base, outcome: 'failed', message: `{{${extract.variable}}} was not set: ${why}` };
    }
  });
}
