export { createVariablesService } from './variables-service';
export type { VariablesChangeReason, VariablesService, VariablesServiceOptions } from './variables-service';
export { COLLECTION_SCOPE_ID, GLOBAL_SCOPE_ID, secretId } from './layout';
