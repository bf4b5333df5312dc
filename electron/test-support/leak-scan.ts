import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

/**
 * The byte forms a secret can take on disk, written here independently of the app's own redaction so the leak
 * tests do not grade the redactor with itself: plain, URL-encoded (both ways of writing a space), JSON-escaped,
 * and base64 (standard and URL-safe) at each of the three alignments it can have inside a longer encoding such as
 * Basic credentials "user:secret"; and as servers echo it: PHP's json_encode, .NET's encoders, HTML entities,
 * JSON inside a JSON string.
 */
export function leakNeedles(secret: string): { form: string; bytes: Buffer }[] {
  const plain = Buffer.from(secret, 'utf8');
  const forms = new Map<string, string>();
  forms.set(secret, 'plain');
  forms.set(encodeURIComponent(secret), 'url-encoded');
  forms.set(encodeURIComponent(secret).replace(/%20/g, '+'), 'form-encoded');
  forms.set(JSON.stringify(secret).slice(1, -1), 'json-escaped');
  // what other servers and frameworks make of it when they echo it back
  const jsonEscaped = JSON.stringify(secret).slice(1, -1);
  const hex4 = (code: number) => code.toString(16).toUpperCase().padStart(4, '0');
  const special = /[^A-Za-z0-9]/g;
  forms.set(jsonEscaped.replace(/\//g, '\\/'), 'php json_encode');
  forms.set(
    secret.replace(/[+<>&'"`\\\u0080-\uffff]/g, (char) => `\\u${hex4(char.charCodeAt(0))}`),
    '.NET JavaScriptEncoder',
  );
  forms.set(
    secret.replace(special, (char) => `\\u${hex4(char.charCodeAt(0))}`),
    'unicode-escaped',
  );
  forms.set(
    encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()),
    'percent-encoded lowercase',
  );
  forms.set(secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'), 'html-escaped');
  forms.set(
    secret.replace(special, (char) => `&#${char.charCodeAt(0)};`),
    'html decimal entities',
  );
  forms.set(
    secret.replace(special, (char) => `&#x${char.charCodeAt(0).toString(16).toUpperCase()};`),
    'html hex entities',
  );
  forms.set(JSON.stringify(jsonEscaped).slice(1, -1), 'json in a json string');
  for (let shift = 0; shift < 3; shift++) {
    // Prefix `shift` bytes, encode, then keep only the characters that depend on the secret's bytes alone.
    const encoded = Buffer.concat([Buffer.alloc(shift, 0x41), plain])
      .toString('base64')
      .replace(/=+$/, '');
    const start = shift === 0 ? 0 : shift + 1;
    // characters wholly inside the secret's bits: the last partial one depends on what follows it
    const end = Math.floor(((shift + plain.length) * 8) / 6);
    const core = encoded.slice(start, Math.max(start, end));
    if (core.length >= 8) {
      forms.set(core, `base64 (alignment ${shift})`);
      forms.set(core.replace(/\+/g, '-').replace(/\//g, '_'), `base64url (alignment ${shift})`);
    }
  }
  return [...forms].map(([form, name]) => ({ form: name, bytes: Buffer.from(form, 'utf8') }));
}

interface LeakHit {
  file: string;
  form: string;
  /** true when found after inflating a gzip file (history bodies are stored compressed) */
  inflated: boolean;
}

async function* filesUnder(dir: string): AsyncGenerator<string> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full);
    else if (entry.isFile()) yield full;
  }
}

/** Every file under the folders, raw and (for gzip files) inflated, searched for every form of the secret. */
export async function scanForSecret(dirs: readonly string[], secret: string, attempt = 1): Promise<{ hits: LeakHit[]; filesScanned: number }> {
  const needles = leakNeedles(secret);
  const hits: LeakHit[] = [];
  let filesScanned = 0;
  let vanished = false;
  for (const dir of dirs) {
    for await (const file of filesUnder(dir)) {
      filesScanned++;
      let raw: Buffer;
      try {
        raw = await readFile(file);
      } catch (error) {
        // an atomic write's temporary file renamed between the listing and the read (the app is still running):
        // its bytes now live under the final name, which may have been read before the rename, so scan again
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || attempt >= 5) throw error;
        vanished = true;
        continue;
      }
      const views: { bytes: Buffer; inflated: boolean }[] = [{ bytes: raw, inflated: false }];
      if (raw.length > 2 && raw[0] === 0x1f && raw[1] === 0x8b) {
        try {
          views.push({ bytes: gunzipSync(raw), inflated: true });
        } catch {
          // not a whole gzip file after all: the raw bytes were searched
        }
      }
      for (const view of views) {
        for (const needle of needles) {
          if (view.bytes.includes(needle.bytes)) hits.push({ file, form: needle.form, inflated: view.inflated });
        }
      }
    }
  }
  if (vanished) return scanForSecret(dirs, secret, attempt + 1);
  return { hits, filesScanned };
}
