// End-to-end tests of plan integrity: removals that take or free what hangs on them and
// survive a reload, undo of one removal, repair of stored plans, the Recovery list, files
// with unknown fields, extreme values on every screen, and hostile names in CSV.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, open, storedPlan, planIdOf, settle } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function sample(locale = 'en-US') {
  const context = await browser.newContext({ locale, acceptDownloads: true });
  const page = await open(context, server.url);
  await page.click('[data-testid=open-sample]');
  await page.waitForSelector('[data-testid=phase-stack]');
  return { context, page, id: planIdOf(page) };
}

async function goto(page, hash) {
  await page.goto(server.url + hash);
  await page.waitForSelector('main h1');
}

function tempFile(name, text) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

test('removing an objective with its KPIs and tactics frees the actions that served them, and the plan survives a reload', async () => {
  const { context, page, id } = await sample();
  const before = (await storedPlan(page, id)).plan;
  const first = before.strategy.objectives[0].id;
  const tactics = before.strategy.tactics.filter((t) => t.objective === first).map((t) => t.id);
  const serving = before.operative.actions.filter((a) => a.serves && (a.serves.objective === first || tactics.includes(a.serves.tactic)));
  assert.ok(serving.length > 0, 'the sample has actions serving objective 1');
  await goto(page, `#/plans/${id}/strategy/strategic-plan/step-4`);
  await page.click('[data-testid=obj-0] tbody tr:nth-child(1) button[aria-label^="Remove"]');
  await page.click('[data-testid=obj-0] tbody tr:nth-child(1) [data-testid=remove-with-dependents]');
  const notice = page.locator('[data-testid=notice]', { hasText: 'was removed' });
  await notice.waitFor();
  assert.match(await notice.textContent(), /actions? served it/);
  await settle(page);
  await page.reload();
  await page.waitForSelector('main h1');
  await goto(page, '#/');
  assert.equal(await page.locator('[data-testid=plan-row]').count(), 1, 'the plan is still listed');
  assert.equal(await page.locator('[data-testid=recovery]').isHidden(), true, 'nothing had to be kept aside');
  const after = (await storedPlan(page, id)).plan;
  for (const a of serving) {
    const now = after.operative.actions.find((x) => x.id === a.id);
    assert.ok(now, 'the action stays');
    assert.equal(now.serves, null, 'its link was cleared');
  }
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('undo puts back the one item removed, and is withdrawn when another plan opens', async () => {
  const { context, page, id } = await sample();
  await goto(page, `#/plans/${id}/strategy/strategic-plan/step-4`);
  await page.click('[data-testid=obj-0] tbody tr:nth-child(1) button[aria-label^="Remove"]');
  await page.click('[data-testid=obj-0] tbody tr:nth-child(1) [data-testid=remove-with-dependents]');
  await settle(page);
  // Another edit after the removal stays when the removal is undone.
  await goto(page, `#/plans/${id}/strategy/strategic-plan/step-3`);
  await page.fill('[data-testid=mission]', 'Kept after undo');
  await settle(page);
  const stale = page.locator('[data-testid=notice] button:has-text("Undo")');
  assert.equal(await stale.count(), 0, 'an edit withdraws the offer');

  await goto(page, `#/plans/${id}/strategy/strategic-plan/step-2`);
  const letters = await page.$$eval('[data-testid=bo-0] tbody tr', (r) => r.length);
  await page.click('[data-testid=bo-0] tbody tr:nth-child(1) button[aria-label^="Remove"]');
  await settle(page);
  await page.click('[data-testid=notice] button:has-text("Undo")');
  await settle(page);
  const plan = (await storedPlan(page, id)).plan;
  assert.equal(plan.strategy.business_objectives.length, letters);
  assert.equal(plan.strategy.mission, 'Kept after undo');
  assert.ok(plan.strategy.objectives.every((o) => o.business_objectives.every((b) => plan.strategy.business_objectives.some((x) => x.id === b))));

  // Removed, then the plan list: the offer goes with the plan, and plans still open.
  await page.click('[data-testid=bo-0] tbody tr:nth-child(1) button[aria-label^="Remove"]');
  await settle(page);
  await goto(page, '#/');
  assert.equal(await page.locator('[data-testid=notice] button:has-text("Undo")').count(), 0);
  await page.click('[data-testid=plan-row] a.plan-name');
  await page.waitForSelector('[data-testid=phase-stack]');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a stored plan that does not validate is repaired on start, named, and kept as it was under Recovery', async () => {
  const { context, page, id } = await sample();
  await page.evaluate((key) => {
    const stored = JSON.parse(localStorage.getItem(key));
    stored.plan.operative.actions.slice(0, 3).forEach((a) => { a.serves = { objective: 'gone' }; });
    stored.plan.information.landscape.findings[0].weight = 9;
    localStorage.setItem(key, JSON.stringify(stored));
  }, `socialplan.v1.plan.${id}`);
  await goto(page, '#/');
  await page.reload();
  const notice = page.locator('[data-testid=notice]', { hasText: 'repaired' });
  await notice.waitFor();
  const text = await notice.textContent();
  assert.match(text, /3 actions pointed at a removed objective or tactic; their links were cleared/);
  assert.match(text, /1 number was out of range/);
  assert.equal(await page.locator('[data-testid=plan-row]').count(), 1, 'the plan stays in the list');
  await page.waitForSelector('[data-testid=recovery]:not([hidden])');
  assert.equal(await page.locator('[data-testid=backup-row]').count(), 1);
  const stored = (await storedPlan(page, id)).plan;
  assert.ok(stored.operative.actions.slice(0, 3).every((a) => a.serves === null));
  // The copy as it was downloads exactly.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=backup-download]')]);
  assert.match(JSON.parse(fs.readFileSync(await download.path(), 'utf8')).plan.operative.actions[0].serves.objective, /gone/);
  // Deleting asks first, then the copy is gone for good.
  await page.click('[data-testid=backup-delete]');
  await page.click('[data-testid=confirm-backup-delete]');
  await page.waitForSelector('[data-testid=recovery]', { state: 'hidden' });
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('socialplan.v1.backup.')));
  assert.deepEqual(keys, []);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('text that is no plan at all stays under Recovery until deleted, and a readable copy is restored as a plan', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await open(context, server.url);
  await page.click('[data-testid=open-sample]');
  await page.waitForSelector('[data-testid=phase-stack]');
  const id = planIdOf(page);
  const good = await page.evaluate((key) => localStorage.getItem(key), `socialplan.v1.plan.${id}`);
  await page.evaluate(([key, text]) => {
    localStorage.setItem(key, '{"format":"socialplan","schema_version":1,"plan":{"id":');
    localStorage.setItem('socialplan.v1.backup.old.2026-01-02T10:00:00.000Z', text);
  }, [`socialplan.v1.plan.${id}`, good]);
  await goto(page, '#/');
  await page.reload();
  await page.waitForSelector('[data-testid=recovery]:not([hidden])');
  assert.equal(await page.locator('[data-testid=backup-row]').count(), 2);
  // Dismissed nowhere: the list is there after another reload.
  await page.reload();
  await page.waitForSelector('[data-testid=recovery]:not([hidden])');
  assert.equal(await page.locator('[data-testid=backup-row]').count(), 2);
  // The broken one can't be restored, and says why; the readable one becomes a plan.
  const broken = page.locator('[data-testid=backup-row]', { hasNotText: 'Northwind' }).first();
  await broken.locator('[data-testid=backup-restore]').click();
  await page.locator('[data-testid=notice]', { hasText: 'could not be imported' }).waitFor();
  const readable = page.locator('[data-testid=backup-row]', { hasText: 'Northwind' }).first();
  await readable.locator('[data-testid=backup-restore]').click();
  await page.waitForSelector('[data-testid=phase-stack]');
  await goto(page, '#/');
  assert.equal(await page.locator('[data-testid=plan-row]').count(), 1);
  assert.equal(await page.locator('[data-testid=backup-row]').count(), 2, 'copies stay until deleted');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a file with fields the app does not know names them and asks before importing without them', async () => {
  const { context, page, id } = await sample();
  const envelope = await storedPlan(page, id);
  delete envelope.revision;
  envelope.plan.id = 'typo-plan';
  envelope.plan.name = 'Typo plan';
  envelope.plan.strategy.kpiz = envelope.plan.strategy.kpis;
  envelope.plan.strategy.kpis = [];
  const file = tempFile('typo.socialplan.json', JSON.stringify(envelope));
  await goto(page, '#/');
  await page.setInputFiles('[data-testid=import-input]', file);
  const question = page.locator('[data-testid=notice]', { hasText: 'does not know' });
  await question.waitFor();
  assert.match(await question.textContent(), /plan\.strategy\.kpiz/);
  assert.equal(await page.locator('[data-testid=plan-row]').count(), 1, 'nothing imported before the answer');
  await page.click('[data-testid=import-without-unknown]');
  await page.waitForSelector('[data-testid=phase-stack]');
  await goto(page, '#/');
  assert.equal(await page.locator('[data-testid=plan-row]').count(), 2);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('extreme but well-formed values open on every screen and in both reports', async () => {
  const { context, page, id } = await sample();
  const envelope = await storedPlan(page, id);
  delete envelope.revision;
  envelope.plan.id = 'extreme-plan';
  envelope.plan.name = 'Extreme values';
  const kpis = envelope.plan.strategy.kpis;
  kpis[0].actuals = [{ period: '2026-01-31', value: 0 }, { period: '2026-02-28', value: 1e-320 }];
  kpis[0].baseline = 0; kpis[0].target = 5e-324;
  kpis[1].actuals = [{ period: '2026-01-31', value: 1e15 }, { period: '2026-02-28', value: -1e15 }];
  kpis[2].actuals = [{ period: '0001-01-01', value: 3 }, { period: '9999-12-31', value: 3 }];
  kpis[3].actuals = [{ period: '2026-03-31', value: 7 }];
  kpis[3].baseline = 7; kpis[3].target = 7;
  const file = tempFile('extreme.socialplan.json', JSON.stringify(envelope));
  await goto(page, '#/');
  await page.setInputFiles('[data-testid=import-input]', file);
  await page.waitForSelector('[data-testid=phase-stack]');
  const screens = ['', '/dashboard', '/operative/kpi-tracking', '/information/landscape', '/information/audit', '/information/maturity',
    '/strategy/strategic-plan', '/strategy/strategic-plan/step-5', '/operative/enabling'];
  for (const screen of screens) {
    await goto(page, `#/plans/extreme-plan${screen}`);
    await page.waitForTimeout(100);
    assert.equal(await page.locator('#crash').count(), 0, `${screen} runs`);
  }
  await goto(page, '#/plans/extreme-plan');
  for (const report of ['report-md', 'report-html']) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid=${report}]`)]);
    assert.ok(fs.readFileSync(await download.path(), 'utf8').length > 1000);
  }
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('KPI names that look like formulas are harmless in the CSV export, and read back', async () => {
  const { context, page, id } = await sample();
  await goto(page, `#/plans/${id}/strategy/strategic-plan/step-5`);
  const kpi = (await storedPlan(page, id)).plan.strategy.kpis[0];
  await page.fill(`[data-testid=kpi-name-${kpi.id}]`, '=HYPERLINK("http://evil.example","click")');
  await settle(page);
  await goto(page, `#/plans/${id}/operative/kpi-tracking`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=csv-export-all]')]);
  const csv = fs.readFileSync(await download.path(), 'utf8');
  const lines = csv.split('\n').filter((l) => l.includes('HYPERLINK'));
  assert.ok(lines.length > 0);
  for (const line of lines) assert.match(line, /^"'=HYPERLINK\(""http:\/\/evil\.example"",""click""\)",/);
  assert.ok(!/^[=+\-@]/m.test(csv), 'no line starts a formula');
  // The file reads back into the same KPI, changing nothing.
  const file = tempFile('values.csv', csv);
  await page.setInputFiles('[data-testid=csv-import-all]', file);
  await page.locator('[data-testid=notice]', { hasText: 'replaced' }).waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});

// An import shows its plan first and stores it in the task after that frame. Watched on
// every change of the page: the plan is never said to be imported or saved while storage
// does not hold it.
const WATCH_IMPORT = (id) => {
  window.importSeen = { violations: [], shownUnstored: false };
  const key = `socialplan.v1.plan.${id}`;
  new MutationObserver(() => {
    const stored = localStorage.getItem(key) !== null;
    const shown = document.querySelector('[data-testid=phase-stack]') !== null;
    const saved = document.querySelector('[data-testid=save-status]')?.classList.contains('status-saved');
    const confirmed = [...document.querySelectorAll('[data-testid=notice]')].some((n) => /was imported/.test(n.textContent));
    if (shown && !stored) window.importSeen.shownUnstored = true;
    if (!stored && ((shown && saved) || confirmed)) window.importSeen.violations.push({ saved, confirmed });
  }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
};

async function exportedSample(name, id) {
  const { context, page, id: sampleId } = await sample();
  const envelope = await storedPlan(page, sampleId);
  await context.close();
  delete envelope.revision;
  Object.assign(envelope.plan, { id, name });
  return { file: tempFile(`${id}.socialplan.json`, JSON.stringify(envelope)), plan: envelope.plan };
}

test('an imported plan is shown, then stored; it is confirmed and saved only once storage holds it', async () => {
  const { file, plan } = await exportedSample('Shown first', 'shown-first');
  const context = await browser.newContext();
  const page = await open(context, server.url);
  await page.evaluate(WATCH_IMPORT, plan.id);
  await page.setInputFiles('[data-testid=import-input]', file);
  await page.waitForSelector('[data-testid=phase-stack]');
  await page.locator('[data-testid=notice]', { hasText: '“Shown first” was imported.' }).waitFor();
  await settle(page);
  assert.deepEqual((await storedPlan(page, plan.id)).plan, plan);
  const seen = await page.evaluate(() => window.importSeen);
  assert.deepEqual(seen.violations, []);
  assert.equal(await page.textContent('[data-testid=plan-title]'), 'Shown first');
  await page.goto(server.url + '#/');
  assert.equal(await page.locator('[data-testid=plan-row]').count(), 1);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('an import into full storage stays open and unsaved with the message, and is stored once there is room', async () => {
  const { file, plan } = await exportedSample('No room', 'no-room');
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.storageFull = false;
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (window.storageFull && key.startsWith('socialplan.v1.plan.')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  });
  const page = await open(context, server.url);
  await page.evaluate(WATCH_IMPORT, plan.id);
  await page.evaluate(() => { window.storageFull = true; });
  await page.setInputFiles('[data-testid=import-input]', file);
  await page.waitForSelector('[data-testid=phase-stack]');
  await page.locator('.notice-error', { hasText: "The browser's storage is full" }).waitFor();
  assert.equal(await page.textContent('[data-testid=save-status]'), 'Not saved');
  assert.equal(await page.textContent('[data-testid=plan-title]'), 'No room');
  assert.equal(await storedPlan(page, plan.id), null);
  assert.equal(await page.locator('[data-testid=notice]', { hasText: 'was imported' }).count(), 0, 'not confirmed while not stored');
  // Leaving tries to save first; it fails, so the plan stays in memory, unsaved.
  await page.click('header nav a[href="#/"]');
  await page.waitForSelector('[data-testid=new-plan-name]');
  assert.equal(await page.textContent('[data-testid=save-status]'), 'Not saved');
  assert.equal(await storedPlan(page, plan.id), null);
  // Back to it, with room again: the next save stores it, and only then is the import confirmed.
  await page.goBack();
  await page.waitForSelector('[data-testid=phase-stack]');
  assert.equal(await page.inputValue('[data-testid=plan-name]'), 'No room');
  await page.evaluate(() => { window.storageFull = false; });
  await page.fill('[data-testid=plan-name]', 'No room, kept');
  await settle(page);
  await page.locator('[data-testid=notice]', { hasText: '“No room” was imported.' }).waitFor();
  const stored = (await storedPlan(page, plan.id)).plan;
  assert.equal(stored.name, 'No room, kept');
  assert.deepEqual(stored.strategy, plan.strategy);
  assert.deepEqual(await page.evaluate(() => window.importSeen.violations), []);
  assert.deepEqual(page.errors, []);
  await context.close();
});
