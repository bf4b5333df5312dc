import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { contentTypeFor } from './mime-types';

interface StaticFile {
  filePath: string;
  contentType: string;
  size: number;
  /** index.html must never be cached: it names the hashed assets of the current build. */
  isDocument: boolean;
}

/**
 * Maps a URL path to a file inside root, or null. Both hosts (the web server and Electron's courier:// protocol) use
 * this one function, so the traversal rules are written once: the decoded path may not contain NUL or backslashes,
 * must stay inside root after normalisation, and must still be inside root once symlinks are followed.
 */
export async function resolveStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || !decoded.startsWith('/')) return null;
  const relative = decoded === '/' || decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  if (relative.split('/').some((segment) => segment === '..')) return null;

  let realRoot: string;
  try {
    realRoot = await realpath(root);
  } catch {
    return null;
  }
  const candidate = path.resolve(realRoot, `.${relative}`);
  if (!isInside(realRoot, candidate)) return null;
  try {
    const real = await realpath(candidate);
    if (!isInside(realRoot, real)) return null;
    const info = await stat(real);
    if (!info.isFile()) return null;
    return {
      filePath: real,
      contentType: contentTypeFor(real),
      size: info.size,
      isDocument: path.extname(real).toLowerCase() === '.html',
    };
  } catch {
    return null;
  }
}

function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}
