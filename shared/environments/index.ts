export {
  createVariableRow,
  createVariableRowKey,
  editsNeedVault,
  hasHiddenStoredValue,
  isBlankVariableRow,
  countVariables,
  isScopeDirty,
  knownValue,
  rebaseRows,
  rowsFromScope,
  toScopeEdits,
  type VariableRow,
} from './variable-rows';
export { MAX_VARIABLE_NAME_LENGTH, MAX_VARIABLE_VALUE_LENGTH, validateVariableRows, variableNameProblem } from './validate-rows';
export { SECRET_MASK, secretFlag, valueCellView, type SecretFlag, type ValueCellView } from './secret-display';
export { PRECEDENCE_LINE, overriddenNames, scopeKindLabel, type ScopeKind } from './precedence';
export { MAX_ENVIRONMENT_NAME_LENGTH, copyName, environmentNameProblem, findNewEnvironment } from './environment-names';
export {
  MAX_PASSPHRASE_LENGTH,
  MIN_PASSPHRASE_LENGTH,
  describeKdf,
  newPassphraseProblems,
  osKeychainPhrase,
  secretCountLine,
  vaultDialogMode,
  vaultDialogTitle,
  vaultIndicator,
  type NewPassphraseProblems,
  type VaultDialogMode,
  type VaultIndicatorView,
} from './vault-view';
