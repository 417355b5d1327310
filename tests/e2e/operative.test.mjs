// End-to-end tests of the Operative phase: action plans, KPI values entered as a user
// would, status and chart following them, CSV in and out, and the dashboard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, open, storedPlan, planIdOf, settle, screenText } from './harness.mjs';

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

const isoDaysAgo = (n) => new Date(Date.now() - n * 86400000).toISOString().slice(0, 10);

test('action plans: overdue actions stand out, filters and sorting narrow the view, all is kept', async () => {
  const { context, page, id } = await sample();
  await page.goto(`${server.url}#/plans/${id}/operative/organisation`);
  await page.waitForSelector('[data-testid=action-1]');
  const before = await page.$$eval('[data-testid=action-1] tbody tr', (r) => r.length);
  await page.click('[data-testid=action-1-add]');
  await page.waitForFunction(() => document.activeElement.id.startsWith('action-title-'));
  const row = await page.evaluate(() => document.activeElement.id.split('-').pop());
  await page.keyboard.type('Write the escalation guide');
  await page.fill(`[data-testid=action-owner-${row}]`, 'Zoe');
  await page.fill(`[data-testid=action-due-${row}]`, isoDaysAgo(3));
  // Options are the items' ids: objectives ("1. …") first, then tactics ("– …").
  const serves = await page.$$eval(`[data-testid=action-serves-${row}] option`, (o) => o.filter((x) => x.value).map((x) => [x.value, x.textContent]));
  await page.selectOption(`[data-testid=action-serves-${row}]`, serves[0][0]);
  const rowEl = page.locator(`[data-testid=action-1] tbody tr:has([data-testid=action-title-${row}])`);
  assert.match(await rowEl.textContent(), /Overdue/);
  // Done, it is no longer overdue.
  await page.selectOption(`[data-testid=action-status-${row}]`, 'done');
  assert.doesNotMatch(await rowEl.textContent(), /Overdue/);
  // Filter by owner, then by status.
  await page.selectOption('[data-testid=action-1-filter-owner]', 'Zoe');
  assert.equal(await page.$$eval('[data-testid=action-1] tbody tr', (r) => r.length), 1);
  await page.selectOption('[data-testid=action-1-filter-owner]', '');
  await page.selectOption('[data-testid=action-1-filter-status]', 'open');
  const open = await page.$$eval('[data-testid=action-1] tbody tr', (r) => r.length);
  assert.ok(open < before + 1);
  await page.selectOption('[data-testid=action-1-filter-status]', '');
  // Sort by due date: the earliest first.
  await page.click('[data-testid=action-1] th:nth-child(3) button');
  const dues = await page.$$eval('[data-testid=action-1] tbody input[type=date]', (i) => i.map((x) => x.value).filter(Boolean));
  assert.deepEqual(dues, [...dues].sort());
  await settle(page);
  await page.reload();
  await page.waitForSelector(`[data-testid=action-title-${row}]`);
  const stored = (await storedPlan(page, id)).plan.operative.actions.find((a) => a.title === 'Write the escalation guide');
  assert.deepEqual([stored.owner, stored.status, stored.plan, Object.keys(stored.serves)[0]], ['Zoe', 'done', 'organisation', serves[0][1].startsWith('–') ? 'tactic' : 'objective']);
  assert.equal(Object.values(stored.serves)[0], serves[0][0]);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('KPI values: entered the German way, refused when doubled, charted, kept; status follows the pace', async () => {
  const { context, page, id } = await sample('de-DE');
  await page.goto(`${server.url}#/plans/${id}/operative/kpi-tracking`);
  await page.waitForSelector('[data-testid=kpi-card-0]');
  // The sample shows every status but "no target" (every KPI of it has a target).
  const badges = await page.$$eval('[data-testid^=kpi-status-] .status-badge', (b) => b.map((x) => x.dataset.status));
  assert.deepEqual([...new Set(badges)].sort(), ['0', '1', '2', '3', '4']);
  // The KPI without values (no data) gets its first one: its chart and values opened.
  const card = badges.indexOf('4');
  await page.click(`[data-testid=kpi-card-${card}] .chart-toggle summary`);
  await page.click(`[data-testid=value-entry-${card}] summary`);
  await page.waitForSelector(`[data-testid=chart-kpi-${card}] svg`);
  const before = await page.textContent(`[data-testid=chart-kpi-${card}] .chart-svg`);
  await page.fill(`[data-testid=period-${card}]`, isoDaysAgo(2));
  await page.fill(`[data-testid=value-${card}]`, '1.234,5');
  await page.click(`[data-testid=add-value-${card}]`);
  assert.match(await page.textContent(`[data-testid=value-message-${card}]`), /1\.234,5/);
  await page.waitForFunction((c) => document.querySelector(`[data-testid=kpi-status-${c}] .status-badge`).dataset.status !== '4', card);
  assert.notEqual(await page.textContent(`[data-testid=chart-kpi-${card}] .chart-svg`), before, 'the chart redraws');
  // The same period again is refused with a message.
  await page.fill(`[data-testid=value-${card}]`, '7');
  await page.click(`[data-testid=add-value-${card}]`);
  assert.match(await page.textContent(`[data-testid=value-message-${card}]`), /bereits/);
  // A wrong number is named.
  await page.fill(`[data-testid=period-${card}]`, isoDaysAgo(40));
  await page.fill(`[data-testid=value-${card}]`, 'viele');
  await page.click(`[data-testid=add-value-${card}]`);
  assert.match(await page.textContent(`[data-testid=value-message-${card}]`), /viele/);
  await settle(page);
  await page.reload();
  await page.waitForSelector(`[data-testid=kpi-card-${card}]`);
  const k = (await storedPlan(page, id)).plan.strategy.kpis[card];
  assert.deepEqual(k.actuals.map((a) => a.value), [1234.5]);
  // A value corrected in the table is kept.
  await page.click(`[data-testid=value-entry-${card}] summary`);
  await page.click(`[data-testid=values-${card}] summary`);
  await page.fill(`[data-testid=values-${card}] input`, '20');
  await settle(page);
  assert.equal((await storedPlan(page, id)).plan.strategy.kpis[card].actuals[0].value, 20);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('thresholds change the status; CSV out, a broken CSV refused whole, a good one imported', async () => {
  const { context, page, id } = await sample();
  await page.goto(`${server.url}#/plans/${id}/operative/kpi-tracking`);
  await page.waitForSelector('[data-testid=kpi-card-0]');
  const atRisk = (await page.$$eval('[data-testid^=kpi-status-] .status-badge', (b) => b.map((x) => x.dataset.status))).indexOf('1');
  await page.click('.thresholds summary');
  await page.fill('[data-testid=threshold-off-track]', '50');
  await page.fill('[data-testid=threshold-at-risk]', '60');
  await page.waitForFunction((c) => document.querySelector(`[data-testid=kpi-status-${c}] .status-badge`).dataset.status === '0', atRisk);
  await page.fill('[data-testid=threshold-at-risk]', '40');
  assert.match(await page.textContent('#threshold-message'), /first above the second/);

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=csv-export-all]')]);
  const csv = fs.readFileSync(await download.path(), 'utf8');
  assert.match(csv, /^kpi,period,value,comment\n/);
  const stored = (await storedPlan(page, id)).plan;
  const total = stored.strategy.kpis.reduce((n, k) => n + k.actuals.length, 0);
  assert.equal(csv.trim().split('\n').length, total + 1);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csv-'));
  const bad = path.join(dir, 'bad.csv');
  const name = stored.strategy.kpis[0].name;
  fs.writeFileSync(bad, `kpi;period;value\n${name};2026-13-01;5\nNobody;2026-01-31;5\n${name};2026-01-31;many\n`);
  await page.setInputFiles('[data-testid=csv-import-all]', bad);
  await page.waitForSelector('[data-testid=csv-errors-all]:not([hidden])');
  const errors = await page.textContent('[data-testid=csv-errors-all]');
  assert.match(errors, /line 2: “2026-13-01” is not a date/);
  assert.match(errors, /line 3: there is no KPI “Nobody”/);
  assert.match(errors, /line 4: “many” is not a number/);
  assert.deepEqual((await storedPlan(page, id)).plan, stored, 'nothing changed');

  const good = path.join(dir, 'good.csv');
  fs.writeFileSync(good, `kpi;period;value\n${name};2020-01-31;"1,234.5"\n`);
  await page.setInputFiles('[data-testid=csv-import-all]', good);
  await page.waitForSelector('[data-testid=notice]:has-text("1 value added")');
  await settle(page);
  assert.equal((await storedPlan(page, id)).plan.strategy.kpis[0].actuals[0].value, 1234.5);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the dashboard shows statuses, objectives, actions, phases, maturity and gap', async () => {
  const { context, page, id } = await sample();
  await page.click('[data-testid=dashboard-link]');
  await page.waitForSelector('[data-testid=chart-status]');
  const counts = await page.textContent('[data-testid=chart-status] .chart-svg');
  for (const s of ['On track', 'At risk', 'Off track', 'Stale', 'No data']) assert.match(counts, new RegExp(s));
  assert.equal(await page.$$eval('[data-testid=objective-status] li', (l) => l.length), (await storedPlan(page, id)).plan.strategy.objectives.length);
  assert.match(await page.textContent('[data-testid=chart-actions]'), /of \d+ done/);
  assert.match(await page.textContent('[data-testid=chart-phases]'), /Information phase/);
  const info = await page.textContent('[data-testid=dashboard-information]');
  assert.match(info, /Maturity: Presence/);
  assert.match(info, /Strategic gap: 4\.4 points/);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the Operative phase and the dashboard speak German and Bulgarian throughout', async () => {
  const english = ['Add an action', 'Overdue', 'Show only', 'On track', 'At risk', 'Off track', 'No data', 'Add the value',
    'Period ending on', 'Export values', 'Thresholds', 'Dashboard', 'KPIs by status', 'Objectives by their KPIs', 'Actual values'];
  for (const locale of ['de-DE', 'bg-BG']) {
    const { context, page, id } = await sample(locale);
    for (const screen of ['operative/enabling', 'operative/organisation', 'operative/technical', 'operative/kpi-tracking', 'dashboard']) {
      await page.goto(`${server.url}#/plans/${id}/${screen}`);
      await page.waitForSelector('main h1');
      const text = await screenText(page, '.kpi-card h2, .status-list li');
      for (const phrase of english) {
        // "Dashboard" is the German word too.
        if (locale === 'de-DE' && phrase === 'Dashboard') continue;
        assert.ok(!text.includes(phrase), `${locale} ${screen}: “${phrase}” left in English`);
      }
    }
    assert.deepEqual(page.errors, []);
    await context.close();
  }
});
