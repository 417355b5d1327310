// Screens that work in the room: the overview on a projector, the way through the method,
// the SWOT as a 2×2 with the findings the team chooses, text read in full where it is
// edited, and confirmations that stay with the screen that made them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, planIdOf, settle, addRow } from './harness.mjs';

let server;
let browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function sample(viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const page = await open(context, server.url);
  await page.click('[data-testid=open-sample]');
  await page.waitForSelector('[data-testid=phase-stack]');
  return { context, page, id: planIdOf(page) };
}

test('the overview shows the Information phase at 1280×900 without scrolling; a new plan shows no progress it lacks', async () => {
  const { context, page } = await sample();
  await page.evaluate(() => window.scrollTo(0, 0));
  const bottom = await page.$eval('[data-testid=phase-information]', (e) => e.getBoundingClientRect().bottom);
  assert.ok(bottom <= 900, `the Information phase ends at ${bottom} px`);

  await page.goto(`${server.url}#/`);
  await page.fill('[data-testid=new-plan-name]', 'Fresh');
  await page.click('[data-testid=create-plan]');
  await page.waitForSelector('[data-testid=phase-stack]');
  for (const phase of ['information', 'strategy', 'operative']) {
    assert.match(await page.textContent(`[data-testid=phase-${phase}] .meter`), /^0\s?%/, phase);
  }
  assert.equal(await page.$$eval('[data-testid=unstable], [data-testid=incomplete]', (w) => w.length), 0);
  assert.equal(await page.$$eval('.block-link.partial, .block-link.complete', (b) => b.length), 0);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('every block and the last step lead on in the method’s order, to the dashboard', async () => {
  const { context, page, id } = await sample();
  await page.goto(`${server.url}#/plans/${id}/information/opportunities-risks`);
  const visited = [];
  for (let i = 0; i < 40; i++) {
    await page.waitForSelector('main h1');
    visited.push(page.url().split('#')[1]);
    if (page.url().endsWith('/dashboard')) break;
    // A step leads to the next step; the last step and every block to the next place.
    const next = page.locator('[data-testid=next-place], .step-nav a[rel=next]');
    assert.equal(await next.count(), 1, `one way on from ${page.url()}`);
    const before = page.url();
    await next.click();
    await page.waitForFunction((u) => location.href !== u, before);
  }
  const path = visited.map((u) => u.replace(`/plans/${id}`, ''));
  assert.deepEqual(path, [
    '/information/opportunities-risks', '/information/tools-methods', '/information/landscape', '/information/audit',
    '/information/swot', '/information/maturity', '/strategy/strategic-plan',
    ...[1, 2, 3, 4, 5, 6, 7].map((n) => `/strategy/strategic-plan/step-${n}`),
    '/strategy/strategic-plan/check', '/strategy/post', '/strategy/why-social-media', '/strategy/relationships', '/strategy/governance',
    '/strategy/business-integration', '/strategy/goal-system', '/strategy/resources',
    '/operative/enabling', '/operative/organisation', '/operative/technical', '/operative/kpi-tracking', '/dashboard',
  ].map((p) => p));
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the SWOT is a 2×2; text reads in full; icon buttons are named; a confirmation stays with its screen', async () => {
  const { context, page, id } = await sample();
  await page.goto(`${server.url}#/plans/${id}/information/swot`);
  await page.waitForSelector('.swot-grid');
  const boxes = await page.$$eval('.swot-grid .quadrant', (qs) => qs.map((q) => { const r = q.getBoundingClientRect(); return [Math.round(r.left), Math.round(r.top)]; }));
  assert.equal(boxes.length, 4);
  assert.equal(boxes[0][1], boxes[1][1], 'strengths and weaknesses side by side');
  assert.equal(boxes[2][1], boxes[3][1], 'opportunities and threats side by side');
  assert.ok(boxes[2][1] > boxes[0][1] && boxes[0][0] === boxes[2][0]);
  // No text field hides part of what it holds.
  const cut = await page.$$eval('main textarea', (ts) => ts.filter((t) => t.scrollHeight > t.clientHeight + 2).map((t) => t.value));
  assert.deepEqual(cut, []);
  const unnamed = await page.$$eval('main button', (bs) => bs.filter((b) => b.offsetParent && !b.textContent.trim().match(/\w/) && !b.title).map((b) => b.outerHTML));
  assert.deepEqual(unnamed, []);

  // Pull one finding: the confirmation shows here and goes when the user leaves.
  await page.click('[data-testid=pull-choose]');
  const first = await page.$eval('.pull-list input', (i) => i.id);
  await page.check(`#${first}`);
  await page.click('[data-testid=pull-chosen]');
  await page.waitForSelector('.notice');
  assert.match(await page.textContent('.notices'), /1 finding from Exercise 1 was added/);
  await page.goto(`${server.url}#/plans/${id}/information/landscape`);
  await page.waitForSelector('[data-testid=finding-1]');
  await settle(page);
  assert.doesNotMatch((await page.textContent('.notices').catch(() => '')) ?? '', /was added/);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('long text in the lists reads in full at 1280 px, also in a plan of one’s own', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await open(context, server.url);
  await page.fill('[data-testid=new-plan-name]', 'Long words');
  await page.click('[data-testid=create-plan]');
  await page.waitForSelector('[data-testid=phase-stack]');
  const id = planIdOf(page);
  await page.goto(`${server.url}#/plans/${id}/information/landscape`);
  await page.waitForSelector('[data-testid=finding-1]');
  await addRow(page, 'finding-1');
  const long = 'Our customers compare roasts on forums and in video comments; they trust other customers more than any advertisement, and they expect an answer on the same day, also on weekends and holidays.';
  await page.keyboard.type(long);
  const fit = await page.$eval('[data-testid=finding-1] textarea', (t) => [t.scrollHeight, t.clientHeight, t.value.length]);
  assert.ok(fit[0] <= fit[1] + 2, `the field shows ${fit[1]} of ${fit[0]} px`);
  assert.equal(fit[2], long.length);
  await context.close();
});

test('the links after a block come with its editor and stay where they are drawn', async () => {
  const { context, page, id } = await sample({ width: 1280, height: 720 });
  for (const block of ['information/landscape', 'information/swot', 'information/maturity', 'strategy/relationships', 'operative/enabling', 'operative/kpi-tracking', 'strategy/governance']) {
    await page.goto(`${server.url}#/plans/${id}/${block}`);
    // This block's link, not the one of the screen before.
    const link = `[data-testid=present-link][href$="/present/${block.split('/')[1]}"]`;
    await page.waitForSelector(link);
    // The editor is on the page by the time its links are.
    assert.ok(await page.$('section.editor'), `${block}: the links came before the editor`);
    const at = () => page.$eval(link, (a) => a.getBoundingClientRect().top + scrollY);
    const first = await at();
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 300)))));
    assert.equal(await at(), first, `${block}: the links moved`);
  }
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('projector mode shows one block in large type, read-only, and moves through the method with the keyboard', async () => {
  const { context, page, id } = await sample({ width: 1280, height: 720 });
  await page.goto(`${server.url}#/plans/${id}/information/swot`);
  await page.click('[data-testid=present-link]');
  await page.waitForSelector('[data-testid=present] .present-body');
  assert.equal(await page.textContent('[data-testid=present] h1'), 'Exercise 3: Readiness (SWOT)');
  assert.equal(await page.isVisible('.topbar'), false, 'no header on the projector');
  assert.equal(await page.$$eval('[data-testid=present] input, [data-testid=present] textarea, [data-testid=present] button', (e) => e.length), 0, 'read-only');
  const size = await page.$eval('[data-testid=present] .present-body', (e) => parseFloat(getComputedStyle(e).fontSize));
  assert.ok(size >= 19, `large type: ${size} px`);
  assert.match(await page.textContent('[data-testid=present] .present-body'), /Real expertise/);
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => location.hash.endsWith('/present/maturity'));
  await page.waitForSelector('[data-testid=present] .present-body svg');
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => location.hash.endsWith('/present/swot'));
  await page.waitForFunction(() => document.querySelector('[data-testid=present] h1')?.textContent.includes('SWOT'));
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => location.hash.endsWith('/information/swot'));
  await page.waitForSelector('.swot-grid');
  assert.equal(await page.isVisible('.topbar'), true);

  // A step of the strategic plan on its own screen; the strategic plan leads through its
  // seven steps, the last one on to POST.
  await page.goto(`${server.url}#/plans/${id}/strategy/strategic-plan/step-3`);
  await page.click('[data-testid=present-link]');
  await page.waitForFunction(() => location.hash.endsWith('/present/strategic-plan/step-3'));
  await page.waitForSelector('[data-testid=present] .present-body');
  assert.equal(await page.textContent('[data-testid=present] h1'), '3. Social media mission');
  assert.equal(await page.$$eval('[data-testid=present] .present-body h4', (h) => h.length), 0, 'one step, not the next');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => location.hash.endsWith('/present/strategic-plan/step-4'));
  await page.goto(`${server.url}#/plans/${id}/present/strategic-plan`);
  await page.waitForSelector('[data-testid=present] .present-body');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => location.hash.endsWith('/present/strategic-plan/step-1'));
  await page.goto(`${server.url}#/plans/${id}/present/strategic-plan/step-7`);
  await page.waitForSelector('[data-testid=present] .present-body li');
  assert.match(await page.textContent('[data-testid=present] .present-body'), /✓/, 'kept indicators are marked');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => location.hash.endsWith('/present/post'));
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => location.hash.endsWith('/present/strategic-plan/step-7'));
  await page.waitForFunction(() => document.querySelector('[data-testid=present] h1')?.textContent.startsWith('7.'));
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => location.hash.endsWith('/strategy/strategic-plan/step-7'));
  assert.deepEqual(page.errors, []);
  await context.close();
});
