// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { importText } from '../../../shared/importers/import-text';
import { summarizeImport } from '../../../shared/importers/import-summary';
import { ImportNotice } from './import-notice';
import { ImportPreview } from './import-preview';
import { importOutcomeWarnings } from './import-outcome';
import { CREDENTIAL_NOT_WRITTEN } from '../../../shared/auth';
import { CREDENTIAL_LEFT_OUT, withCredentialNotes } from '../../../shared/importers/stored-credentials';

afterEach(cleanup);

const paste = 'curl -T report.pdf https://h/files/ --proxy http://p:1\ncurl -d @body.json https://h/in\ncurl https://h/plain';

describe('curl multi-command import: preview and result message', () => {
  it('the preview lists every request with what was changed or left out under it', async () => {
    const result = await importText(paste);
    render(<ImportPreview result={result} onOpen={() => undefined} />);
    const preview = screen.getByLabelText('Import preview');
    expect(preview.textContent).toContain('curl (bash): 3 requests, 2 items not carried over in full (3 notes)');
    expect(within(screen.getByRole('list', { name: 'Changed or left out in PUT h/files/report.pdf' })).getAllByRole('listitem')).toHaveLength(2);
    expect(within(screen.getByRole('list', { name: 'Changed or left out in POST h/in' })).getAllByRole('listitem')).toHaveLength(1);
    expect(screen.queryByRole('list', { name: 'Changed or left out in GET h/plain' })).toBeNull();
  });

  it('the result message counts exactly as the preview did', async () => {
    const result = await importText(paste);
    render(<ImportPreview result={result} onOpen={() => undefined} />);
    const previewLine = screen
      .getByLabelText('Import preview')
      .querySelector('.ie-summary')!
      .textContent!.replace(/^[^:]*: /, '');
    cleanup();
    const warnings = result.warnings.map((warning) => `${warning.item}: ${warning.message}`);
    render(
      <ImportNotice
        outcome={{ collections: [{ name: 'curl', path: 'curl' }], environments: [], summary: summarizeImport(result), warnings }}
        onDismiss={() => undefined}
      />,
    );
    const notice = screen.getByRole('status', { name: 'Import result' });
    expect(notice.textContent).toContain(previewLine);
    expect(within(notice).getAllByRole('listitem')).toHaveLength(3);
  });
});

describe('typed credentials while the vault is not unlocked', () => {
  const teamFile = JSON.stringify({
    info: { name: 'Team', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    auth: { type: 'bearer', bearer: [{ key: 'token', value: 'collection-token' }] },
    item: [
      {
        name: 'Users',
        item: [
          {
            name: 'Login',
            request: {
              method: 'POST',
              url: 'https://h/login',
              auth: {
                type: 'basic',
                basic: [
                  { key: 'username', value: 'ann' },
                  { key: 'password', value: 's3cret' },
                ],
              },
            },
          },
        ],
      },
      { name: 'Ref', request: { method: 'GET', url: 'https://h/ref', auth: { type: 'bearer', bearer: [{ key: 'token', value: '{{token}}' }] } } },
    ],
  });

  it('the preview names each item whose credential would be left out of the files, and counts it', async () => {
    const shown = withCredentialNotes(await importText(teamFile));
    render(<ImportPreview result={shown} onOpen={() => undefined} />);
    expect(screen.getByLabelText('Import preview').textContent).toContain('2 requests, 2 items not carried over in full');
    expect(within(screen.getByRole('list', { name: 'Changed or left out in Login' })).getByRole('listitem').textContent).toBe(CREDENTIAL_LEFT_OUT);
    expect(screen.queryByRole('list', { name: 'Changed or left out in Ref' })).toBeNull();
  });

  it('the result message lists what the preview listed, the save’s own word for the same credentials not twice', async () => {
    const shown = withCredentialNotes(await importText(teamFile));
    const saved = [`Team: ${CREDENTIAL_NOT_WRITTEN}`, `Team / Users / Login: ${CREDENTIAL_NOT_WRITTEN}`];
    const warnings = importOutcomeWarnings(shown, saved);
    expect(warnings).toEqual([`Team: ${CREDENTIAL_LEFT_OUT}`, `Users / Login: ${CREDENTIAL_LEFT_OUT}`]);
    render(
      <ImportNotice
        outcome={{ collections: [{ name: 'Team', path: 'team' }], environments: [], summary: summarizeImport(shown), warnings }}
        onDismiss={() => undefined}
      />,
    );
    const notice = screen.getByRole('status', { name: 'Import result' });
    expect(notice.textContent).toContain('2 requests, 2 items not carried over in full.');
    expect(within(notice).getAllByRole('listitem')).toHaveLength(2);
    // not said in the preview (the vault was unlocked then): the save's word stays
    expect(importOutcomeWarnings(await importText(teamFile), saved)).toEqual(saved);
  });
});
