import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { test, expect } from './fixtures';
import { ImportExportPage } from './pages/import-export-page';

test.afterEach(async ({ consoleErrors }) => {
  expect(consoleErrors).toEqual([]);
});

test('a binary file chosen for import is refused by name; the Paste text box keeps what was typed', async ({ page }, testInfo) => {
  const io = new ImportExportPage(page);
  await io.importButton.click();
  // the intro names every format the importers take, Postman environments among them
  await expect(io.importDialog).toContainText('Postman collections (v1, v2.0, v2.1) and environments');
  await expect(io.importDialog).toContainText('Insomnia v4 and v5 exports');

  const box = io.importDialog.getByRole('textbox', { name: 'Text to import' });
  const typed = "curl 'https://api.example.test/typed'";
  await box.fill(typed);
  // 3 KB of random bytes with a NUL in them, named as if it were JSON
  const bytes = randomBytes(3 * 1024);
  bytes[10] = 0;
  const file = testInfo.outputPath('binary.json');
  await writeFile(file, bytes);
  await io.importDialog.getByLabel('Choose a file to import').setInputFiles(file);

  await expect(io.importDialog.getByRole('alert')).toHaveText(
    '“binary.json” cannot be imported: it holds NUL bytes, so it is a binary file. Choose a text export (JSON, YAML, HAR, a .bru or a curl command).',
  );
  await expect(box).toHaveValue(typed);
  await expect(io.importDialog.getByLabel('Import preview')).toHaveCount(0);

  // a text file chosen next is read as usual, and the error goes
  const text = testInfo.outputPath('request.sh');
  await writeFile(text, "curl 'https://api.example.test/from-file'");
  await io.importDialog.getByLabel('Choose a file to import').setInputFiles(text);
  await expect(box).toHaveValue("curl 'https://api.example.test/from-file'");
  await expect(io.importDialog.getByLabel('Import preview')).toContainText('1 request');
  await expect(io.importDialog.getByRole('alert')).toHaveCount(0);
});
