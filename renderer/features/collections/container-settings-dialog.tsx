import { useEffect, useRef, useState, type FormEvent } from 'react';
import { credentialFieldLabel, needsVaultToSave } from '../../../shared/auth';
import type { ContainerSettings, RequestAuth, SavedScripts, WorkspaceNode } from '../../../shared/contract';
import { createRow, isBlankRow, type KeyValueRow } from '../../../shared/request';
import { call } from '../../lib/bridge';
import { Button, Dialog, Field, KeyValueTable } from '../../ui';
import { ScriptEditor } from '../scripts';
import { ContainerAuthFields } from './container-auth-fields';
import { saveFailureOf, VaultSaveMessage, type SaveFailure } from './vault-save-message';
import styles from './dialogs.module.css';

interface ContainerSettingsDialogProps {
  node: WorkspaceNode | null;
  onClose: () => void;
  onWarnings: (warnings: string[]) => void;
  /** opens the vault dialog over this one: a typed credential needs it, and what was typed here stays */
  onOpenVault?: () => void;
}

const toRows = (list: ContainerSettings['variables']): KeyValueRow[] => list.map((v) => createRow({ name: v.name, value: v.value, enabled: v.enabled }));
const fromRows = (rows: readonly KeyValueRow[]) =>
  rows.filter((row) => !isBlankRow(row)).map((row) => ({ name: row.name.trim(), value: row.value, enabled: row.enabled }));

/** Variables, headers and auth a collection or folder gives every request inside it. */
export function ContainerSettingsDialog({ node, onClose, onWarnings, onOpenVault }: ContainerSettingsDialogProps) {
  return node ? <SettingsForm node={node} onClose={onClose} onWarnings={onWarnings} onOpenVault={onOpenVault} /> : null;
}

function SettingsForm({ node, onClose, onWarnings, onOpenVault }: Omit<ContainerSettingsDialogProps, 'node'> & { node: WorkspaceNode }) {
  const [loaded, setLoaded] = useState(false);
  const [name, setName] = useState(node.name);
  const [variables, setVariables] = useState<KeyValueRow[]>([]);
  const [headers, setHeaders] = useState<KeyValueRow[]>([]);
  const [auth, setAuth] = useState<RequestAuth>({ kind: 'none' });
  const [error, setError] = useState<SaveFailure | null>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  // kept whole even when not edited here, so saving the other settings never drops imported scripts
  const [scripts, setScripts] = useState<SavedScripts>({});
  // Until the stored settings are read, only the name (shown from the tree) can be edited: the other fields are not
  // shown, so nothing picked in them can be overwritten by the read when it lands on a busy machine.
  useEffect(() => {
    call('workspace.readContainer', { path: node.path })
      .then((settings) => {
        setName((typed) => (typed === node.name ? settings.name : typed));
        setVariables(toRows(settings.variables));
        setHeaders(toRows(settings.headers));
        setAuth(settings.auth);
        setScripts(settings.scripts ?? {});
        setLoaded(true);
      })
      .catch((failure: unknown) => setError(saveFailureOf(failure)));
  }, [node.path, node.name]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const result = await call('workspace.saveContainer', {
        path: node.path,
        settings: { name: name.trim() || node.name, variables: fromRows(variables), headers: fromRows(headers), auth, scripts },
      });
      onWarnings(result.warnings);
      onClose();
    } catch (failure) {
      setError(saveFailureOf(failure));
    }
  };
  return (
    <Dialog
      open
      size="wide"
      title={`${node.kind === 'folder' ? 'Folder' : 'Collection'} settings`}
      onClose={onClose}
      description={<>Requests inside “{node.name}” use these unless they set their own. Plain values only: keep secrets in secret variables.</>}
      onSubmit={(event) => void submit(event)}
      actions={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button ref={submitRef} type="submit" variant="primary" disabled={!loaded}>
            Save
          </Button>
        </>
      }
    >
      <Field label="Name">{(control) => <input {...control} value={name} onChange={(event) => setName(event.target.value)} data-autofocus />}</Field>
      {loaded ? (
        <>
          <h3 className={styles.subtitle}>Variables</h3>
          <div className={styles.table}>
            <KeyValueTable
              label="Variables"
              itemName="variable"
              rows={variables}
              onChange={setVariables}
              createRow={(id, n, v) => ({ ...createRow({ name: n, value: v }), id })}
            />
          </div>
          <h3 className={styles.subtitle}>Headers</h3>
          <div className={styles.table}>
            <KeyValueTable
              label="Headers"
              itemName="header"
              rows={headers}
              onChange={setHeaders}
              createRow={(id, n, v) => ({ ...createRow({ name: n, value: v }), id })}
              namePlaceholder="Header"
            />
          </div>
          <ContainerAuthFields auth={auth} onChange={setAuth} />
          <h3 className={styles.subtitle}>Scripts</h3>
          <div className={styles.scripts}>
            <ScriptEditor
              label="Pre-request script (runs before every request inside, outermost first)"
              height={120}
              value={scripts.preRequest ?? ''}
              onChange={(preRequest) => setScripts({ ...scripts, preRequest })}
            />
            <ScriptEditor
              label="Post-response script (pm.test results show with the response)"
              height={120}
              value={scripts.postResponse ?? ''}
              onChange={(postResponse) => setScripts({ ...scripts, postResponse })}
            />
          </div>
        </>
      ) : error ? null : (
        <p className={styles.message} role="status">
          Reading the settings…
        </p>
      )}
      <VaultSaveMessage
        failure={error}
        submitRef={submitRef}
        onOpenVault={onOpenVault}
        typedSecret={needsVaultToSave(auth) ? `The ${credentialFieldLabel(auth)}` : null}
      />
    </Dialog>
  );
}
