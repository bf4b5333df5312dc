export type {
  VariableDefinition,
  VariableLayer,
  ResolveEnvironment,
  VariableUse,
  Resolution,
  VariableStatus,
  VariableDescription,
  Resolver,
} from './types';
export { createResolver } from './resolver';
export { findVariableReferences } from './references';
export { requestLayer, layersFromState } from './layers';
export { resolveRequestSpec } from './resolve-spec';
export { SECRET_MASK, secretNeedles } from './needles';
export { redactText, redactBytes } from './redact';
export { redactExchange } from './redact-exchange';
// for shared/auth: Basic credentials are base64 of UTF-8, and which fields hold only references decides what is kept
export { base64Utf8 } from './base64';
export { isOnlyReferences } from './references';
export { variableSuggestions, completionQuery, filterSuggestions, applyCompletion, type VariableSuggestion, type CompletionQuery } from './completion';
