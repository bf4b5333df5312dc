import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { HttpRequestSpec } from '../../../shared/contract';
import { prepareExport } from '../../../shared/exporters';
import { layersFromState, type VariableLayer } from '../../../shared/variables';
import { withInheritedLayers } from '../../../shared/workspace';
import { useAppInfo } from '../../lib/app-info';
import { call } from '../../lib/bridge';
import { downloadName, saveBlob } from '../../lib/save-blob';
import { Button, Dialog, Field } from '../../ui';
import { useVariablesState } from '../environments';
import { EXPORT_FORMATS, isSnippet, localExport, type ExportFormat } from './export-formats';
import { ExportInputsList } from './export-inputs-list';
import shared from './import-export-shared.module.css';
import styles from './export-dialog.module.css';

export interface ExportDialogProps {
  /** the request to export, read when the dialog opens; null = closed */
  request: HttpRequestSpec | null;
  /** the request's name as its tab shows it; absent: method and path */
  name?: string;
  /** variables of the collection and folders a saved request is in, nearest first: they resolve as on Send */
  inheritedLayers?: readonly VariableLayer[];
  onClose: () => void;
}

const NO_LAYERS: readonly VariableLayer[] = [];

function requestName(spec: HttpRequestSpec): string {
  const path = spec.url.replace(/^[a-z]+:\/\/[^/]*/i, '').split('?')[0] ?? '';
  return `${spec.method} ${path || '/'}`.replace(/[\\/:*?"<>|]+/g, '_').slice(0, 80);
}

/**
 * Copy the request as curl or code, or download it as a Postman collection or HAR. Plain variables are written by
 * value; secrets never are: they become environment-variable lookups ("$TOKEN", %TOKEN%, process.env.TOKEN).
 */
export function ExportDialog({ request, name: givenName, inheritedLayers = NO_LAYERS, onClose }: ExportDialogProps) {
  const [format, setFormat] = useState<ExportFormat>('curl-bash');
  const [copied, setCopied] = useState(false);
  const variables = useVariablesState();

  const prepared = useMemo(() => {
    if (!request) return null;
    const layers = withInheritedLayers(variables.data ? layersFromState(variables.data, []) : [], inheritedLayers);
    return prepareExport(request, { layers });
  }, [request, variables.data, inheritedLayers]);
  // the name as the tab shows it; the download's file name is made safe where it is saved (downloadName)
  const name = request ? givenName?.trim() || requestName(request) : 'request';
  const appVersion = useAppInfo().data?.version ?? '';
  const local = request && prepared && !isSnippet(format) ? localExport(format, prepared, request, name, appVersion) : null;
  const snippet = useQuery({
    queryKey: ['export', 'snippet', format, prepared],
    queryFn: () => call('export.snippet', { request: prepared!, target: format as never }),
    enabled: prepared !== null && isSnippet(format),
  });
  const text = local ? local.text : (snippet.data?.code ?? '');
  // exactly the names the code shown reads, for the chosen target (Basic auth differs: see shared/exporters/auth-slots.ts)
  const inputs = local ? local.inputs : (snippet.data?.inputs ?? []);

  const copy = async () => {
    await navigator.clipboard.writeText(text);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };

  return (
    <Dialog
      open={request !== null}
      size="xlarge"
      title="Export request"
      onClose={onClose}
      actions={
        <>
          {local?.fileName ? (
            <Button onClick={() => saveBlob(new Blob([text], { type: 'application/json' }), downloadName(local.fileName!, ''))}>Download</Button>
          ) : null}
          <Button disabled={text === ''} onClick={() => void copy()}>
            {copied ? 'Copied' : 'Copy'}
          </Button>
          <Button variant="primary" onClick={onClose}>
            Close
          </Button>
        </>
      }
    >
      <Field label="Format" inline>
        {(control) => (
          <select {...control} value={format} onChange={(event) => setFormat(event.target.value as ExportFormat)}>
            {EXPORT_FORMATS.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {inputs.length > 0 ? <ExportInputsList inputs={inputs} postman={format === 'postman' || format === 'har'} /> : null}
      {snippet.isError && isSnippet(format) ? (
        <p className={shared.error} role="alert">
          {snippet.error.message}
        </p>
      ) : null}
      <pre className={styles.code} aria-label="Exported text" tabIndex={0}>
        {isSnippet(format) && snippet.isPending ? 'Writing…' : text}
      </pre>
    </Dialog>
  );
}
