import type { FileRef, HttpRequestSpec } from '../contract/http';

/** The request without the bytes of picked files (kept by name only): for files and the session alike. */
export function withoutFileBytes(spec: HttpRequestSpec): HttpRequestSpec {
  const body = spec.body;
  const strip = (file: FileRef | null): FileRef | null =>
    file === null || file.dataBase64 === '' ? file : { ...file, dataBase64: '', unavailable: true as const };
  if (body.kind === 'binary' && body.file && body.file.dataBase64 !== '') return { ...spec, body: { ...body, file: strip(body.file) } };
  if (body.kind === 'multipart' && body.parts.some((part) => part.kind === 'file' && part.file && part.file.dataBase64 !== '')) {
    return { ...spec, body: { ...body, parts: body.parts.map((part) => (part.kind === 'file' ? { ...part, file: strip(part.file) } : part)) } };
  }
  return spec;
}
