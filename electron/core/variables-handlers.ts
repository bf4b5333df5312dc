import { type MethodHandlers } from '../../shared/contract';
import { type Vault } from '../services/vault';
import { type VariablesService } from '../services/variables';

type VariablesMethods = Pick<
  MethodHandlers,
  | 'variables.state'
  | 'variables.saveScope'
  | 'variables.reveal'
  | 'variables.processEnv'
  | 'environments.create'
  | 'environments.rename'
  | 'environments.delete'
  | 'environments.setActive'
  | 'vault.status'
  | 'vault.unlock'
  | 'vault.lock'
  | 'vault.changePassphrase'
>;

interface VariablesHandlerDeps {
  variables: VariablesService;
  vault: Vault;
  /** whether {{$env.NAME}} would resolve; the value itself never crosses the bridge */
  hasProcessEnv: (name: string) => boolean;
}

/** The variables, environments and vault methods of the contract. */
export function variablesHandlers(deps: VariablesHandlerDeps): VariablesMethods {
  // The vault announces its own changes (unlock, lock, new passphrase) through its onChange.
  const { variables, vault } = deps;
  return {
    'variables.state': async () => variables.state(),
    'variables.saveScope': async (input) => variables.saveScope(input),
    'variables.reveal': async (input) => variables.reveal(input),
    'variables.processEnv': async ({ names }) => ({
      present: Object.fromEntries(names.map((name) => [name, deps.hasProcessEnv(name)])),
    }),
    'environments.create': async (input) => variables.createEnvironment(input),
    'environments.rename': async (input) => variables.renameEnvironment(input),
    'environments.delete': async (input) => variables.deleteEnvironment(input),
    'environments.setActive': async (input) => variables.setActiveEnvironment(input),
    'vault.status': async () => vault.status(),
    'vault.unlock': ({ passphrase }) => vault.unlock(passphrase),
    'vault.lock': async () => vault.lock(),
    'vault.changePassphrase': ({ current, next }) => vault.changePassphrase(current, next),
  };
}
