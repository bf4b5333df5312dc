import Papa from 'papaparse';

/** One iteration's data: column (or key) → value, the way {{column}} reads it. */
export type DataRow = Record<string, string>;

export class DataFileError extends Error {}

function asText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value as number | boolean);
}

function fromJson(text: string, fileName: string): DataRow[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new DataFileError(`${fileName} is not valid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(parsed)) throw new DataFileError(`${fileName} must hold a JSON array of objects, one per iteration.`);
  return parsed.map((row: unknown, index) => {
    if (row === null || typeof row !== 'object' || Array.isArray(row)) {
      throw new DataFileError(`${fileName}: item ${index + 1} is not an object ({ "name": "value", … }).`);
    }
    return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, asText(value)]));
  });
}

function fromCsv(text: string, fileName: string): DataRow[] {
  // header: the first line names the variables, as in Postman's and newman's data files
  const parsed = Papa.parse<Record<string, string | undefined>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' });
  // one column has no delimiter to detect, and a short row reads its missing cells as empty, as Postman's runner does
  const fatal = parsed.errors.find((error) => error.code !== 'UndetectableDelimiter' && error.code !== 'TooFewFields');
  if (fatal) throw new DataFileError(`${fileName}: line ${(fatal.row ?? 0) + 2}: ${fatal.message}`);
  return parsed.data.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key.trim(), value ?? ''])));
}

/**
 * A runner's data file: a JSON array of objects, or CSV whose first line names the columns. Decided by the content
 * (a leading '[' or '{' is JSON), not the extension, so `data.txt` works as newman's does.
 */
export function parseDataFile(text: string, fileName: string): DataRow[] {
  const json = /^\s*[[{]/.test(text) || /\.json$/i.test(fileName);
  const rows = json ? fromJson(text, fileName) : fromCsv(text, fileName);
  if (rows.length === 0) throw new DataFileError(`${fileName} has no rows: add at least one line of values under the header.`);
  return rows;
}
