// Accessibility: axe-core (WCAG 2 A and AA rules) on every kind of screen of the sample
// plan, in each language, and the keyboard path through the start screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, open } from './harness.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function violations(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

test('no WCAG A/AA violations on any kind of screen', async () => {
  for (const locale of ['en-US', 'de-DE', 'bg-BG']) {
    // axe is injected as an inline script, which the app's CSP rightly refuses.
    const context = await browser.newContext({ locale, bypassCSP: true });
    const page = await open(context, server.url);
    assert.deepEqual(await violations(page), [], `${locale} plan list, empty`);
    await page.click('[data-testid=open-sample]');
    await page.waitForSelector('[data-testid=phase-stack]');
    const base = page.url().split('#')[0];
    const id = page.url().split('/plans/')[1];
    const screens = [
      `#/plans/${id}`,
      ...['opportunities-risks', 'tools-methods', 'landscape', 'audit', 'swot', 'maturity'].map((b) => `#/plans/${id}/information/${b}`),
      `#/plans/${id}/strategy/post`,
      `#/plans/${id}/strategy/strategic-plan`,
      ...[1, 2, 4, 5, 6, 7].map((n) => `#/plans/${id}/strategy/strategic-plan/step-${n}`),
      `#/plans/${id}/strategy/relationships`,
      `#/plans/${id}/operative/kpi-tracking`,
      `#/plans/${id}/operative/enabling`,
      `#/plans/${id}/dashboard`,
      `#/plans/${id}/summary`,
      `#/plans/${id}/worksheets/landscape`,
      `#/plans/${id}/present/landscape`,
      `#/plans/${id}/review`,
      `#/plans/${id}/workshop`,
      '#/',
      '#/nowhere',
      '#/worksheets/audit',
      '#/worksheets/maturity',
    ];
    for (const hash of screens) {
      await page.goto(base + hash);
      await page.waitForSelector('main h1');
      assert.deepEqual(await violations(page), [], `${locale} ${hash}`);
    }
    // KPI tracking with a card's chart and values opened, and a grid cell refused.
    await page.goto(`${base}#/plans/${id}/operative/kpi-tracking`);
    await page.click('[data-testid=kpi-card-0] .chart-toggle summary');
    await page.click('[data-testid=value-entry-0] summary');
    await page.waitForSelector('[data-testid=chart-kpi-0] svg');
    assert.deepEqual(await violations(page), [], `${locale} KPI card opened`);
    await page.goto(`${base}#/plans/${id}/review`);
    await page.waitForSelector('[data-testid=review-value-0]');
    await page.fill('[data-testid=review-value-0]', 'lots');
    assert.deepEqual(await violations(page), [], `${locale} review with a refused cell`);
    // Sharing as a link: the panel on the overview, the screen a link opens, a broken link.
    await page.goto(`${base}#/plans/${id}`);
    await page.click('[data-testid=share]');
    await page.waitForSelector('[data-testid=share-link]');
    assert.deepEqual(await violations(page), [], `${locale} share panel`);
    const link = await page.inputValue('[data-testid=share-link]');
    await page.goto(link);
    await page.waitForSelector('[data-testid=link-import]');
    assert.deepEqual(await violations(page), [], `${locale} shared link`);
    await page.goto(`${base}#/import/AAAA`);
    await page.waitForSelector('[data-testid=link-broken]');
    assert.deepEqual(await violations(page), [], `${locale} broken link`);
    // The workshop's agenda running: the projector's countdown, the bar over a block, the
    // agenda with each block's time; a contribution as a link.
    await page.goto(`${base}#/plans/${id}/workshop`);
    await page.check('.agenda-row[data-block="swot"] [data-testid=agenda-pick]');
    await page.waitForFunction(() => !document.querySelector('[data-testid=agenda-start]').disabled);
    await page.click('[data-testid=agenda-start]');
    await page.waitForSelector('[data-testid=present-timer]');
    assert.deepEqual(await violations(page), [], `${locale} projector with the agenda`);
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid=agenda-bar]');
    assert.deepEqual(await violations(page), [], `${locale} block with the agenda bar`);
    await page.goto(`${base}#/plans/${id}/workshop`);
    await page.waitForSelector('.agenda-row.current');
    await page.fill('[data-testid=workshop-name]', 'Ana');
    await page.press('[data-testid=workshop-name]', 'Tab');
    await page.click('[data-testid=contribution-as-link]');
    await page.waitForSelector('[data-testid=contribution-link]');
    assert.deepEqual(await violations(page), [], `${locale} workshop with the agenda running and a contribution link`);
    await context.close();
  }
});

test('long lists in blocks of rows: every block names its columns, the sort buttons are in the tab order once, no WCAG A/AA violations', async () => {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await open(context, server.url);
  await page.fill('[data-testid=new-plan-name]', 'Long lists');
  await page.click('[data-testid=create-plan]');
  await page.waitForSelector('[data-testid=phase-stack]');
  const id = page.url().split('/plans/')[1];
  const envelope = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), `socialplan.v1.plan.${id}`));
  delete envelope.revision;
  envelope.plan.id = 'long-lists';
  envelope.plan.information.landscape.findings = Array.from({ length: 90 }, (_, i) => ({ id: `f${i}`, level: 'impact', text: `Finding ${i}`, polarity: 'opportunity', weight: 3 }));
  envelope.plan.information.audit = { ...envelope.plan.information.audit, channels: Array.from({ length: 90 }, (_, i) => ({ id: `c${i}`, name: `Channel ${i}`, audience: 10 * i, engagement: 'medium', owner: 'Team', notes: '' })) };
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sp-')), 'long-lists.socialplan.json');
  fs.writeFileSync(file, JSON.stringify(envelope));
  await page.goto(`${server.url}#/`);
  await page.setInputFiles('[data-testid=import-input]', file);
  await page.waitForURL(/long-lists/);
  for (const [block, list] of [['landscape', 'finding-1'], ['audit', 'channel-0']]) {
    await page.goto(`${server.url}#/plans/long-lists/information/${block}`);
    await page.waitForSelector(`[data-testid=${list}] tbody tr`, { state: 'attached' });
    const tables = await page.$$eval(`[data-testid=${list}] table`, (ts) => ts.map((t) => [...t.querySelectorAll('thead th[scope=col]')].map((th) => th.textContent.trim()).join('|')));
    assert.equal(tables.length, 3, `${list}: three blocks of rows`);
    assert.ok(tables.every((h) => h === tables[0] && h.length > 0), tables.join(' / '));
    // [sort buttons, of them in the tab order, all of those in the first block]
    const sortable = await page.$$eval(`[data-testid=${list}] button.sort`, (bs) => {
      const reached = bs.filter((b) => b.tabIndex >= 0);
      return [bs.length, reached.length, reached.every((b) => b.closest('.row-block') === b.closest('.row-blocks').firstElementChild)];
    });
    if (sortable[0] > 0) assert.deepEqual(sortable, [sortable[1] * 3, sortable[1], true], `${list}: sort buttons`);
    assert.deepEqual(await violations(page), [], `${list} in blocks`);
  }
  await context.close();
});

test('the start screen works with the keyboard alone', async () => {
  const context = await browser.newContext();
  const page = await open(context, server.url);
  // Skip link first, then through the header to the new-plan form.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  await page.focus('[data-testid=new-plan-name]');
  await page.keyboard.type('Keyboard plan');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'new-plan-function');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid=phase-stack]');
  assert.equal(await page.textContent('[data-testid=plan-title]'), 'Keyboard plan');
  // The first block link is reachable by tabbing from the plan name.
  await page.focus('[data-testid=plan-name]');
  // Past the export, share, save-to-file and report buttons, the dashboard, plan-on-a-page and workshop links.
  for (let i = 0; i < 9; i += 1) await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement.getAttribute('href') ?? document.activeElement.tagName);
  assert.match(focused, /^#\/plans\/.+\/information\/opportunities-risks$/);
  await context.close();
});
