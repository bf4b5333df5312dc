import { useEffect, useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { ImportedRequest, ImportResult } from '../../../shared/contract';
import { acceptedFormatsSentence } from '../../../shared/importers/accepted-formats';
import { decodeImportFile } from '../../../shared/importers/decode-file';
import { summarizeImport } from '../../../shared/importers/import-summary';
import { useHostCapabilities } from '../../lib/app-info';
import { call } from '../../lib/bridge';
import { Button, buttonClass, Dialog, formControls } from '../../ui';
import { ImportNotice, type ImportOutcome } from './import-notice';
import { ImportPreview } from './import-preview';
import { ImportProgress } from './import-progress';
import { ImportTargetField, useImportTarget } from './import-target-field';
import { saveImportedEnvironments } from './save-imported-environments';
import { isCancelled, useImportParse } from './use-import-parse';
import { ImportVaultMessage } from './import-vault-message';
import shared from './import-export-shared.module.css';
import styles from './import-dialog.module.css';

export interface ImportDialogProps {
  open: boolean;
  onClose: () => void;
  /** opens one imported request in the builder */
  onOpenRequest: (request: ImportedRequest) => void;
  /** the collections are in the workspace and the environments created: the app shows them (tree, first request) */
  onImport: (outcome: ImportOutcome) => void;
  /** text to preview at once (a paste of several curl commands into the URL bar); re-key the dialog to change it */
  initialText?: string | null;
  /** opens the vault dialog over this one, for an import whose secret values need the vault unlocked */
  onOpenVault?: () => void;
}

/**
 * Keeps an import: the collections go into the workspace in one call (all or nothing), or, with `into`, their
 * requests into that existing collection; then the environments the importer found are created. Returns what
 * happened, with the importer's per-item warnings and the workspace's (a literal credential left out of a file) together.
 */
async function keepImport({ imported, into }: { imported: ImportResult; into?: string }): Promise<ImportOutcome> {
  const saved =
    imported.collections.length > 0
      ? await call('workspace.importCollections', { collections: imported.collections, ...(into ? { into } : {}) })
      : { collections: [], warnings: [] };
  const environments = await saveImportedEnvironments(imported);
  return {
    collections: saved.collections,
    ...(saved.into ? { into: saved.into } : {}),
    environments: environments.created,
    summary: summarizeImport(imported),
    warnings: [
      ...imported.warnings.map((warning) => (warning.item === '' ? warning.message : `${warning.item}: ${warning.message}`)),
      ...saved.warnings,
      ...environments.skipped.map((name) => `Variable “${name}”: not a valid variable name here, so it was left out of the environment.`),
      ...environments.needValue.map(
        (name) => `Secret “${name}”: the vault was locked, so its value was not imported (it is never stored in plain text). Unlock the vault and set it.`,
      ),
    ],
  };
}

/**
 * Paste text or choose a file; Courier works out the format, shows what would be imported and what would not, and
 * imports only when asked. Parsing runs in the main process ($ref resolution, big files).
 */
export function ImportDialog({ open, onClose, onOpenRequest, onImport, initialText = null, onOpenVault }: ImportDialogProps) {
  const [text, setText] = useState(initialText ?? '');
  const [fileName, setFileName] = useState<string | null>(null);
  const [folder, setFolder] = useState('');
  const [folderError, setFolderError] = useState<string | null>(null);
  // Browse… only where a native folder dialog exists (the desktop app); in web mode the path is typed
  const { folderDialog } = useHostCapabilities();
  // a collection kept as a folder (Bruno) is read by the main process from its path; a text reports its steps
  const { parse, phase, cancelling, cancel } = useImportParse();
  const target = useImportTarget(parse.data);
  const browseFolder = async () => {
    const picked = await call('workspace.pickFolder', {});
    if (!picked.supported) setFolderError('This window cannot show a folder dialog. Type the folder’s full path instead.');
    else if (picked.path) {
      setFolder(picked.path);
      setFolderError(null);
      parse.mutate({ folder: picked.path });
    }
  };
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const keep = useMutation({
    mutationFn: keepImport,
    onSuccess: (kept) => {
      setOutcome(kept);
      parse.reset();
      setText('');
      setFileName(null);
      setFolder('');
      target.reset();
      onClose();
      onImport(kept);
    },
  });

  // the app re-keys the dialog for each new initial text, so the field starts with it and the preview runs once
  const { mutate: preview } = parse;
  useEffect(() => {
    if (initialText !== null) preview(initialText);
  }, [initialText, preview]);

  const [fileError, setFileError] = useState<string | null>(null);
  const readFile = async (file: File) => {
    const decoded = decodeImportFile(file.name, new Uint8Array(await file.arrayBuffer()));
    // a binary file is said by name; the box and the preview stay as they were
    if (!decoded.ok) {
      setFileError(decoded.message);
      return;
    }
    setFileError(null);
    setFileName(file.name);
    setText(decoded.text.length > 200_000 ? '' : decoded.text);
    parse.mutate(decoded.text);
  };

  // A paste is a whole text: it is previewed at once, as a file is. Typing is previewed on request (Preview), since
  // every half-typed command would be read and reported as not understood.
  const pasting = useRef(false);
  const result = parse.data;
  const waitingForPreview = text.trim() !== '' && !result && parse.isIdle;
  return (
    <>
      <ImportNotice outcome={outcome} onDismiss={() => setOutcome(null)} />
      <Dialog
        open={open}
        // what was pasted and previewed is still there when the dialog is opened again
        keepMounted
        size="large"
        title="Import"
        description={`Courier reads ${acceptedFormatsSentence()}.`}
        onClose={onClose}
        actions={
          <>
            <Button
              onClick={() => {
                // closing the dialog stops a running import too: nothing of it would be kept
                cancel();
                onClose();
              }}
            >
              Cancel
            </Button>
            <Button
              variant="primary"
              disabled={!result || keep.isPending}
              onClick={() => {
                if (result) keep.mutate({ imported: result, into: target.into });
              }}
            >
              {keep.isPending ? 'Importing…' : 'Import'}
            </Button>
          </>
        }
      >
        <label className={styles.field}>
          <span>Paste text</span>
          <textarea
            className={styles.textarea}
            aria-label="Text to import"
            spellCheck={false}
            value={text}
            placeholder={fileName ? `${fileName} (too large to show)` : "curl 'https://api.example.com' -H 'accept: application/json'"}
            onPaste={() => {
              pasting.current = true;
            }}
            onChange={(event) => {
              setText(event.target.value);
              setFileName(null);
              setFileError(null);
              parse.reset();
              if (pasting.current && event.target.value.trim() !== '') parse.mutate(event.target.value);
              pasting.current = false;
            }}
          />
        </label>
        <div className={shared.row}>
          <label className={buttonClass()}>
            Choose file…
            <input
              type="file"
              className="visually-hidden"
              aria-label="Choose a file to import"
              accept=".json,.yaml,.yml,.har,.txt,.sh"
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) void readFile(file);
                event.target.value = '';
              }}
            />
          </label>
          <Button disabled={text.trim() === '' || parse.isPending} onClick={() => parse.mutate(text)}>
            {parse.isPending ? 'Reading…' : 'Preview'}
          </Button>
          {fileName ? <span className={formControls.muted}>{fileName}</span> : null}
          {waitingForPreview ? (
            <span className={formControls.muted} role="status">
              Preview shows what the text holds; Import is offered after it.
            </span>
          ) : null}
        </div>
        <form
          className={shared.row}
          onSubmit={(event) => {
            event.preventDefault();
            if (folder.trim() !== '') parse.mutate({ folder: folder.trim() });
          }}
        >
          <label className={`${styles.field} ${styles.inline}`}>
            <span>Bruno collection folder</span>
            <input
              className={styles.folder}
              aria-label="Bruno collection folder path"
              spellCheck={false}
              placeholder="/home/you/collections/my-api"
              value={folder}
              onChange={(event) => {
                setFolder(event.target.value);
                setFolderError(null);
              }}
            />
          </label>
          {folderDialog ? <Button onClick={() => void browseFolder()}>Browse…</Button> : null}
          <Button type="submit" disabled={folder.trim() === '' || parse.isPending}>
            Read folder
          </Button>
        </form>
        {fileError ? (
          <p className={shared.error} role="alert">
            {fileError}
          </p>
        ) : null}
        {folderError ? (
          <p className={shared.error} role="alert">
            {folderError}
          </p>
        ) : null}
        {parse.isPending ? <ImportProgress phase={phase} cancelling={cancelling} onCancel={cancel} /> : null}
        {isCancelled(parse.error) ? (
          <p className={formControls.muted} role="status">
            Import cancelled: nothing was imported.
          </p>
        ) : parse.isError || keep.isError ? (
          <p className={shared.error} role="alert">
            {(parse.error ?? keep.error)?.message}
          </p>
        ) : null}
        {result ? <ImportVaultMessage result={result} onOpenVault={onOpenVault} /> : null}
        {target.field ? <ImportTargetField {...target.field} /> : null}
        {result ? (
          <ImportPreview
            result={result}
            onOpen={(request) => {
              onOpenRequest(request);
              onClose();
            }}
          />
        ) : null}
      </Dialog>
    </>
  );
}
