import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  draftReferenceProblems,
  draftTexts,
  processEnvFromPresence,
  processEnvNames,
  referenceHoverText,
  referenceTone,
  type ProcessEnvPresence,
  type ReferenceProblems,
  type RequestDraft,
} from '../../../shared/request';
import { createResolver, layersFromState, requestLayer, variableSuggestions, type VariableDescription, type VariableLayer } from '../../../shared/variables';
import { withInheritedLayers } from '../../../shared/workspace';
import { useVariablesState } from '../environments';
import { call } from '../../lib/bridge';
import type { ReferenceView, VariableLookup } from '../../ui';

const NO_PRESENCE: ProcessEnvPresence = {};
const NO_LAYERS: readonly VariableLayer[] = [];

/** Whether the {{$env.NAME}} names are set in the main process (never their values). */
function useProcessEnvPresence(names: readonly string[]): ProcessEnvPresence {
  const sorted = useMemo(() => [...names].sort().slice(0, 200), [names]);
  const query = useQuery({
    queryKey: ['variables', 'processEnv', sorted],
    queryFn: () => call('variables.processEnv', { names: sorted }),
    enabled: sorted.length > 0,
    staleTime: 30_000,
  });
  return query.data?.present ?? NO_PRESENCE;
}

interface DraftVariables {
  lookup: VariableLookup;
  problems: ReferenceProblems;
  /** the environments, other than the active one, that define `name` (to say which one to choose) */
  definedIn: (name: string) => string[];
}

/**
 * The draft's variables as the main process will resolve them: its own request variables over the stored scopes
 * (secrets known only as set, locked or unreadable). Until the stored scopes load, or if they cannot, only the
 * request's own variables count.
 */
export function useDraftVariables(draft: RequestDraft, inherited: readonly VariableLayer[] = NO_LAYERS): DraftVariables {
  const state = useVariablesState().data;
  const texts = useMemo(() => draftTexts(draft), [draft]);
  const envNamesKey = processEnvNames(texts).join('\n');
  const envNames = useMemo(() => (envNamesKey === '' ? [] : envNamesKey.split('\n')), [envNamesKey]);
  const presence = useProcessEnvPresence(envNames);

  const layers = useMemo(
    // a saved request's collection and folder variables rank with the collection, as when it is sent
    () => withInheritedLayers(state ? layersFromState(state, draft.variables) : [requestLayer(draft.variables)], inherited),
    [state, draft.variables, inherited],
  );
  const resolver = useMemo(() => createResolver(layers, { processEnv: processEnvFromPresence(presence) }), [layers, presence]);
  const suggestions = useMemo(() => variableSuggestions(layers), [layers]);

  // describe() throws only for values that expand past 64 MiB (variables repeating each other): show that as a cycle
  const describe = useMemo(
    () =>
      (name: string): VariableDescription => {
        try {
          return resolver.describe(name);
        } catch {
          return { name, status: 'cycle', displayValue: '', secret: false, source: null, shadows: [], message: 'expands to more than 64 MiB' };
        }
      },
    [resolver],
  );
  const problems = useMemo(() => draftReferenceProblems(texts, describe), [texts, describe]);

  const lookup = useMemo<VariableLookup>(() => {
    // one description per name for this resolver: fields re-render on every keystroke
    const cache = new Map<string, ReferenceView>();
    return {
      suggestions,
      describe(name) {
        let view = cache.get(name);
        if (!view) {
          const description = describe(name);
          view = { tone: referenceTone(description), text: referenceHoverText(description, presence) };
          cache.set(name, view);
        }
        return view;
      },
    };
  }, [describe, presence, suggestions]);

  const definedIn = useMemo(
    () => (name: string) =>
      (state?.environments ?? [])
        .filter(
          (environment) =>
            environment.id !== state?.activeEnvironmentId && environment.variables.some((variable) => variable.enabled && variable.name === name),
        )
        .map((environment) => environment.name),
    [state],
  );

  return { lookup, problems, definedIn };
}
