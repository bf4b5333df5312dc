import { writeFile } from 'node:fs/promises';
import { test, expect } from './fixtures';
import { largeOpenApiYaml } from '../electron/services/import-export/test-support/large-openapi';
import { CollectionsPage } from './pages/collections-page';
import { ImportExportPage } from './pages/import-export-page';
import { RequestBuilderPage } from './pages/request-builder-page';

// generated here, never committed: a Microsoft Graph-shaped description large enough to take seconds to import
const BIG_BYTES = Number(process.env.BIG_BYTES ?? 12 * 1024 * 1024);

test.describe('a big OpenAPI import shows its progress and can be cancelled', () => {
  test.afterEach(async ({ consoleErrors }) => {
    expect(consoleErrors).toEqual([]);
  });

  test('progress while it runs; Cancel stops it, nothing is imported, and the dialog still imports', async ({ page, fixtureServer }, testInfo) => {
    // reading 12 MB in the page and sending it to the main process takes a while on a loaded machine
    test.setTimeout(120_000);
    const io = new ImportExportPage(page);
    const builder = new RequestBuilderPage(page);
    const collections = new CollectionsPage(page);
    // a file on disk (in this test's output folder), chosen as a person would
    const file = testInfo.outputPath('graph.yaml');
    await writeFile(file, largeOpenApiYaml(BIG_BYTES).text);
    await io.importButton.click();
    await io.importDialog.getByLabel('Choose a file to import').setInputFiles(file);

    const bar = io.importDialog.getByRole('progressbar', { name: 'Import progress' });
    await expect(bar).toBeVisible({ timeout: 30_000 });
    // the main process reports its steps for this import
    await expect(io.importDialog.getByRole('status')).toContainText(/step [123] of 3/);
    await io.importDialog.getByRole('button', { name: 'Cancel import' }).click();

    await expect(io.importDialog.getByRole('status')).toHaveText('Import cancelled: nothing was imported.');
    await expect(bar).toBeHidden();
    await expect(io.importDialog.getByLabel('Import preview')).toBeHidden();
    await expect(io.importDialog.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
    await expect(collections.item('Generated Graph-sized API')).toHaveCount(0);

    // still usable: the next import previews and imports
    await io.importDialog.getByRole('textbox', { name: 'Text to import' }).fill(`curl '${fixtureServer.url}/echo?after=cancel'`);
    await io.importDialog.getByRole('button', { name: 'Preview' }).click();
    await expect(io.importDialog.getByLabel('Import preview')).toContainText('1 request');
    await io.importDialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(io.importDialog).toBeHidden();
    await expect(builder.url).toHaveValue(`${fixtureServer.url}/echo?after=cancel`);
    await expect(collections.item('Generated Graph-sized API')).toHaveCount(0);
  });
});
