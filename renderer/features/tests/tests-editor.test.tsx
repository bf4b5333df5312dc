// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { scriptTestCount, TestsEditor } from './tests-editor';

afterEach(cleanup);

const empty = { assertions: [], captures: [] };

describe('Tests tab and script tests', () => {
  it('counts pm.test and test() calls', () => {
    expect(scriptTestCount(undefined)).toBe(0);
    expect(scriptTestCount("pm.test('a', () => {});\npm.test ('b', fn);\ntest('bruno style', () => {})")).toBe(3);
    expect(scriptTestCount('console.log("no tests"); latest(1)')).toBe(0);
  });

  it('an imported request with pm.test checks says they are in its script, and opens it (new-user pass: "No assertions yet" alone)', () => {
    const onShowScripts = vi.fn();
    render(
      <TestsEditor
        tests={empty}
        onChange={() => undefined}
        postResponseScript={"pm.test('ok', () => {});\npm.test('json', () => {});"}
        onShowScripts={onShowScripts}
      />,
    );
    expect(screen.getByRole('note').textContent).toContain('2 tests written in its post-response script (pm.test)');
    fireEvent.click(screen.getByRole('button', { name: 'Show the script' }));
    expect(onShowScripts).toHaveBeenCalledOnce();
  });

  it('says nothing about scripts when there are no script tests', () => {
    render(<TestsEditor tests={empty} onChange={() => undefined} postResponseScript="console.log(1)" />);
    expect(screen.queryByRole('note')).toBeNull();
  });

  // New-user pass: a capture added with no environment active defaulted to it, and failed only after the send
  it('a new capture sets the scope it is given: the workspace when no environment is active', () => {
    const changes: { captures: { scope: string }[] }[] = [];
    render(<TestsEditor tests={empty} onChange={(tests) => changes.push(tests)} captureScope="collection" />);
    fireEvent.click(screen.getByRole('button', { name: 'Add capture' }));
    expect(changes[0]?.captures[0]?.scope).toBe('collection');
    cleanup();
    render(<TestsEditor tests={empty} onChange={(tests) => changes.push(tests)} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add capture' }));
    expect(changes[1]?.captures[0]?.scope).toBe('environment');
  });
});
