import { useId, useRef, useState, type ReactNode } from 'react';
import type { VariablesState } from '../../../shared/contract';
import { PRECEDENCE_LINE, environmentNameProblem } from '../../../shared/environments';
import { EnvironmentNameForm } from './environment-name-form';
import { ScopeButton } from './scope-button';
import { Button } from '../../ui';
import styles from './scope-sidebar.module.css';

interface ScopeSidebarProps {
  state: VariablesState;
  selectedId: string;
  dirty: boolean;
  /** how many variables the selected scope's draft holds: the list counts what is on screen, not what was saved */
  selectedCount: number;
  onSelect: (id: string) => void;
  onAddEnvironment: (name: string) => Promise<boolean>;
  /** shown under the scopes (the allowed process environment variables) */
  footer?: ReactNode;
}

/** The scopes, in the order precedence runs the other way: Globals, Workspace, then the environments. */
export function ScopeSidebar({ state, selectedId, dirty, selectedCount, onSelect, onAddEnvironment, footer }: ScopeSidebarProps) {
  const [adding, setAdding] = useState(false);
  // when the name form closes, focus goes back to the button that opened it rather than to the page
  const refocusAdd = useRef(false);
  const closeForm = () => {
    refocusAdd.current = true;
    setAdding(false);
  };
  const headingId = useId();
  const item = (id: string, title: string, count: number, active = false) => (
    <li key={id}>
      <ScopeButton
        title={title}
        count={id === selectedId ? selectedCount : count}
        active={active}
        selected={id === selectedId}
        dirty={dirty && id === selectedId}
        onSelect={() => onSelect(id)}
      />
    </li>
  );
  return (
    <nav className={styles.sidebar} aria-label="Variable scopes">
      <ul className={styles.scopes} aria-label="Shared scopes">
        {item(state.global.id, 'Globals', state.global.variables.length)}
        {item(state.collection.id, 'Workspace', state.collection.variables.length)}
      </ul>
      <h3 id={headingId} className={styles.heading}>
        Environments
      </h3>
      {state.environments.length > 0 ? (
        <ul className={styles.scopes} aria-labelledby={headingId}>
          {state.environments.map((env) => item(env.id, env.name, env.variables.length, env.id === state.activeEnvironmentId))}
        </ul>
      ) : (
        <p className={styles.empty}>None yet. An environment holds the values that differ between, say, dev, staging and prod.</p>
      )}
      {adding ? (
        <EnvironmentNameForm
          placement="sidebar"
          label="New environment name"
          submitLabel="Add"
          problemFor={(name) => environmentNameProblem(name, state.environments)}
          onSubmit={async (name) => {
            const created = await onAddEnvironment(name);
            if (created) closeForm();
            return created;
          }}
          onCancel={closeForm}
        />
      ) : (
        <Button
          ref={(button) => {
            if (button && refocusAdd.current) {
              refocusAdd.current = false;
              button.focus();
            }
          }}
          className={styles.add}
          onClick={() => setAdding(true)}
        >
          <span aria-hidden="true">+</span> Add environment
        </Button>
      )}
      <p className={styles.precedence} role="note">
        <span className={styles.precedenceLabel}>Precedence</span>
        {PRECEDENCE_LINE}
      </p>
      {footer}
    </nav>
  );
}
