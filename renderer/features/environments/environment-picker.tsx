import { toErrorView } from './error-view';
import { useVariablesMutation, useVariablesState } from './variables-queries';
import styles from './environment-picker.module.css';

/** The top bar's choice of active environment; its variables take precedence over the workspace's and the globals. */
export function EnvironmentPicker() {
  const state = useVariablesState();
  const setActive = useVariablesMutation('environments.setActive');
  const failure = setActive.error ? toErrorView(setActive.error).message : null;
  return (
    <span className={styles.picker}>
      <span className={styles.glyph} aria-hidden="true" />
      <select
        className={styles.select}
        aria-label="Active environment"
        aria-invalid={failure ? true : undefined}
        title={state.error ? `Environments are unavailable: ${toErrorView(state.error).message}` : undefined}
        disabled={!state.data}
        value={state.data?.activeEnvironmentId ?? ''}
        onChange={(event) => setActive.mutate({ id: event.target.value === '' ? null : event.target.value })}
      >
        <option value="">No environment</option>
        {state.data?.environments.map((env) => (
          <option key={env.id} value={env.id}>
            {env.name}
          </option>
        ))}
      </select>
      {failure ? (
        <span role="alert" className={styles.error}>
          {failure}
        </span>
      ) : null}
    </span>
  );
}
