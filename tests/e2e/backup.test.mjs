// The backup reminder: browsers may clear storage, so a plan with changes that were not
// exported for a week is pointed out once, with the export at hand.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, planIdOf } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('a plan not exported for a week brings a reminder; exporting settles it', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await open(context, server.url);
  await page.fill('[data-testid=new-plan-name]', 'Old plan');
  await page.click('[data-testid=create-plan]');
  await page.waitForSelector('[data-testid=phase-stack]');
  const id = planIdOf(page);
  assert.equal(await page.$$eval('[data-testid=notice]', (n) => n.length), 0, 'a new plan is not nagged about');
  // Made three weeks ago, changed two weeks ago, never exported.
  await page.goto(server.url + '#/');
  await page.waitForSelector('[data-testid=plan-row]');
  await page.evaluate((key) => {
    const env = JSON.parse(localStorage.getItem(key));
    const ago = (d) => new Date(Date.now() - d * 86400000).toISOString();
    env.plan.created_at = ago(21);
    env.plan.updated_at = ago(14);
    localStorage.setItem(key, JSON.stringify(env));
  }, `socialplan.v1.plan.${id}`);
  await page.reload();
  await page.waitForSelector('[data-testid=plan-row]');
  await page.goto(`${server.url}#/plans/${id}`);
  await page.waitForSelector('[data-testid=backup-export]');
  assert.match(await page.textContent('[data-testid=notice]'), /“Old plan” has changes that have not been exported for 21 days/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=backup-export]')]);
  assert.equal(download.suggestedFilename(), 'old-plan.socialplan.json');
  assert.equal(await page.$$eval('[data-testid=backup-export]', (n) => n.length), 0);
  const settings = JSON.parse(await page.evaluate(() => localStorage.getItem('socialplan.v1.settings')));
  assert.equal(settings.exports[0].plan, id);
  // Exported: no reminder after a reload.
  await page.reload();
  await page.waitForSelector('[data-testid=phase-stack]');
  assert.equal(await page.$$eval('[data-testid=backup-export]', (n) => n.length), 0);
  assert.deepEqual(page.errors, []);
  await context.close();
});
