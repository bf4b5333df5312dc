import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';
import { CollectionsPage } from './pages/collections-page';
import { ImportExportPage } from './pages/import-export-page';

// A Bruno collection folder (bruno.json, collection.bru, a folder with folder.bru, environments/Staging.bru)
const brunoFolder = path.resolve('shared/importers/bruno/fixtures/courier-minimal');

test.describe('Bruno collection folders', () => {
  test('imports a Bruno folder by its path: preview with per-item warnings, then the collection in the tree; exports it back as a Bruno folder', async ({
    page,
  }) => {
    const io = new ImportExportPage(page);
    const collections = new CollectionsPage(page);
    await io.importButton.click();
    // web mode has no native folder dialog (app.info capabilities): no Browse… that could only fail
    await expect(io.importDialog.getByRole('textbox', { name: 'Bruno collection folder path' })).toBeVisible();
    await expect(io.importDialog.getByRole('button', { name: 'Browse…' })).toHaveCount(0);
    await io.importDialog.getByRole('textbox', { name: 'Bruno collection folder path' }).fill(brunoFolder);
    await io.importDialog.getByRole('button', { name: 'Read folder' }).click();
    const preview = io.importDialog.getByLabel('Import preview');
    await expect(preview).toContainText('Bruno collection: 4 requests, 1 environment');
    // scripts, tests and assertions are carried into the Scripts and Tests tabs now; docs are not
    await expect(preview).toContainText('Get userOpenDocs not carried over');
    await expect(preview).toContainText('2 secret variables (apiKey, password) imported without their values');
    await io.importDialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(io.importDialog).toBeHidden();
    await expect(collections.item('Minimal API')).toBeVisible();
    await expect(collections.item('Get user')).toBeVisible();
    await expect(page.getByRole('status', { name: 'Import result' })).toContainText('Users / Get user: Docs not carried over');

    const destination = await mkdtemp(path.join(os.tmpdir(), 'courier-e2e-bruno-'));
    try {
      await collections.menu('Minimal API', 'Export as Bruno collection…');
      const dialog = page.getByRole('dialog', { name: 'Export as Bruno collection' });
      await expect(dialog.getByRole('textbox', { name: 'Destination folder' })).toBeVisible();
      await expect(dialog.getByRole('button', { name: 'Browse…' })).toHaveCount(0);
      await dialog.getByRole('textbox', { name: 'Destination folder' }).fill(destination);
      await dialog.getByRole('button', { name: 'Export' }).click();
      await expect(dialog).toBeHidden();
      await page.getByRole('button', { name: 'Open folder…' }).click();
      const openFolder = page.getByRole('dialog', { name: 'Open workspace folder' });
      await expect(openFolder.getByRole('textbox', { name: 'Folder path' })).toBeVisible();
      await expect(openFolder.getByRole('button', { name: 'Browse…' })).toHaveCount(0);
      await openFolder.getByRole('button', { name: 'Cancel' }).click();
      const written = path.join(destination, 'Minimal API');
      await expect(page.getByRole('status').filter({ hasText: `as a Bruno collection to ${written}` })).toBeVisible();
      expect((await readdir(written)).sort()).toEqual(['Login.bru', 'Search.bru', 'Users', 'bruno.json', 'collection.bru']);
      expect(await readFile(path.join(written, 'Login.bru'), 'utf8')).toContain('body:form-urlencoded {');

      // the same collection as an OpenAPI 3.1 skeleton, downloaded
      const downloading = page.waitForEvent('download');
      await collections.menu('Minimal API', 'Export as OpenAPI 3.1');
      const download = await downloading;
      expect(download.suggestedFilename()).toBe('Minimal API.openapi.yaml');
      const yaml = await readFile(await download.path(), 'utf8');
      expect(yaml).toContain('openapi: 3.1.0');
      expect(yaml).toContain('/{version}/users/{id}:');
      expect(yaml).toContain('url: "{baseUrl}"');

      // and as a k6 load-test script
      const k6Downloading = page.waitForEvent('download');
      await collections.menu('Minimal API', 'Export as k6 script');
      const k6 = await k6Downloading;
      expect(k6.suggestedFilename()).toBe('Minimal API.k6.js');
      const script = await readFile(await k6.path(), 'utf8');
      expect(script).toContain("import http from 'k6/http';");
      expect(script).toMatch(/group\("Users", function \(\) \{/);
    } finally {
      await rm(destination, { recursive: true, force: true });
    }
  });

  test('a folder that is not a Bruno collection is refused with a message', async ({ page }) => {
    const io = new ImportExportPage(page);
    await io.importButton.click();
    await io.importDialog.getByRole('textbox', { name: 'Bruno collection folder path' }).fill(path.resolve('e2e'));
    await io.importDialog.getByRole('button', { name: 'Read folder' }).click();
    await expect(io.importDialog.getByRole('alert')).toContainText('not a Bruno collection');
  });
});
