// End-to-end tests against the release build, as a user would work.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, open, storage, storedPlan, planIdOf, settle } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function newContext(locale = 'en-US') {
  return browser.newContext({ locale, acceptDownloads: true });
}

async function createPlan(page, name, fn = 'sales') {
  await page.fill('[data-testid=new-plan-name]', name);
  await page.selectOption('[data-testid=new-plan-function]', fn);
  await page.click('[data-testid=create-plan]');
  await page.waitForSelector('[data-testid=phase-stack]');
  return planIdOf(page);
}

async function exportOpenPlan(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export]')]);
  const file = path.join(os.tmpdir(), `sp-${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(file);
  return { file, name: download.suggestedFilename(), json: JSON.parse(fs.readFileSync(file, 'utf8')) };
}

async function importFile(page, file) {
  await page.goto(page.url().split('#')[0] + '#/');
  await page.setInputFiles('[data-testid=import-input]', file);
}

test('a new plan keeps what was typed across a reload', async () => {
  const context = await newContext();
  const page = await open(context, server.url);
  const id = await createPlan(page, 'Workshop plan', 'customer_service');
  await page.fill('[data-testid=plan-name]', 'Workshop plan, renamed');
  // Reload at once: the edit is flushed when the page goes away, not only after the delay.
  await page.reload();
  await page.waitForSelector('[data-testid=plan-title]');
  assert.equal(await page.textContent('[data-testid=plan-title]'), 'Workshop plan, renamed');
  assert.equal((await storedPlan(page, id)).plan.strategy.focus.function, 'customer_service');
  await page.goto(server.url + '#/');
  await page.waitForSelector('[data-testid=plan-row]');
  assert.match(await page.textContent('[data-testid=plan-list]'), /Workshop plan, renamed[\s\S]*Customer service/);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('export then import gives the same plan, and a second import asks first', async () => {
  const context = await newContext();
  const page = await open(context, server.url);
  await page.click('[data-testid=open-sample]');
  await page.waitForSelector('[data-testid=phase-stack]');
  const id = planIdOf(page);
  const exported = await exportOpenPlan(page);
  assert.match(exported.name, /^sample-northwind-coffee-marketing-plan\.socialplan\.json$/);
  assert.equal(exported.json.format, 'socialplan');
  assert.equal(exported.json.schema_version, 1);
  assert.equal(exported.json.revision, undefined);

  // Delete it, then bring it back from the file.
  await page.goto(server.url + '#/');
  await page.click('[data-testid=plan-row] button.danger');
  await page.click('[data-testid=confirm-delete]');
  assert.equal(await storedPlan(page, id), null);
  await importFile(page, exported.file);
  await page.waitForSelector('[data-testid=phase-stack]');
  assert.equal(planIdOf(page), id);
  // The overview shows first; the plan is stored in the task after that frame.
  await settle(page);
  assert.deepEqual((await storedPlan(page, id)).plan, exported.json.plan);

  // The same file again: the app asks, and "keep both" adds a copy.
  await importFile(page, exported.file);
  await page.getByRole('button', { name: 'Keep both' }).click();
  await page.waitForSelector('[data-testid=phase-stack]');
  assert.notEqual(planIdOf(page), id);
  await page.goto(server.url + '#/');
  assert.equal(await page.locator('[data-testid=plan-row]').count(), 2);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a deleted plan comes back with undo', async () => {
  const context = await newContext();
  const page = await open(context, server.url);
  const id = await createPlan(page, 'Keep me');
  await page.goto(server.url + '#/');
  await page.click('[data-testid=plan-row] button.danger');
  await page.click('[data-testid=confirm-delete]');
  assert.equal(await page.locator('[data-testid=plan-row]').count(), 0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.waitForSelector('[data-testid=plan-row]');
  assert.equal((await storedPlan(page, id)).plan.name, 'Keep me');
  await context.close();
});

test('broken files get a clear message and change nothing', async () => {
  const context = await newContext();
  const page = await open(context, server.url);
  await createPlan(page, 'Existing');
  await page.goto(server.url + '#/');
  const before = await storage(page);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-bad-'));
  const cases = [
    ['truncated.json', '{"format": "socialplan", "schema_version": 1, "plan": {"name": "x"', /not valid JSON \(line 1, column/],
    ['other-app.json', '{"type": "excalidraw", "version": 2, "elements": []}', /not a Socialplan plan/],
    ['newer.json', '{"format": "socialplan", "schema_version": 7, "plan": {}}', /newer version of Socialplan/],
    ['wrong-type.json', JSON.stringify({ format: 'socialplan', schema_version: 1, plan: { id: 'p', strategy: { kpis: [{ id: 'k', baseline: 'many' }] } } }),
      /plan\.strategy\.kpis\[0\]\.baseline/],
  ];
  for (const [name, body, message] of cases) {
    const file = path.join(dir, name);
    fs.writeFileSync(file, body);
    await page.setInputFiles('[data-testid=import-input]', file);
    const notice = page.locator('[data-testid=notice]', { hasText: name });
    await notice.waitFor();
    assert.match(await notice.textContent(), message, name);
  }
  assert.deepEqual(await storage(page), before);
  // A link to nothing is no reason to refuse a team's work: it is repaired and named.
  const dangling = path.join(dir, 'dangling.json');
  fs.writeFileSync(dangling, JSON.stringify({ format: 'socialplan', schema_version: 1, plan: { id: 'p', name: 'Dangling', strategy: { tactics: [{ id: 't', objective: 'gone', text: 'Kept' }] } } }));
  await page.setInputFiles('[data-testid=import-input]', dangling);
  const repaired = page.locator('[data-testid=notice]', { hasText: 'repaired' });
  await repaired.waitFor();
  assert.match(await repaired.textContent(), /1 KPI or tactic had lost its objective/);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the language follows the browser, switches, and is remembered', async () => {
  const context = await newContext('de-DE');
  const page = await open(context, server.url);
  assert.equal(await page.getAttribute('html', 'lang'), 'de');
  assert.equal(await page.textContent('main h1'), 'Ihre Strategiepläne');
  await createPlan(page, 'Vertriebsplan');
  await page.goto(server.url + '#/');
  assert.match(await page.textContent('[data-testid=plan-list]'), /Zuletzt geändert am \d\d\.\d\d\.\d{4}/);

  await page.selectOption('[data-testid=language]', 'bg');
  await page.waitForFunction(() => document.documentElement.lang === 'bg');
  await page.waitForFunction(() => document.activeElement?.id === 'language', null, { polling: 20 });
  assert.equal(await page.textContent('main h1'), 'Вашите стратегически планове');
  assert.match(await page.textContent('[data-testid=plan-list]'), /Продажби/);
  await page.reload();
  await page.waitForSelector('main h1');
  assert.equal(await page.textContent('main h1'), 'Вашите стратегически планове');
  await context.close();
});

test('the sample plan opens every screen without an error', async () => {
  for (const locale of ['en-US', 'de-DE', 'bg-BG']) {
    const context = await newContext(locale);
    const page = await open(context, server.url);
    await page.click('[data-testid=open-sample]');
    await page.waitForSelector('[data-testid=phase-stack]');
    const overview = page.url();
    const blocks = await page.$$eval('.phase-stack a', (as) => as.map((a) => a.getAttribute('href')));
    assert.equal(blocks.length, 18);
    await page.goto(overview.split('#')[0] + blocks.find((h) => h.endsWith('strategic-plan')));
    await page.waitForSelector('.step-list');
    const steps = await page.$$eval('.step-list a', (as) => as.map((a) => a.getAttribute('href')));
    assert.equal(steps.length, 7);
    const titles = new Set();
    for (const href of [...blocks, ...steps]) {
      await page.goto(overview.split('#')[0] + href);
      await page.waitForFunction((h) => location.hash === h, href);
      const title = await page.textContent('main h1');
      assert.ok(title.trim().length > 0, href);
      titles.add(title);
    }
    assert.equal(titles.size, 25, 'every screen has its own title');
    // A deep link survives a reload.
    await page.reload();
    await page.waitForSelector('.step-list');
    assert.equal(page.url().split('#')[1], steps[6].slice(1));
    assert.deepEqual(page.errors, [], locale);
    assert.deepEqual(page.foreign, [], 'no request leaves the origin');
    await context.close();
  }
});

test('an edit in one tab shows in the other and is never overwritten by it', async () => {
  const context = await newContext();
  const a = await open(context, server.url);
  const id = await createPlan(a, 'Shared plan');
  const b = await open(context, server.url, `#/plans/${id}`);
  await a.fill('[data-testid=plan-name]', 'Edited in tab A');
  await a.waitForSelector('[data-testid=save-status]:text-is("Saved")');
  // Tab B is in the background, where animation frames don't run: poll by time.
  await b.waitForFunction(() => document.querySelector('[data-testid=plan-title]')?.textContent === 'Edited in tab A', null, { polling: 50 });
  assert.match(await b.textContent('[data-testid=notice]'), /changed in another tab/);
  // Idle tabs stay quiet: no storage traffic bounces between them.
  const events = await b.evaluate(() => new Promise((done) => {
    let n = 0;
    addEventListener('storage', () => { n += 1; });
    setTimeout(() => done(n), 1000);
  }));
  assert.equal(events, 0);
  await context.close();
});

test('edits in two tabs at once: the user keeps this version or loads the other, and a deletion is undone only on request', async () => {
  const context = await newContext();
  // Fake timers, paused below: autosave then runs only when a tab leaves the plan, so
  // both tabs hold unsaved edits when one of them saves.
  await context.clock.install();
  const a = await open(context, server.url);
  const id = await createPlan(a, 'Shared plan');
  const b = await open(context, server.url, `#/plans/${id}`);
  await b.waitForSelector('[data-testid=plan-title]:text-is("Shared plan")');
  await context.clock.pauseAt(Date.now() + 60_000);
  const status = (page) => page.textContent('[data-testid=save-status]');
  const storedName = async () => (await storedPlan(a, id)).plan.name;
  const conflict = (page) => page.locator('[data-testid=notice]', { hasText: 'also changed in another tab' });

  // Both tabs edit; tab A leaves the plan and so saves first.
  await b.fill('[data-testid=plan-name]', 'Edited in B');
  assert.equal(await status(b), 'Saving…');
  await a.fill('[data-testid=plan-name]', 'Edited in A');
  await a.evaluate(() => { location.hash = '#/'; });
  await a.waitForSelector('[data-testid=plan-list]');
  assert.equal(await storedName(), 'Edited in A');
  // Tab B is asked, shows "Not saved", and autosave waits for the answer.
  await conflict(b).waitFor();
  assert.equal(await status(b), 'Not saved');
  assert.equal(await b.inputValue('[data-testid=plan-name]'), 'Edited in B');
  await context.clock.runFor(2_000);
  assert.equal(await storedName(), 'Edited in A', 'autosave never writes over the other version');
  await b.getByRole('button', { name: "Keep this tab's version" }).click();
  await b.waitForSelector('[data-testid=save-status]:text-is("Saved")');
  assert.equal(await storedName(), 'Edited in B');
  assert.equal(await conflict(b).count(), 0);

  // Again, and this time tab B loads the other version.
  await a.evaluate((plan) => { location.hash = `#/plans/${plan}`; }, id);
  await a.waitForSelector('[data-testid=plan-title]:text-is("Edited in B")');
  await b.fill('[data-testid=plan-name]', 'B again');
  await a.fill('[data-testid=plan-name]', 'A again');
  await a.evaluate(() => { location.hash = '#/'; });
  await conflict(b).waitFor();
  await b.getByRole('button', { name: 'Load the other version' }).click();
  await b.waitForSelector('[data-testid=plan-title]:text-is("A again")');
  assert.equal(await status(b), 'Saved');
  assert.equal(await storedName(), 'A again');

  // Tab A deletes the plan tab B has open: B keeps it only when told to.
  await a.click('[data-testid=plan-row] button.danger');
  await a.click('[data-testid=confirm-delete]');
  await a.waitForFunction((key) => localStorage.getItem(key) === null, `socialplan.v1.plan.${id}`);
  const deleted = b.locator('[data-testid=notice]', { hasText: 'deleted' });
  await deleted.waitFor();
  assert.equal(await status(b), 'Not saved');
  await context.clock.runFor(2_000);
  assert.equal(await storedPlan(a, id), null, 'a deleted plan stays deleted');
  await deleted.getByRole('button', { name: "Keep this tab's version" }).click();
  await b.waitForSelector('[data-testid=save-status]:text-is("Saved")');
  assert.equal(await storedName(), 'A again');
  assert.deepEqual(a.errors, []);
  assert.deepEqual(b.errors, []);
  await context.close();
});

test('a first visit fetches no plan reader; a plan made in another tab opens all the same', async () => {
  const context = await newContext();
  const b = await open(context, server.url);
  // The plan reader comes in the pack of the first plan's parts (scripts/pack-parts.py).
  // Once the service worker serves the app's files from the cache, the page gets it
  // ready in idle time, from there: that is no fetch of the page's own.
  const codecFetched = (page, { fromNetwork }) => page.evaluate((fromNetwork) => performance.getEntriesByType('resource')
    .some((e) => /pack_plan|split_plan_codec/.test(e.name) && !(fromNetwork && e.workerStart > 0)), fromNetwork);
  assert.equal(await codecFetched(b, { fromNetwork: false }), false, 'the plan list of a first visit does not need the plan reader');
  const a = await open(context, server.url);
  const id = await createPlan(a, 'Made in tab A');
  assert.equal(await codecFetched(a, { fromNetwork: false }), true, 'creating the first plan loads it');
  // Tab B started with no plans: it lists the new one, then reads it when opened.
  await b.waitForFunction(() => document.querySelector('[data-testid=plan-list]')?.textContent.includes('Made in tab A'), null, { polling: 50 });
  assert.equal(await codecFetched(b, { fromNetwork: true }), false, 'listing a plan fetches no reader');
  await b.bringToFront();
  // In the same page (no reload, which would load the reader at start).
  await b.evaluate((plan) => { location.hash = `#/plans/${plan}`; }, id);
  await b.waitForFunction(() => document.querySelector('[data-testid=plan-title]')?.textContent === 'Made in tab A', null, { polling: 50 });
  assert.deepEqual(a.errors, []);
  assert.deepEqual(b.errors, []);
  await context.close();
});

test('a first visit paints the shell first, then the plan list comes in steps and nothing on it moves', async () => {
  const context = await newContext();
  const page = await context.newPage();
  // What the page records from its very start: shifts of what was shown, and the moment
  // the app took over from the shell index.html paints.
  await page.addInitScript(() => {
    window.firstVisit = { shifts: [], shellGone: null };
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.firstVisit.shifts.push(e.value); }).observe({ type: 'layout-shift', buffered: true });
    new MutationObserver((_, observer) => {
      if (document.getElementById('shell') === null && document.body) {
        window.firstVisit.shellGone = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url + '#/');
  // The last of the sections drawn after the page's top.
  await page.waitForSelector('footer.footer');
  const seen = await page.evaluate(() => {
    const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
    const order = ['#your-plans', '[data-testid=new-plan-name]', '[data-testid=open-sample]', '[data-testid=dropzone]', '[data-testid=recovery]', '[data-testid=worksheet-links]', 'footer.footer']
      .map((s) => document.querySelector(s));
    const inOrder = order.every((el, i) => el && (i === 0 || (order[i - 1].compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)));
    return { paint, shellGone: window.firstVisit.shellGone, shifts: window.firstVisit.shifts, inOrder, h1: document.querySelectorAll('h1').length };
  });
  assert.ok(seen.paint !== null && seen.shellGone !== null, 'the page painted, and the app took over');
  assert.ok(seen.paint <= seen.shellGone, `the shell is painted before the app replaces it (paint ${seen.paint}, replaced ${seen.shellGone})`);
  assert.deepEqual(seen.shifts, [], 'nothing shown moves while the sections come in');
  assert.ok(seen.inOrder, 'every section is drawn, in the order of the page');
  assert.equal(seen.h1, 1, 'one page heading: the shell is gone');
  // The sections drawn in later steps work as any other: a plan created from them.
  await createPlan(page, 'Made on a first visit');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a plan damaged in storage is kept under Recovery with its name, and its data kept', async () => {
  const context = await newContext();
  const page = await open(context, server.url);
  const id = await createPlan(page, 'Fragile plan');
  await page.evaluate((key) => localStorage.setItem(key, '{"format":"socialplan","schema_version":1,"plan":{"id":"x","name":"Fragile plan",'), `socialplan.v1.plan.${id}`);
  await page.goto(server.url + '#/');
  await page.reload();
  const row = page.locator('[data-testid=backup-row]', { hasText: 'Fragile plan' });
  await row.waitFor();
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('socialplan.v1.backup.')));
  assert.equal(kept.length, 1);
  await context.close();
});

test('prose blocks are written in place, kept, and counted as done', async () => {
  const context = await newContext();
  const page = await open(context, server.url);
  const id = await createPlan(page, 'Cornerstones');
  assert.equal(await page.locator('[data-testid=incomplete]').count(), 0, 'nothing started, nothing incomplete');
  await page.goto(`${server.url}#/plans/${id}/strategy/governance`);
  await page.fill('[data-testid=gov-policies]', 'Only the team may speak for the brand.');
  await page.goto(`${server.url}#/plans/${id}`);
  await page.waitForSelector('[data-testid=phase-stack]');
  assert.equal(await page.locator('[data-testid=incomplete]').count(), 1, 'the Strategy phase started without its cornerstones');
  await page.goto(`${server.url}#/plans/${id}/strategy/business-integration`);
  await page.fill('[data-testid=business-integration]', 'Leads go to sales within a day.');
  await page.goto(`${server.url}#/plans/${id}/strategy/goal-system`);
  await page.fill('[data-testid=goal-system]', 'KPIs monthly, objectives quarterly.');
  await page.goto(`${server.url}#/plans/${id}/strategy/resources`);
  await page.fill('[data-testid=res-people]', 'Two people, half time');
  await page.fill('[data-testid=res-budget]', '1,234.5');
  assert.match(await page.textContent('#res-budget-message'), /Saved as 1,234\.50/);
  await page.fill('[data-testid=res-hours]', 'lots');
  assert.match(await page.textContent('#res-hours-message'), /“lots” is not a number/);
  assert.equal(await page.getAttribute('[data-testid=res-hours]', 'aria-invalid'), 'true');
  await page.goto(`${server.url}#/plans/${id}/strategy/post`);
  await page.fill('[data-testid=post-technology]', 'A new app');
  await page.waitForSelector('[data-testid=technology-early]', { state: 'visible' });
  await page.check('#post-objective-0');
  await page.goto(`${server.url}#/plans/${id}/strategy/strategic-plan/step-3`);
  await page.fill('[data-testid=mission]', 'Fans who carry the brand.');

  await page.reload();
  await page.waitForSelector('[data-testid=mission]');
  assert.equal(await page.inputValue('[data-testid=mission]'), 'Fans who carry the brand.');
  const stored = (await storedPlan(page, id)).plan.strategy;
  assert.equal(stored.governance.policies, 'Only the team may speak for the brand.');
  assert.equal(stored.resources.budget, 1234.5);
  assert.equal(stored.resources.hours_per_week, null, 'a wrong number changes nothing');
  assert.deepEqual(stored.post.objectives, ['listening']);
  await page.goto(`${server.url}#/plans/${id}`);
  await page.waitForSelector('[data-testid=phase-stack]');
  assert.equal(await page.locator('[data-testid=incomplete]').count(), 0, 'the cornerstones are there');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('numbers are read the German way in German', async () => {
  const context = await newContext('de-DE');
  const page = await open(context, server.url);
  const id = await createPlan(page, 'Ressourcen');
  await page.goto(`${server.url}#/plans/${id}/strategy/resources`);
  await page.fill('[data-testid=res-budget]', '1.234,5');
  assert.match(await page.textContent('#res-budget-message'), /Gespeichert als 1\.234,50/);
  assert.equal((await storedPlan(page, id)).plan.strategy.resources.budget ?? null, null, 'saved after the pause, not at once');
  await page.waitForSelector('[data-testid=save-status]:text-is("Gespeichert")');
  assert.equal((await storedPlan(page, id)).plan.strategy.resources.budget, 1234.5);
  await context.close();
});

test('markup typed or imported shows as text and never runs', async () => {
  const payload = '<img src=x onerror="window.__ran=1"><script>window.__ran=2</script><b>bold</b>';
  const context = await newContext();
  const page = await open(context, server.url);
  const id = await createPlan(page, payload);
  assert.equal(await page.textContent('[data-testid=plan-title]'), payload);
  await page.goto(`${server.url}#/plans/${id}/strategy/governance`);
  await page.fill('[data-testid=gov-policies]', payload);
  await page.waitForSelector('[data-testid=save-status]:text-is("Saved")');
  // Import a file whose every text carries the payload.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-xss-'));
  const file = path.join(dir, 'payload.socialplan.json');
  fs.writeFileSync(file, JSON.stringify({ format: 'socialplan', schema_version: 1, plan: {
    id: 'xss', name: payload, strategy: { mission: payload, business_objectives: [{ id: 'b', text: payload }] } } }));
  await importFile(page, file);
  await page.waitForSelector('[data-testid=phase-stack]');
  assert.equal(await page.textContent('[data-testid=plan-title]'), payload);
  await page.goto(`${server.url}#/`);
  await page.waitForSelector('[data-testid=plan-row]');
  assert.match(await page.textContent('[data-testid=plan-list]'), /<img src=x onerror=/);
  assert.equal(await page.evaluate(() => window.__ran), undefined);
  assert.equal(await page.locator('main img, main b, main script').count(), 0);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a plan is renamed from the list and duplicated with fresh ids', async () => {
  const context = await newContext();
  const page = await open(context, server.url);
  const id = await createPlan(page, 'Old name');
  await page.goto(server.url + '#/');
  await page.getByRole('button', { name: 'Rename' }).click();
  await page.fill(`#rename-${id}`, 'New name');
  await page.getByRole('button', { name: 'Save name' }).click();
  await page.waitForSelector('[data-testid=plan-row] a.plan-name:text-is("New name")');
  assert.equal((await storedPlan(page, id)).plan.name, 'New name');
  await page.getByRole('button', { name: 'Duplicate' }).click();
  await page.waitForSelector('[data-testid=plan-row] a.plan-name:text-is("New name (copy)")');
  assert.equal(await page.locator('[data-testid=plan-row]').count(), 2);
  assert.deepEqual(page.errors, []);
  await context.close();
});
