/**
 * A chosen file's bytes as text, or why they are not text. Decoding binary bytes the forgiving way fills the Paste
 * box with replacement characters and hands the importers garbage, so they are refused here, naming the file: a NUL
 * byte (never in a text export) or bytes that are not UTF-8. A UTF-16 file (PowerShell writes them) starts with its
 * byte-order mark and is decoded as such; its NULs are part of the encoding.
 */
export function decodeImportFile(name: string, bytes: Uint8Array): { ok: true; text: string } | { ok: false; message: string } {
  const bom16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  if (bom16) {
    try {
      return { ok: true, text: new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(bytes) };
    } catch {
      return { ok: false, message: notText(name, 'its UTF-16 text is broken') };
    }
  }
  if (bytes.includes(0)) return { ok: false, message: notText(name, 'it holds NUL bytes, so it is a binary file') };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, message: notText(name, 'it is not UTF-8 text') };
  }
}

const notText = (name: string, why: string) => `“${name}” cannot be imported: ${why}. Choose a text export (JSON, YAML, HAR, a .bru or a curl command).`;
