// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { importText } from '../../../shared/importers/import-text';
import { summarizeImport } from '../../../shared/importers/import-summary';
import { ImportNotice } from './import-notice';
import { ImportPreview } from './import-preview';

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
    // the line that names the format: "curl (bash): 3 requests, …"
    const previewLine = within(screen.getByLabelText('Import preview'))
      .getByText('curl (bash)')
      .parentElement!.textContent!.replace(/^[^:]*: /, '');
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
