export {
  createVariableRow,
  createVariableRowKey,
  editsNeedVault,
  countVariables,
  isScopeDirty,
  rebaseRows,
  rowsFromScope,
  toScopeEdits,
  type VariableRow,
} from './variable-rows';
export { validateVariableRows } from './validate-rows';
export { secretFlag, valueCellView, type SecretFlag, type ValueCellView } from './secret-display';
export { PRECEDENCE_LINE, overriddenNames, scopeKindLabel } from './precedence';
export { copyName, environmentNameProblem, findNewEnvironment } from './environment-names';
export {
  MIN_PASSPHRASE_LENGTH,
  describeKdf,
  newPassphraseProblems,
  osKeychainPhrase,
  secretCountLine,
  vaultDialogMode,
  vaultDialogTitle,
  vaultIndicator,
  type NewPassphraseProblems,
} from './vault-view';
