export { createVariablesService } from './variables-service';
export type { VariablesChangeReason, VariablesService } from './variables-service';
export { COLLECTION_SCOPE_ID, GLOBAL_SCOPE_ID } from './layout';
