export type { VariableDefinition, VariableLayer, ResolveEnvironment, VariableDescription } from './types';
export { createResolver } from './resolver';
export { findVariableReferences } from './references';
export { requestLayer, layersFromState } from './layers';
export { resolveRequestSpec } from './resolve-spec';
export { SECRET_MASK, MIN_NEEDLE_LENGTH as MIN_SECRET_MATCH } from './needles';
export { redactText, redactBytes, secretBytesMatcher } from './redact';
export type { Matcher as SecretBytesMatcher } from './mask-matcher';
export { redactExchange } from './redact-exchange';
// for shared/auth: Basic credentials are base64 of UTF-8, and which fields hold only references decides what is kept
export { base64Utf8 } from './base64';
export { isOnlyReferences } from './references';
// streaming masking of bodies and message logs (electron/services/masking wraps it in a Node Transform)
export { createMaskStream } from './mask-stream';
export { envNotAllowedDetail, isHiddenEnvName, readEnvNotAllowed } from './env-permission';
export { variableSuggestions, completionQuery, filterSuggestions, applyCompletion, type VariableSuggestion, type CompletionQuery } from './completion';
// the one spelling of a vault-kept credential reference's prefix (shared/auth re-exports it)
export { CREDENTIAL_REF_PREFIX } from './dynamic';
export { PRECEDENCE_CHAIN } from './precedence';
export { recordDynamicValues } from './replay-dynamic';
export { weakSecretWarning } from './weak-secret';
