import type { FileObject } from './step';

/**
 * Request files 2 → 3: format 3 added the optional "tests" key. A version-2 file has none, and nothing it
 * holds changed meaning, so only the number changes. (Files without tests are still written as 2: see layout.ts.)
 */
export function requestFormat2To3(file: FileObject): FileObject {
  return { ...file, format: 3 };
}
