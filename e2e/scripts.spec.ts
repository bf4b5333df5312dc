import { test, expect } from './fixtures';
import { RequestBuilderPage } from './pages/request-builder-page';

test.describe('scripts', () => {
  test.afterEach(async ({ consoleErrors }) => {
    expect(consoleErrors).toEqual([]);
  });

  test('a post-response script sets a variable the next request uses, and its pm.test result and console output show', async ({ page, fixtureServer }) => {
    const builder = new RequestBuilderPage(page);
    await builder.url.fill(`${fixtureServer.url}/echo?step=one`);
    await builder.setScript(
      'Post-response script',
      'pm.globals.set("nextStep", "two-from-script");\npm.test("status is 200", () => pm.response.to.have.status(200));\npm.test("fails on purpose", () => pm.expect(pm.response.code).to.equal(404));\nconsole.log("kept", pm.globals.get("nextStep"));',
    );
    await builder.send();
    await builder.expectStatus('200 OK');

    // pm.test results are test results: counted in the response's Tests tab with the assertion rows (they were not)
    const testsTab = builder.response.getByRole('tab', { name: 'Response Tests 1/2' });
    await testsTab.click();
    await expect(builder.response.getByText('fails on purpose')).toBeVisible();
    await expect(builder.response.getByText('expected 200 to equal 404')).toBeVisible();

    const consoleTab = builder.response.getByRole('tab', { name: 'Script console' });
    await consoleTab.click();
    const results = builder.response.getByRole('list', { name: 'Script test results' });
    await expect(results).toContainText('PASS status is 200');
    await expect(results).toContainText('FAIL fails on purpose — expected 200 to equal 404');
    await expect(builder.response.getByRole('list', { name: 'Script console output' })).toContainText('kept two-from-script');
    await page.screenshot({ path: '/tmp/issue12-script-console.png' });

    // the next request uses what the script stored
    await builder.setScript('Post-response script', '');
    await builder.url.fill(`${fixtureServer.url}/echo?step={{nextStep}}`);
    await builder.send();
    await builder.expectStatus('200 OK');
    await expect(builder.response).toContainText('"step": "two-from-script"');
  });

  test('a pre-request script that throws still shows what it logged before, and the error, under the failure', async ({ page, fixtureServer }) => {
    const builder = new RequestBuilderPage(page);
    await builder.url.fill(`${fixtureServer.url}/echo`);
    await builder.setScript(
      'Pre-request script',
      'console.log("token step 1 done");\nconsole.warn("about to fail");\nthrow new Error("no token in the response");',
    );
    await builder.send();
    await expect(builder.response.getByRole('alert')).toContainText('no token in the response');
    const output = builder.response.getByRole('list', { name: 'Script console output' });
    await expect(output.getByRole('listitem')).toHaveText([/token step 1 done/, /about to fail/, /no token in the response/]);
    await page.screenshot({ path: '/tmp/ui10-f16-script-error-console.png' });
  });

  test('the script editor completes the pm API as it is typed, and chai words after pm.expect', async ({ page }) => {
    const builder = new RequestBuilderPage(page);
    await builder.setScript('Post-response script', 'pm.environment');
    // "." opens the list by itself: the members of pm.environment
    await page.keyboard.type('.');
    await expect(builder.suggestions().filter({ hasText: 'unset' })).toBeVisible();
    await expect(builder.suggestions().filter({ hasText: 'toObject' })).toBeVisible();
    await page.keyboard.type('set');
    await expect(builder.suggestions().first()).toContainText('set(name, value): sets it in the active environment');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText('("n", 1);\npm.expect(pm.response.code).to');
    await page.keyboard.type('.');
    await expect(builder.suggestions().filter({ hasText: 'above' })).toBeVisible();
    // the list is virtual: a word further down is reached by typing it
    await page.keyboard.type('eq');
    await expect(builder.suggestions().filter({ hasText: 'eql(value): deeply equal' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(builder.request.locator('.view-lines').last()).toContainText('pm.environment.set("n", 1);');
    await page.screenshot({ path: '/tmp/audit12-script-completion.png' });
  });
});
