import { containerFormat1To2 } from './container-1-to-2';
import { requestFormat1To2 } from './request-1-to-2';
import { requestFormat2To3 } from './request-2-to-3';
import type { FileObject, UpgradeStep } from './step';

export type { UpgradeStep } from './step';

/**
 * One kind of workspace file and its upgrade steps: `steps[i]` turns version i + 1 into i + 2, so the version this
 * Courier writes and reads natively is `steps.length + 1`. A format change adds one step file here and one fixture of
 * the version it leaves behind (fixtures/, checked by format-upgrades.test.ts).
 */
export interface FileFormat {
  /** how the user hears about it: "request file", "collection or folder file" */
  label: string;
  steps: readonly UpgradeStep[];
}

/** `.request.json` files, HTTP and WebSocket alike (a file without "format" is version 1). */
export const REQUEST_FILE_FORMAT: FileFormat = { label: 'request file', steps: [requestFormat1To2, requestFormat2To3] };
/** collection.json and folder.json (a file without "format" is version 1). */
export const CONTAINER_FILE_FORMAT: FileFormat = { label: 'collection or folder file', steps: [containerFormat1To2] };

export const currentVersion = (format: FileFormat): number => format.steps.length + 1;

/** The words every "newer format" refusal carries; the workspace service leaves out its "fix it" advice for these. */
export const NEWER_FORMAT_WORDS = 'was written by a newer Courier';

/**
 * A file from a Courier that knows more versions than this one. It is refused whole, never read in part: reading it
 * and saving would drop what this version does not understand.
 */
export class NewerFormatError extends Error {
  override name = 'NewerFormatError';
  constructor(
    readonly file: string | undefined,
    readonly found: number,
    readonly known: number,
    label: string,
  ) {
    super(
      `${file ?? 'This file'} ${NEWER_FORMAT_WORDS} (${label} format ${found}; this Courier reads up to format ${known}). ` +
        'Update Courier to open it; until then Courier leaves it exactly as it is.',
    );
  }
}

/** A "format" that is not a version number at all (a typo, a merge gone wrong). */
class BadFormatError extends Error {
  override name = 'BadFormatError';
}

/**
 * The file in today's shape: every step from its version to the current one, in order. Nothing is written here: the
 * file on disk changes only when the user saves, so opening a workspace never churns a git diff.
 */
export function upgradeFile(format: FileFormat, file: FileObject, fileName?: string): FileObject {
  const raw = file.format;
  const version = raw === undefined ? 1 : raw;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new BadFormatError(`Not a Courier file: format: expected a whole number from 1, found ${JSON.stringify(raw)?.slice(0, 20)}`);
  }
  const known = currentVersion(format);
  if (version > known) throw new NewerFormatError(fileName, version, known, format.label);
  let current = file;
  for (let at = version; at < known; at += 1) current = format.steps[at - 1]!(current);
  return current;
}
