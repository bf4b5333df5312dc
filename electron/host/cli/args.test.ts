import { describe, expect, it } from 'vitest';
import { parseRunArgs } from './args';

describe('courier run arguments', () => {
  it('reads every option, repeatable ones and comma lists included', () => {
    const parsed = parseRunArgs([
      'run',
      'api',
      '--env',
      'Staging',
      '--var',
      'a=1',
      '--var',
      'b=x=y',
      '--iterations',
      '3',
      '--data',
      'd.csv',
      '--folder',
      'Users/Admin',
      '--bail',
      '--delay',
      '50',
      '--timeout',
      '2000',
      '--insecure',
      '--reporter',
      'cli,junit',
      '--reporter',
      'html',
      '--out',
      'r',
      '--secret-from-env',
      'TOKEN=CI_TOKEN',
      '--rps',
      '5',
      '--max-rate-limit-wait',
      '1000',
    ]);
    expect(parsed).toEqual({
      run: {
        source: 'api',
        env: 'Staging',
        vars: { a: '1', b: 'x=y' },
        iterations: 3,
        data: 'd.csv',
        folder: 'Users/Admin',
        bail: true,
        delayMs: 50,
        timeoutMs: 2000,
        insecure: true,
        reporters: ['cli', 'junit', 'html'],
        outDir: 'r',
        secretsFromEnv: { TOKEN: 'CI_TOKEN' },
        requestsPerSecond: 5,
        maxRateLimitWaitMs: 1000,
      },
    });
  });

  it('answers every mistake with a message naming the option', () => {
    expect(parseRunArgs(['run', 'a', '--env', 'x', '--env-file', 'f'])).toEqual({ error: '--env and --env-file cannot be used together: pick one.' });
    expect(parseRunArgs(['run', 'a', '--var', 'novalue'])).toEqual({ error: '--var takes NAME=VALUE, not "novalue".' });
    expect(parseRunArgs(['run', 'a', '--var', '1x=2'])).toMatchObject({ error: expect.stringMatching(/^--var 1x=2: a variable name/) });
    expect(parseRunArgs(['run', 'a', '--secret-from-env', 'T='])).toMatchObject({ error: expect.stringMatching(/name the environment variable/) });
    expect(parseRunArgs(['run', 'a', '--delay=-1'])).toMatchObject({ error: expect.stringMatching(/--delay needs a whole number of at least 0/) });
    expect(parseRunArgs(['run', 'a', '--what'])).toMatchObject({ error: expect.stringMatching(/--what/) });
    expect(parseRunArgs(['run', 'a', 'b'])).toMatchObject({ error: expect.stringMatching(/one folder or file, got 2/) });
    expect(parseRunArgs([])).toEqual({ help: true });
    expect(parseRunArgs(['run', '--help'])).toEqual({ help: true });
  });
});
