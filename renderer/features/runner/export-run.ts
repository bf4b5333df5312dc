import type { RunReportFormat } from '../../../shared/contract';
import { call } from '../../lib/bridge';
import { downloadName, saveBlob } from '../../lib/save-blob';

const TYPES = { json: 'application/json', junit: 'application/xml', html: 'text/html' } as const;
const EXTENSIONS = { json: '.run.json', junit: '.junit.xml', html: '.run.html' } as const;

const runReportFileName = (name: string, format: RunReportFormat): string => downloadName(name, EXTENSIONS[format], 'run');

/** A kept run as a report download; the main process writes the report from the kept (masked) run. */
export async function exportRun(runId: string, name: string, format: RunReportFormat): Promise<void> {
  const { text } = await call('runner.export', { runId, format });
  saveBlob(new Blob([text], { type: TYPES[format] }), runReportFileName(name, format));
}
