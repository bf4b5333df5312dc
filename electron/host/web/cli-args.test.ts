import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args';

describe('web CLI arguments', () => {
  it('defaults to a free port and the default data folder', () => {
    expect(parseCliArgs([])).toEqual({ help: false, port: 0, dataDir: undefined });
  });

  it('takes --port and --data-dir in both spellings', () => {
    expect(parseCliArgs(['--port', '4000', '--data-dir', '/tmp/x'])).toEqual({ help: false, port: 4000, dataDir: '/tmp/x' });
    expect(parseCliArgs(['--port=4001', '--data-dir=/tmp/y'])).toEqual({ help: false, port: 4001, dataDir: '/tmp/y' });
  });

  it('rejects a bad port, unknown options and any attempt to choose the listen address', () => {
    for (const args of [['--port', 'abc'], ['--port', '70000'], ['--port', '-1'], ['--verbose'], ['extra'], ['--data-dir', '']]) {
      expect(parseCliArgs(args), args.join(' ')).toHaveProperty('error');
    }
    expect(parseCliArgs(['--host', '0.0.0.0'])).toEqual({ error: expect.stringContaining('127.0.0.1 only') });
    expect(parseCliArgs(['--host=0.0.0.0'])).toHaveProperty('error');
  });
});
