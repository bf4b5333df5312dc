import { randomBytes } from 'node:crypto';
import { CourierError, type FileRef, type RequestBody } from '../../../shared/contract';
import { graphqlGetParams, graphqlPostBody } from '../../../shared/graphql';
import { describeHeaderValueProblem, headerValueProblem } from './header-value';

interface EncodedBody {
  bytes: Buffer | null;
  /** what Content-Type to send unless the user set one */
  contentType: string | null;
  /** appended to the URL's query (a GraphQL request sent by GET) */
  queryParams?: [string, string][];
}

function decodeFile(file: FileRef): Buffer {
  // Buffer.from ignores invalid base64 characters silently; a strict check keeps a corrupt pick from being sent.
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(file.dataBase64.replace(/\s+/g, ''))) {
    throw new CourierError('INVALID_BODY', `The file "${file.fileName}" could not be read (its data is not valid base64).`, file.fileName);
  }
  return Buffer.from(file.dataBase64, 'base64');
}

/** The body's own content type becomes the Content-Type header: it must be a valid header value. */
function bodyContentType(value: string): string {
  const problem = headerValueProblem(value);
  if (problem !== null) {
    throw new CourierError(
      'INVALID_HEADER',
      `The body's content type (sent as the Content-Type header) ${describeHeaderValueProblem(problem)}.`,
      'Content-Type',
    );
  }
  return value;
}

function partContentType(partName: string, value: string): string {
  const problem = headerValueProblem(value);
  if (problem !== null) {
    throw new CourierError(
      'INVALID_BODY',
      `The content type of the file part "${partName.slice(0, 100)}" ${describeHeaderValueProblem(problem)}.`,
      partName.slice(0, 100),
    );
  }
  return value;
}

// Quotes and line breaks in names would end the Content-Disposition parameter early; browsers percent-encode them.
function dispositionValue(value: string): string {
  return value.replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/"/g, '%22');
}

function encodeMultipart(parts: Extract<RequestBody, { kind: 'multipart' }>['parts']): EncodedBody {
  const boundary = `----CourierFormBoundary${randomBytes(12).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    if (part.enabled === false) continue;
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${dispositionValue(part.name)}"`;
    if (part.kind === 'text') {
      chunks.push(Buffer.from(`${head}\r\n\r\n`, 'utf8'), Buffer.from(part.value, 'utf8'), Buffer.from('\r\n'));
    } else {
      if (part.file === null) continue;
      head += `; filename="${dispositionValue(part.file.fileName)}"\r\nContent-Type: ${partContentType(part.name, part.file.contentType || 'application/octet-stream')}`;
      chunks.push(Buffer.from(`${head}\r\n\r\n`, 'utf8'), decodeFile(part.file), Buffer.from('\r\n'));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { bytes: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

export function encodeRequestBody(body: RequestBody): EncodedBody {
  switch (body.kind) {
    case 'none':
      return { bytes: null, contentType: null };
    case 'json':
      // Sent exactly as typed, even when it does not parse: the user may be testing how a server handles bad JSON.
      return { bytes: Buffer.from(body.text, 'utf8'), contentType: 'application/json' };
    case 'text':
      return { bytes: Buffer.from(body.text, 'utf8'), contentType: bodyContentType(body.contentType || 'text/plain') };
    case 'form': {
      const params = new URLSearchParams();
      for (const field of body.fields) if (field.enabled !== false) params.append(field.name, field.value);
      return { bytes: Buffer.from(params.toString(), 'utf8'), contentType: 'application/x-www-form-urlencoded' };
    }
    case 'multipart':
      return encodeMultipart(body.parts);
    case 'binary':
      if (body.file === null) return { bytes: null, contentType: null };
      return { bytes: decodeFile(body.file), contentType: bodyContentType(body.file.contentType || 'application/octet-stream') };
    case 'graphql':
      if (body.method === 'GET') return { bytes: null, contentType: null, queryParams: graphqlGetParams(body) };
      return { bytes: Buffer.from(graphqlPostBody(body), 'utf8'), contentType: 'application/json' };
  }
}
