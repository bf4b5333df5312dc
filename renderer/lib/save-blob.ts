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

/** A download name every file system accepts: separators and reserved characters become "-". */
export function downloadName(name: string, extension: string, fallback = 'collection'): string {
  // eslint-disable-next-line no-control-regex
  const safe = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '-').trim() || fallback;
  return `${safe}${extension}`;
}
