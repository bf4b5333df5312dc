import { parseArgs } from 'node:util';

interface CliOptions {
  help: boolean;
  port: number;
  /** As given on the command line; undefined means COURIER_DATA_DIR or the per-user default. */
  dataDir: string | undefined;
}

export const CLI_USAGE = `Usage: npm run web -- [--port <n>] [--data-dir <folder>]

  --port <n>           port on 127.0.0.1 to listen on (default: a free one)
  --data-dir <folder>  where Courier keeps its data (default: $COURIER_DATA_DIR or the per-user folder)
  --help               show this text`;

export function parseCliArgs(argv: readonly string[]): CliOptions | { error: string } {
  if (argv.some((arg) => arg === '--host' || arg.startsWith('--host='))) {
    return { error: 'web mode listens on 127.0.0.1 only; --host is not supported.' };
  }
  let values: { port?: string; 'data-dir'?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { port: { type: 'string' }, 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { error: (error as Error).message };
  }
  let port = 0;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!/^\d+$/.test(values.port) || port > 65535) return { error: `--port must be a number from 0 to 65535, not "${values.port}".` };
  }
  if (values['data-dir'] === '') return { error: '--data-dir needs a folder.' };
  return { help: values.help === true, port, dataDir: values['data-dir'] };
}
