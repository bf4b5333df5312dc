import { type BridgeError, type ErrorCode } from '../contract';
import { errorAdvice } from './error-advice';

/** A failed request as the window shows it: a headline, a sentence, and a small details line for the technical bits. */
interface ErrorForPeople {
  title: string;
  sentence: string;
  /** the error code, the low-level code and anything too technical for the sentence, for searching and bug reports */
  details: string;
}

// What does not belong in a sentence for people: library error codes, field names from the contract, schema-library
// wording, stack frames and file paths. Environment variable names (COURIER_…) are instructions and stay.
const INTERNAL: readonly RegExp[] = [
  /\b(?:UND_ERR|ERR|HPE)_[A-Z0-9_]+\b/,
  /\bE(?:CONN|ADDR|HOST|NET|PIPE|TIMEDOUT|NOTFOUND|AI_)[A-Z_]*\b/,
  /\b[a-z]+(?:[A-Z][a-z]+)+(?:Ms|Bytes)\b/,
  /\b(?:spec|input|request|settings)\.[A-Za-z_][\w.]*/,
  /\b(?:expected \w+ to be|Too (?:big|small):|Invalid input)\b/i,
  /\n\s*at\s|\bat \S+ \(|node:internal|file:\/\/|\.(?:[cm]?js|ts):\d+/,
];

const PLAIN: Partial<Record<ErrorCode, string>> = {
  INVALID_INPUT:
    'Courier could not accept part of this request: a value is missing, out of range or malformed. Check the fields and the Settings tab you changed last.',
  PROTOCOL_ERROR: 'The server answered in a way Courier could not understand, so the exchange was stopped.',
  TLS_HANDSHAKE_FAILED: 'Courier and the server could not agree on a secure connection.',
  INTERNAL: 'Something went wrong inside Courier while sending the request. Trying again may work.',
};

export function looksInternal(text: string): boolean {
  return INTERNAL.some((pattern) => pattern.test(text));
}

/** The first line of a technical text, cut short: enough to search for, never a whole stack. */
function firstLine(text: string): string {
  const line = text.split('\n', 1)[0]!.trim();
  return line.length > 160 ? `${line.slice(0, 159)}…` : line;
}

/**
 * What the window says about a failed request. Messages are written for people where errors are made (the engine,
 * the services), but one that still carries an internal name (a validation message naming `settings.deadlineMs`, a
 * library code) is replaced by a plain sentence for its code, and the original goes to the details line.
 */
export function errorForPeople(error: BridgeError): ErrorForPeople {
  const internal = looksInternal(error.message);
  const sentence = internal ? (PLAIN[error.code] ?? 'The request could not be completed.') : error.message;
  const details = [error.code, error.detail ? firstLine(error.detail) : null, internal ? firstLine(error.message) : null]
    .filter((part): part is string => part !== null && part !== '' && !(part !== error.code && sentence.includes(part)))
    .filter((part, index, all) => all.indexOf(part) === index)
    .join(' · ');
  return { title: errorAdvice(error.code), sentence, details };
}
