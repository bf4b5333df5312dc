import { useEffect, useRef, useState, type FormEvent } from 'react';
import { credentialFieldLabel, needsVaultToSave } from '../../../shared/auth';
import type { ContainerSettings, RequestAuth, SavedScripts, WorkspaceNode } from '../../../shared/contract';
import { createRow, isBlankRow, type KeyValueRow } from '../../../shared/request';
import { call } from '../../lib/bridge';
import { Button, ConfirmDialog, Dialog, Field, KeyValueTable } from '../../ui';
import { useVariablesState } from '../environments';
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

/** What Save would write, as text: the form has unsaved changes while it differs from the one read. */
const snapshotOf = (form: { name: string; variables: readonly KeyValueRow[]; headers: readonly KeyValueRow[]; auth: RequestAuth; scripts: SavedScripts }) =>
  JSON.stringify({ name: form.name.trim(), variables: fromRows(form.variables), headers: fromRows(form.headers), auth: form.auth, scripts: form.scripts });

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
  const [readSnapshot, setReadSnapshot] = useState<string | null>(null);
  const vault = useVariablesState().data?.vault ?? null;
  const [askingToDiscard, setAskingToDiscard] = useState(false);
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
        setReadSnapshot(
          snapshotOf({
            name: settings.name,
            variables: toRows(settings.variables),
            headers: toRows(settings.headers),
            auth: settings.auth,
            scripts: settings.scripts ?? {},
          }),
        );
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
  const dirty = readSnapshot === null ? name !== node.name : snapshotOf({ name, variables, headers, auth, scripts }) !== readSnapshot;
  // Esc and Cancel ask first when something typed here would be lost, as the Environments dialog and closing a tab do
  const requestClose = () => (dirty ? setAskingToDiscard(true) : onClose());
  return (
    <>
      <Dialog
        open
        size="wide"
        title={`${node.kind === 'folder' ? 'Folder' : 'Collection'} settings`}
        onClose={requestClose}
        description={<>Requests inside “{node.name}” use these unless they set their own. Plain values only: keep secrets in secret variables.</>}
        onSubmit={(event) => void submit(event)}
        actions={
          <>
            <Button onClick={requestClose}>Cancel</Button>
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
            <ContainerAuthFields auth={auth} onChange={setAuth} vault={vault} />
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
      {askingToDiscard ? (
        <ConfirmDialog
          title="Discard your changes?"
          description={<>The changes to the settings of “{node.name}” are not saved. Discarding puts them back to what was last saved.</>}
          confirmLabel="Discard changes"
          cancelLabel="Keep editing"
          onConfirm={onClose}
          onCancel={() => setAskingToDiscard(false)}
        />
      ) : null}
    </>
  );
}
