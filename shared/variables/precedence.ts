/**
 * The order the resolver consults scopes, highest first, as the main process and the builder both build their layers
 * (layersFromState, then withInheritedLayers puts folder and collection variables at the "collection" rank, after the
 * active environment): an environment value beats a collection's, as in Postman. Said once so every place agrees.
 */
const PRECEDENCE_SCOPES = ['Request', 'Environment', 'Folder', 'Collection', 'Workspace', 'Globals'] as const;

export const PRECEDENCE_CHAIN = PRECEDENCE_SCOPES.join(' › ');
