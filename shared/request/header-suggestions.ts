import { HTTP_TOKEN } from '../contract/values';
import { isBlankRow, type KeyValueRow } from './rows';

/** Offered in the header name <datalist>; the ones people type most in an API client. */
export const COMMON_HEADER_NAMES = [
  'Accept',
  'Accept-Charset',
  'Accept-Encoding',
  'Accept-Language',
  'Authorization',
  'Cache-Control',
  'Connection',
  'Content-Disposition',
  'Content-Encoding',
  'Content-Language',
  'Content-Type',
  'Cookie',
  'DNT',
  'Forwarded',
  'From',
  'If-Match',
  'If-Modified-Since',
  'If-None-Match',
  'If-Range',
  'If-Unmodified-Since',
  'Origin',
  'Pragma',
  'Prefer',
  'Range',
  'Referer',
  'TE',
  'User-Agent',
  'X-API-Key',
  'X-Correlation-ID',
  'X-Forwarded-For',
  'X-Forwarded-Host',
  'X-Forwarded-Proto',
  'X-Request-ID',
  'X-Requested-With',
] as const;

/** Values worth suggesting for a few headers; others get no value suggestions. */
export function suggestHeaderValues(headerName: string): readonly string[] {
  switch (headerName.trim().toLowerCase()) {
    case 'content-type':
    case 'accept':
      return [
        'application/json',
        'application/xml',
        'text/plain',
        'text/html',
        'application/x-www-form-urlencoded',
        'multipart/form-data',
        'application/octet-stream',
        '*/*',
      ];
    case 'accept-encoding':
      return ['gzip, deflate, br', 'gzip', 'identity'];
    case 'authorization':
      return ['Bearer ', 'Basic '];
    case 'cache-control':
      return ['no-cache', 'no-store', 'max-age=0'];
    case 'connection':
      return ['keep-alive', 'close'];
    default:
      return [];
  }
}

interface RowProblem {
  rowId: string;
  message: string;
}

/** Header rows that cannot be sent as typed, each with a reason in plain words. Disabled and blank rows are ignored. */
export function validateHeaderRows(rows: readonly KeyValueRow[]): RowProblem[] {
  const problems: RowProblem[] = [];
  for (const row of rows) {
    if (!row.enabled || isBlankRow(row)) continue;
    const name = row.name.trim();
    if (name === '') {
      problems.push({ rowId: row.id, message: 'This header has a value but no name.' });
    } else if (!HTTP_TOKEN.test(name)) {
      const bad = [...name].find((char) => !HTTP_TOKEN.test(char)) ?? '';
      const shown = bad === ' ' ? 'a space' : `"${bad}"`;
      problems.push({ rowId: row.id, message: `Header name "${name}" contains ${shown}, which header names cannot contain.` });
    } else if (/[\r\n\0]/.test(row.value)) {
      problems.push({ rowId: row.id, message: `The value of "${name}" contains a line break, which header values cannot contain.` });
    }
  }
  return problems;
}
