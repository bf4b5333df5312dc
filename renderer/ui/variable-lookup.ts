import { createContext, useContext } from 'react';
import type { ReferenceTone } from '../../shared/request';
import type { VariableSuggestion } from '../../shared/variables';

/** What a field shows for one {{reference}}: its colour and the text of its tooltip. */
export interface ReferenceView {
  tone: ReferenceTone;
  text: string;
}

export interface VariableLookup {
  describe(name: string): ReferenceView;
  /** the variables in scope, for the list "{{" opens (nearest definition first); none: no list */
  suggestions?: readonly VariableSuggestion[];
}

/**
 * How the fields below a provider look variables up. Without a provider, VariableTextInput is a plain input: the
 * components in this folder stay presentational and the feature that knows the variables supplies the lookup.
 */
export const VariableLookupContext = createContext<VariableLookup | null>(null);

export function useVariableLookup(): VariableLookup | null {
  return useContext(VariableLookupContext);
}
