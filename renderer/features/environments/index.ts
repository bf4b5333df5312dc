export { useVariablesState, useVariablesEvents, useVariablesMutation, variablesKeys } from './variables-queries';
