// Accessibility: axe-core (WCAG 2 A and AA rules) on every kind of screen of the sample
// plan, in each language, and the keyboard path through the start screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
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
    await context.close();
  }
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
  // Past the export and report buttons and the dashboard and workshop links.
  for (let i = 0; i < 6; i += 1) await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement.getAttribute('href') ?? document.activeElement.tagName);
  assert.match(focused, /^#\/plans\/.+\/information\/opportunities-risks$/);
  await context.close();
});
