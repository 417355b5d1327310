// Layout on a phone: no screen of the sample plan overflows sideways at 390 px; wide
// tables scroll inside their card.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, planIdOf } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('no screen overflows sideways at 390 px', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await open(context, server.url);
  await page.click('[data-testid=open-sample]');
  await page.waitForSelector('[data-testid=phase-stack]');
  const id = planIdOf(page);
  const blocks = {
    information: ['opportunities-risks', 'tools-methods', 'landscape', 'audit', 'swot', 'maturity'],
    strategy: ['strategic-plan', 'post', 'why-social-media', 'relationships', 'governance', 'business-integration', 'goal-system', 'resources'],
    operative: ['enabling', 'organisation', 'technical', 'kpi-tracking'],
  };
  const screens = ['#/', `#/plans/${id}`, `#/plans/${id}/dashboard`, `#/plans/${id}/review`, '#/worksheets/landscape'];
  for (const [phase, list] of Object.entries(blocks)) for (const b of list) screens.push(`#/plans/${id}/${phase}/${b}`);
  for (let n = 1; n <= 7; n++) screens.push(`#/plans/${id}/strategy/strategic-plan/step-${n}`);
  const wide = [];
  for (const screen of screens) {
    await page.goto(server.url + screen);
    await page.waitForSelector('main h1');
    await page.waitForTimeout(200);
    const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: document.documentElement.clientWidth }));
    if (scroll > width) wide.push(`${screen}: ${scroll} px`);
  }
  assert.deepEqual(wide, []);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('each worksheet link stays whole in its column at 390 and 1280 px, in every language', async () => {
  for (const width of [390, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: 844 } });
    const page = await open(context, server.url);
    for (const lang of ['en', 'de', 'bg']) {
      await page.selectOption('[data-testid=language]', lang);
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
      await page.waitForSelector('[data-testid=worksheet-links] a');
      // A link split across two columns has lines that start at two places; a word wider
      // than its column runs into the next one.
      const split = await page.$$eval('[data-testid=worksheet-links] a', (links) => {
        const columns = new Set(links.map((a) => Math.round(a.getClientRects()[0].left))).size;
        const ul = links[0].closest('ul');
        const style = getComputedStyle(ul);
        const gap = parseFloat(style.columnGap) || parseFloat(style.fontSize);
        const inner = ul.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        const column = (inner - gap * (columns - 1)) / columns + 1;
        return links.filter((a) => {
          const rects = [...a.getClientRects()];
          return new Set(rects.map((r) => Math.round(r.left))).size > 1 || rects.some((r) => r.width > column);
        }).map((a) => a.textContent);
      });
      assert.deepEqual(split, [], `${lang} at ${width} px`);
    }
    assert.deepEqual(page.errors, []);
    await context.close();
  }
});
