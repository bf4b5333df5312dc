import { afterAll, describe, expect, it } from 'vitest';
import { EXPECT_WORDS, SCRIPT_API, type ApiMember } from '../../../shared/scripts';
import { createScriptRunner } from './script-runner';
import { scriptRun } from './test-support';

const runner = createScriptRunner();
afterAll(() => runner.close());

/** every dotted path the completion offers, with whether it is a call */
function paths(members: readonly ApiMember[], prefix = ''): { path: string; call: boolean }[] {
  return members.flatMap((member) => {
    const path = prefix === '' ? member.name : `${prefix}.${member.name}`;
    return [{ path, call: member.call === true }, ...(member.members && !EXPECT_WORDS.includes(member) ? paths(member.members, path) : [])];
  });
}

// The editor offers these names (shared/scripts/script-api.ts): each one must be what the sandbox has, or a script
// written from the completion list would be refused.
describe('the script API the editor offers', () => {
  it('is all in the sandbox, in a post-response script and in a pre-request one', async () => {
    const checks = paths(SCRIPT_API)
      .filter(({ path }) => !path.startsWith('pm.response'))
      .map(({ path, call }) => `if (typeof ${path} ${call ? '!== "function"' : '=== "undefined"'}) missing.push("${path}");`);
    const responseChecks = paths(SCRIPT_API)
      .filter(({ path }) => path.startsWith('pm.response') && path !== 'pm.response')
      .map(({ path, call }) => `if (typeof ${path} ${call ? '!== "function"' : '=== "undefined"'}) missing.push("${path}");`);
    const words = EXPECT_WORDS.map((word) => `if (!("${word.name}" in pm.expect(1))) missing.push("expect.${word.name}");`);
    const source = ['var missing = [];', ...checks, ...responseChecks, ...words, 'console.log(JSON.stringify(missing));'].join('\n');
    const post = await runner.run(scriptRun(source));
    expect(post.error).toBeNull();
    expect(JSON.parse(post.console[0]!.text)).toEqual([]);
    const pre = await runner.run(
      scriptRun(['var missing = [];', ...checks, 'console.log(JSON.stringify(missing));'].join('\n'), { kind: 'pre-request', response: undefined }),
    );
    expect(pre.error).toBeNull();
    expect(JSON.parse(pre.console[0]!.text)).toEqual([]);
  }, 60_000);
});
