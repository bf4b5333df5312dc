import { useRef, useState } from 'react';
import type { VariableScopeView } from '../../../shared/contract';
import { environmentNameProblem } from '../../../shared/environments';
import { EnvironmentNameForm } from './environment-name-form';
import { Button } from '../../ui';
import styles from './scope-header.module.css';
import editor from './environment-editor.module.css';

interface ScopeHeaderProps {
  scope: VariableScopeView;
  title: string;
  environments: readonly VariableScopeView[];
  active: boolean;
  dirty: boolean;
  busy: boolean;
  onRename: (name: string) => Promise<boolean>;
  onDuplicate: () => void;
  onDelete: () => void;
  onMakeActive: () => void;
}

function describe(scope: VariableScopeView, active: boolean): string {
  if (scope.kind === 'global') return 'Available to every request. Workspace and environment variables with the same name take precedence.';
  if (scope.kind === 'collection') return 'Shared by the requests of this workspace. The active environment’s variables take precedence.';
  return active
    ? 'The active environment: its variables take precedence over the workspace and the globals.'
    : 'Not active: its variables are used once it is chosen as the active environment.';
}

/** The selected scope's name and what it is for; for an environment, what can be done with it. */
export function ScopeHeader({ scope, title, environments, active, dirty, busy, onRename, onDuplicate, onDelete, onMakeActive }: ScopeHeaderProps) {
  const [renaming, setRenaming] = useState(false);
  const refocusRename = useRef(false);
  const isEnvironment = scope.kind === 'environment';
  const stopRenaming = () => {
    refocusRename.current = true;
    setRenaming(false);
  };
  return (
    <div className={styles.header}>
      <div className={styles.line}>
        {renaming ? (
          <EnvironmentNameForm
            placement="header"
            label="Environment name"
            submitLabel="Rename"
            initial={scope.name}
            problemFor={(name) => environmentNameProblem(name, environments, scope.id)}
            onSubmit={async (name) => {
              const done = name === scope.name || (await onRename(name));
              if (done) stopRenaming();
              return done;
            }}
            onCancel={stopRenaming}
          />
        ) : (
          <h3 className={styles.title}>
            {title}
            {isEnvironment && active ? <span className={`${editor.pill} ${editor.pillActive}`}>active</span> : null}
          </h3>
        )}
        {isEnvironment && !renaming ? (
          <div className={styles.actions} role="group" aria-label={`Environment ${scope.name}`}>
            {active ? null : (
              <Button disabled={busy} onClick={onMakeActive}>
                Make active
              </Button>
            )}
            <Button
              ref={(button) => {
                if (button && refocusRename.current) {
                  refocusRename.current = false;
                  button.focus();
                }
              }}

              disabled={busy}
              onClick={() => setRenaming(true)}
            >
              Rename
            </Button>
            <Button
              disabled={busy || dirty}
              title={dirty ? 'Save or revert your changes first: the copy is made from what is saved' : undefined}
              onClick={onDuplicate}
            >
              Duplicate
            </Button>
            <Button variant="danger-quiet" disabled={busy} onClick={onDelete}>
              Delete
            </Button>
          </div>
        ) : null}
      </div>
      <p className={styles.note}>{describe(scope, active)}</p>
    </div>
  );
}
