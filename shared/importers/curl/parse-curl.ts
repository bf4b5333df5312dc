import type { HttpRequestSpec } from '../../contract';
import { apply, emptyCollected, requestsFrom, type Collected, type Stdin } from './collect';
import { readOptions } from './options';
import { looksLikeCmd, splitCmdCommands } from './tokenize-cmd';
import { splitBashCommands, type ShellCommand } from './tokenize-bash';

export { looksLikeCurl } from './looks-like-curl';

/*
 * Why a parser of our own rather than curlconverter: curlconverter parses with tree-sitter (a native addon in Node,
 * an asynchronously loaded WebAssembly grammar in a browser), so it cannot run synchronously inside a paste handler
 * or in pure shared/ code, and it reads bash only — "Copy as cURL (cmd)" is refused (curlconverter issues #143,
 * #602, #607). A paste needs neither a shell grammar nor execution: words (tokenize-bash.ts, tokenize-cmd.ts) and
 * curl's option table (options.ts) are enough, and parse-curl.test.ts holds commands copied from Chromium, Firefox,
 * Safari and Postman in both flavours. The p50 is ~20 µs for a devtools command (scripts/bench/import-bench.ts).
 */
type CurlFlavour = 'bash' | 'cmd';
interface CurlRequest {
  request: HttpRequestSpec;
  warnings: string[];
}
/**
 * Every request of a paste, in order: one per URL of each curl command, `--next` starting a new one. `request` and
 * `warnings` are the first one's, for callers that take one request.
 */
export type CurlParseResult =
  { ok: true; requests: CurlRequest[]; request: HttpRequestSpec; warnings: string[]; flavour: CurlFlavour } | { ok: false; message: string };

const CURL_WORD = /^((?![a-z][a-z0-9+.-]*:\/\/).*[\\/])?curl(\.exe)?$/i;

/** What `echo …` or `cat file` writes into a pipe, when that can be known without running anything. */
function pipedStdin(command: ShellCommand | undefined): Stdin {
  if (!command?.pipesIntoNext) return null;
  const [name, ...args] = command.words;
  if (name === 'cat' && args.length === 1) return { kind: 'file', path: args[0]! };
  if (name !== 'echo') return null;
  const noNewline = args[0] === '-n';
  const words = args[0] === '-n' || args[0] === '-e' || args[0] === '-E' ? args.slice(1) : args;
  return { kind: 'text', text: words.join(' ') + (noNewline ? '' : '\n') };
}

/** The requests of one curl command: its operations (split at --next), each sent to each of its URLs. */
function curlRequests(args: string[], stdin: Stdin, notes: string[]): CurlRequest[] {
  const operations: Collected[] = [emptyCollected()];
  for (const option of readOptions(args)) {
    const c = operations[operations.length - 1]!;
    if (option.kind === 'next') operations.push(emptyCollected());
    else if (option.kind === 'positional') c.urls.push(option.value);
    else if (option.kind === 'ignored') {
      if (option.reported) c.warnings.push(`The option ${option.spelled} has no equivalent in Courier and was ignored.`);
    } else apply(option, c, stdin);
  }
  const requests: CurlRequest[] = [];
  for (const operation of operations) {
    if (operation.urls.length === 0) {
      if (operations.length > 1) notes.push('A part of a curl command between --next options has no URL; curl skips it too.');
      continue;
    }
    requests.push(...requestsFrom(operation));
  }
  return requests;
}

/**
 * Parses a paste of curl commands (bash or Windows cmd quoting) into requests, one per command and URL; what a
 * request could not carry is in its `warnings`. Lines that are not curl commands (`cd`, `export`) are skipped with a
 * note; options are never merged across commands.
 */
export function parseCurl(text: string): CurlParseResult {
  const trimmed = text.trim().replace(/^\$\s+/, '');
  const flavour: CurlFlavour = looksLikeCmd(trimmed) ? 'cmd' : 'bash';
  let commands: ShellCommand[];
  try {
    commands = flavour === 'cmd' ? splitCmdCommands(trimmed).map((words) => ({ words, pipesIntoNext: false, stdin: null })) : splitBashCommands(trimmed);
  } catch (error) {
    return { ok: false, message: `The curl command could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
  const requests: CurlRequest[] = [];
  const notes: string[] = [];
  let skipped = 0;
  let curlCommands = 0;
  commands.forEach((command, index) => {
    const words = command.words[0] === '$' ? command.words.slice(1) : command.words;
    if (words.length === 0 || !CURL_WORD.test(words[0]!)) {
      if (!command.pipesIntoNext) skipped += 1;
      return;
    }
    curlCommands += 1;
    requests.push(...curlRequests(words.slice(1), command.stdin ?? pipedStdin(commands[index - 1]), notes));
  });
  if (curlCommands === 0) return { ok: false, message: 'This is not a curl command: it should start with "curl".' };
  if (requests.length === 0) return { ok: false, message: 'The curl command has no URL.' };
  if (skipped > 0) notes.push(`${skipped} line${skipped === 1 ? ' that is' : 's that are'} not a curl command ${skipped === 1 ? 'was' : 'were'} skipped.`);
  requests[0]!.warnings.push(...notes);
  return { ok: true, requests, request: requests[0]!.request, warnings: requests[0]!.warnings, flavour };
}
