/**
 * Saves through an ordinary browser download: Electron shows its save dialog for it and a browser its download
 * bar, so the same code works in both hosts without a bridge method.
 */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: revoking at once can cancel the download before the browser has started reading the blob.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const EXTENSIONS: Record<string, string> = {
  'application/json': 'json',
  'text/html': 'html',
  'text/plain': 'txt',
  'application/xml': 'xml',
  'text/xml': 'xml',
  'text/csv': 'csv',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/svg+xml': 'svg',
  'application/pdf': 'pdf',
};

export function suggestedFileName(url: string, contentType: string | null): string {
  let base = 'response';
  try {
    const last = new URL(url).pathname.split('/').filter(Boolean).pop();
    if (last) base = decodeURIComponent(last).replace(/[^\w.-]+/g, '_');
  } catch {
    // keep the default name
  }
  if (/\.\w{1,5}$/.test(base)) return base;
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const ext = EXTENSIONS[type] ?? (type.endsWith('+json') ? 'json' : 'bin');
  return `${base}.${ext}`;
}
