import type { ImportedEnvironment, VariableEditInput } from '../contract';
import { VARIABLE_NAME } from '../contract/values';

/**
 * The variables.saveScope edits that store one imported environment. A variable the source marked secret is saved
 * as a secret, so its value is encrypted into the vault and the environment keeps only the flag. With the vault
 * locked the value cannot be encrypted: it is left out (never written in plain text) and the variable is created as
 * an empty secret, named in needValue so the user can be told to set it.
 * skipped: names not valid here, left out.
 */
export function importedEnvironmentEdits(
  environment: ImportedEnvironment,
  vault: { vaultUnlocked: boolean },
): { edits: VariableEditInput[]; skipped: string[]; needValue: string[] } {
  const valid = environment.variables.filter((variable) => VARIABLE_NAME.test(variable.name));
  const skipped = environment.variables.filter((variable) => !VARIABLE_NAME.test(variable.name)).map((variable) => variable.name);
  const needValue: string[] = [];
  const edits = valid.map((variable): VariableEditInput => {
    if (!variable.secret) return { name: variable.name, value: variable.value, enabled: variable.enabled, secret: false };
    if (variable.value === '') return { name: variable.name, enabled: variable.enabled, secret: true };
    if (!vault.vaultUnlocked) {
      needValue.push(variable.name);
      return { name: variable.name, enabled: variable.enabled, secret: true };
    }
    return { name: variable.name, value: variable.value, enabled: variable.enabled, secret: true };
  });
  return { edits, skipped, needValue };
}

/** The secrets an import carries a value for ("Prod / apiKey"): the ones that need the vault unlocked to keep it. */
export function secretsWithValues(environments: readonly ImportedEnvironment[]): string[] {
  return environments.flatMap((environment) =>
    environment.variables.filter((variable) => variable.secret && variable.value !== '').map((variable) => `${environment.name} / ${variable.name}`),
  );
}
