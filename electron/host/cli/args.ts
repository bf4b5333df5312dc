import { parseArgs } from 'node:util';

export const REPORTERS = ['cli', 'json', 'junit', 'html'] as const;
export type ReporterName = (typeof REPORTERS)[number];

export interface RunArgs {
  /** workspace folder, collection folder or collection file (Postman v2.1) */
  source: string;
  env?: string;
  envFile?: string;
  vars: Record<string, string>;
  iterations?: number;
  data?: string;
  folder?: string;
  bail: boolean;
  delayMs: number;
  timeoutMs?: number;
  insecure: boolean;
  reporters: ReporterName[];
  outDir: string;
  /** variable name → the process environment variable its secret value is read from */
  secretsFromEnv: Record<string, string>;
  dataDir?: string;
  requestsPerSecond?: number;
  maxRateLimitWaitMs?: number;
}

type ParsedArgs = { help: true } | { version: true } | { run: RunArgs } | { error: string };

export const USAGE = `Usage: courier run <workspace folder | collection folder | collection file> [options]

Runs every request of a Courier workspace or collection folder, or of a Postman v2.1 collection file, and reports
what its tests found. Exit code: 0 all passed, 1 a request or test failed, 2 the command or its input is wrong.

Options:
  --env <name>                  environment to run with (from --data-dir's environments)
  --env-file <file>             environment from a file: a Postman environment export, or { "name": "value", … }
  --var <name=value>            a variable for this run (repeatable); ranks above the environment
  --iterations <n>              run the whole collection n times (default: 1, or one per data row)
  --data <file>                 CSV (header line = variable names) or JSON array; one row per iteration
  --folder <path>               run only this folder, by names ("Users/Admin") or its path in the workspace
  --bail                        stop at the first failed request
  --delay <ms>                  pause between requests
  --timeout <ms>                deadline of each request, redirects included
  --insecure                    do not verify TLS certificates
  --reporter <list>             any of cli,json,junit,html (default: cli)
  --out <dir>                   where report files go (default: ./courier-reports)
  --secret-from-env <NAME=VAR>  secret variable NAME takes its value from environment variable VAR (repeatable);
                                masked in every output
  --data-dir <folder>           a Courier data folder whose environments and vault to use (default: a temporary one);
                                its vault unlocks with $COURIER_VAULT_PASSPHRASE
  --rps <n>                     at most n requests per second
  --max-rate-limit-wait <ms>    longest wait for a rate limit to reset before retrying (default: 60000)
  -h, --help                    show this text
  --version                     show Courier's version`;

function whole(name: string, text: string | undefined, min: number): number | undefined | { error: string } {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < min) return { error: `${name} needs a whole number of at least ${min}, not "${text}".` };
  return Number(text);
}

function pairs(
  name: string,
  list: readonly string[] | undefined,
  check: (key: string, value: string) => string | null,
): Record<string, string> | { error: string } {
  const out: Record<string, string> = {};
  for (const item of list ?? []) {
    const at = item.indexOf('=');
    if (at <= 0) return { error: `${name} takes NAME=VALUE, not "${item}".` };
    const key = item.slice(0, at);
    const value = item.slice(at + 1);
    const problem = check(key, value);
    if (problem) return { error: `${name} ${item.slice(0, 200)}: ${problem}` };
    out[key] = value;
  }
  return out;
}

const isError = (value: unknown): value is { error: string } => typeof value === 'object' && value !== null && 'error' in value;
const VARIABLE = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** argv after the program name; every problem is answered with a message naming the option. */
export function parseRunArgs(argv: readonly string[]): ParsedArgs {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') return { help: true };
  if (command === '--version') return { version: true };
  if (command !== 'run') return { error: `unknown command "${command}"; the command is "courier run".` };
  let values: Record<string, string | boolean | string[] | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...rest],
      allowPositionals: true,
      strict: true,
      options: {
        env: { type: 'string' },
        'env-file': { type: 'string' },
        var: { type: 'string', multiple: true },
        iterations: { type: 'string', short: 'n' },
        data: { type: 'string', short: 'd' },
        folder: { type: 'string' },
        bail: { type: 'boolean' },
        delay: { type: 'string' },
        timeout: { type: 'string' },
        insecure: { type: 'boolean', short: 'k' },
        reporter: { type: 'string', short: 'r', multiple: true },
        out: { type: 'string', short: 'o' },
        'secret-from-env': { type: 'string', multiple: true },
        'data-dir': { type: 'string' },
        rps: { type: 'string' },
        'max-rate-limit-wait': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return { error: (error as Error).message };
  }
  if (values.help === true) return { help: true };
  if (positionals.length !== 1)
    return {
      error:
        positionals.length === 0
          ? 'courier run needs a workspace folder, collection folder or collection file.'
          : `courier run takes one folder or file, got ${positionals.length}: ${positionals.join(' ')}`,
    };
  if (values.env !== undefined && values['env-file'] !== undefined) return { error: '--env and --env-file cannot be used together: pick one.' };
  const numbers = {
    iterations: whole('--iterations', values.iterations as string | undefined, 1),
    delay: whole('--delay', values.delay as string | undefined, 0),
    timeout: whole('--timeout', values.timeout as string | undefined, 1),
    rps: whole('--rps', values.rps as string | undefined, 1),
    wait: whole('--max-rate-limit-wait', values['max-rate-limit-wait'] as string | undefined, 0),
  };
  for (const value of Object.values(numbers)) if (isError(value)) return value;
  const reporters = ((values.reporter as string[] | undefined) ?? ['cli'])
    .flatMap((list) => list.split(','))
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = reporters.find((name) => !(REPORTERS as readonly string[]).includes(name));
  if (unknown !== undefined) return { error: `--reporter "${unknown}" is not one of ${REPORTERS.join(', ')}.` };
  const vars = pairs('--var', values.var as string[] | undefined, (key) =>
    VARIABLE.test(key) ? null : 'a variable name starts with a letter or _ and uses letters, digits, _ . -',
  );
  if (isError(vars)) return vars;
  const secrets = pairs('--secret-from-env', values['secret-from-env'] as string[] | undefined, (key, value) =>
    !VARIABLE.test(key)
      ? 'a variable name starts with a letter or _ and uses letters, digits, _ . -'
      : value === ''
        ? 'name the environment variable after "="'
        : null,
  );
  if (isError(secrets)) return secrets;
  const run: RunArgs = {
    source: positionals[0]!,
    vars,
    bail: values.bail === true,
    delayMs: (numbers.delay as number | undefined) ?? 0,
    insecure: values.insecure === true,
    reporters: [...new Set(reporters)] as ReporterName[],
    outDir: (values.out as string | undefined) ?? 'courier-reports',
    secretsFromEnv: secrets,
  };
  const optional: Partial<RunArgs> = {
    env: values.env as string | undefined,
    envFile: values['env-file'] as string | undefined,
    iterations: numbers.iterations as number | undefined,
    data: values.data as string | undefined,
    folder: values.folder as string | undefined,
    timeoutMs: numbers.timeout as number | undefined,
    dataDir: values['data-dir'] as string | undefined,
    requestsPerSecond: numbers.rps as number | undefined,
    maxRateLimitWaitMs: numbers.wait as number | undefined,
  };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) (run as unknown as Record<string, unknown>)[key] = value;
  return { run };
}
