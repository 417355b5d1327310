// The facilitator's agenda: blocks and minutes picked on the Workshop screen, kept in the
// plan; the session started on the projector, whose keys then go through the agenda; each
// block's countdown, which shows the time over and blocks nothing; the clock kept through
// a reload, paused and reset.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, planIdOf, settle, storedPlan, addRow } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const row = (slug) => `.agenda-row[data-block="${slug}"]`;

/** The sample plan on the Workshop screen, with `blocks` ticked on the agenda. */
async function workshopWith(context, blocks) {
  const page = await open(context, server.url);
  await page.click('[data-testid=open-sample]');
  await page.waitForSelector('[data-testid=phase-stack]');
  const id = planIdOf(page);
  await page.goto(`${server.url}#/plans/${id}/workshop`);
  await page.waitForSelector('[data-testid=agenda-total]');
  for (const b of blocks) await page.check(`${row(b)} [data-testid=agenda-pick]`);
  if (blocks.length) await page.waitForFunction(() => !document.querySelector('[data-testid=agenda-start]').disabled);
  return { page, id };
}

test('an agenda of chosen blocks runs on the projector with a countdown per block that never blocks', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.clock.install({ time: new Date('2026-11-30T09:00:00Z') });
  const { page, id } = await workshopWith(context, []);
  assert.match(await page.textContent('[data-testid=agenda-total]'), /No blocks on the agenda yet/);
  assert.equal(await page.isDisabled('[data-testid=agenda-start]'), true, 'nothing to start without blocks');

  // Two blocks, the method's order whatever order they are ticked in; minutes in range.
  await page.check(`${row('swot')} [data-testid=agenda-pick]`);
  await page.check(`${row('landscape')} [data-testid=agenda-pick]`);
  await page.fill(`${row('landscape')} [data-testid=agenda-minutes]`, '1');
  await page.press(`${row('landscape')} [data-testid=agenda-minutes]`, 'Tab');
  await page.fill(`${row('swot')} [data-testid=agenda-minutes]`, '999');
  await page.press(`${row('swot')} [data-testid=agenda-minutes]`, 'Tab');
  assert.match(await page.textContent(`${row('swot')} .field-message`), /from 1 to 240/);
  assert.equal(await page.getAttribute(`${row('swot')} [data-testid=agenda-minutes]`, 'aria-label'), 'Minutes for Exercise 3: Readiness (SWOT)');
  await page.fill(`${row('swot')} [data-testid=agenda-minutes]`, '20');
  await page.press(`${row('swot')} [data-testid=agenda-minutes]`, 'Tab');
  await page.waitForFunction(() => document.querySelector('[data-testid=agenda-total]').textContent.includes('21 min'));
  assert.equal(await page.textContent('[data-testid=agenda-total]'), '2 blocks, 21 min in all');
  await settle(page);
  const stored = await storedPlan(page, id);
  assert.deepEqual(stored.plan.workshop.agenda, [{ block: 'landscape', minutes: 1 }, { block: 'swot', minutes: 20 }]);

  // Start: the first block on the projector, its minutes counting down.
  await page.click('[data-testid=agenda-start]');
  await page.waitForFunction(() => location.hash.endsWith('/present/landscape'));
  await page.waitForSelector('[data-testid=present-timer]');
  assert.match(await page.textContent('[data-testid=present-timer]'), /^1 of 2 · (1:00|0:\d\d) left$/);
  await page.clock.fastForward('01:30');
  await page.waitForFunction(() => document.querySelector('[data-testid=present-timer]').textContent.includes('over'));
  assert.match(await page.textContent('[data-testid=present-timer]'), /^1 of 2 · 0:[2-5]\d over$/);
  assert.equal(await page.$eval('[data-testid=present-timer]', (e) => e.classList.contains('over')), true);
  assert.equal(await page.$$eval('[data-testid=present] button, [data-testid=present] input', (e) => e.length), 0, 'no controls on the projector');

  // Esc: editing the landscape, with the bar over the screen and the way to the next block
  // of the agenda; the time over blocks nothing.
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid=agenda-bar]');
  assert.match(await page.textContent('[data-testid=agenda-bar] [role=timer]'), /^Now on the agenda — Exercise 1: Landscape analysis · 0:\d\d over$/);
  assert.equal(await page.textContent('[data-testid=agenda-next]'), 'Next on the agenda: Exercise 3: Readiness (SWOT) →');
  assert.equal(await page.$eval('[data-testid=agenda-bar]', (e) => getComputedStyle(e).position), 'sticky', 'the countdown stays in sight while scrolling');
  await addRow(page, 'finding-0');
  await page.keyboard.type('Typed while the time is over');
  await settle(page);
  await page.click('[data-testid=agenda-next]');
  await page.waitForFunction(() => location.hash.endsWith('/information/swot'));
  // The SWOT becomes the block worked on once it has been open for ten seconds.
  await page.waitForSelector('.swot-grid');
  await page.waitForTimeout(1000);
  await page.clock.runFor('02:00');
  await page.waitForFunction(() => /SWOT\) · 1[78]:\d\d left$/.test(document.querySelector('[data-testid=agenda-bar] [role=timer]')?.textContent ?? ''));
  assert.equal(await page.$('[data-testid=agenda-next]'), null, 'the SWOT is the last block of the agenda');

  // On the projector the keys go through the agenda (the audit, between the two blocks in
  // the method, is not on it); a glance at another block leaves the clock as it was.
  await page.goto(`${server.url}#/plans/${id}/present/swot`);
  await page.waitForSelector('[data-testid=present-timer]');
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => location.hash.endsWith('/present/landscape'));
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => location.hash.endsWith('/present/swot'));
  await page.waitForFunction(() => /^2 of 2 · 1[78]:\d\d left$/.test(document.querySelector('[data-testid=present-timer]')?.textContent ?? ''));

  // A reload in the middle of the session keeps the clock.
  await page.goto(`${server.url}#/plans/${id}/information/swot`);
  await page.reload();
  await page.waitForSelector('[data-testid=agenda-bar]');
  assert.match(await page.textContent('[data-testid=agenda-bar] [role=timer]'), /SWOT\) · 1[78]:\d\d left$/);

  // The Workshop screen shows each block's time; pause stops it, reset clears it.
  await page.goto(`${server.url}#/plans/${id}/workshop`);
  await page.waitForSelector(`${row('swot')}.current`);
  assert.match(await page.textContent(`${row('landscape')} .agenda-left`), /^0:[2-9]\d over$|^1:\d\d over$/);
  await page.click('[data-testid=agenda-pause]');
  await page.waitForFunction(() => document.querySelector('[data-testid=agenda-clock]').textContent === 'The clock is paused.');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'agenda-pause', 'the focus stays on the button');
  const paused = await page.textContent(`${row('swot')} .agenda-left`);
  await page.clock.fastForward('05:00');
  await page.waitForTimeout(1200);
  assert.equal(await page.textContent(`${row('swot')} .agenda-left`), paused);
  await page.goto(`${server.url}#/plans/${id}/information/swot`);
  await page.waitForSelector('[data-testid=agenda-bar]');
  assert.match(await page.textContent('[data-testid=agenda-bar]'), /The clock is paused/);
  await page.goto(`${server.url}#/plans/${id}/workshop`);
  await page.click('[data-testid=agenda-pause]');
  // Taken off the agenda while worked on: no block's minutes run until the next is opened.
  await page.uncheck(`${row('swot')} [data-testid=agenda-pick]`);
  await page.waitForFunction((sel) => !document.querySelector(sel).classList.contains('current'), row('swot'));
  await page.check(`${row('swot')} [data-testid=agenda-pick]`);
  // Reset asks first: dismissed, nothing changes; accepted, the clock starts over.
  page.once('dialog', (d) => d.dismiss());
  await page.click('[data-testid=agenda-reset]');
  assert.equal(await page.isVisible('[data-testid=agenda-pause]'), true);
  page.once('dialog', (d) => d.accept());
  await page.click('[data-testid=agenda-reset]');
  await page.waitForSelector('[data-testid=agenda-start]:visible');
  assert.equal(await page.$(`${row('swot')} .agenda-left`), null);
  await page.goto(`${server.url}#/plans/${id}/information/swot`);
  await page.waitForSelector('.swot-grid');
  assert.equal(await page.$('[data-testid=agenda-bar]'), null, 'no bar without a session');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a projector in a second window follows the session started, paused and reset in the first', async () => {
  const context = await browser.newContext();
  const { page, id } = await workshopWith(context, ['maturity']);
  const projector = await open(context, server.url, `#/plans/${id}/present/maturity`);
  await projector.waitForSelector('[data-testid=present] h1');
  assert.equal(await projector.$('[data-testid=present-timer]'), null, 'no countdown before the session');
  await page.click('[data-testid=agenda-start]');
  await projector.waitForSelector('[data-testid=present-timer]');
  await page.goto(`${server.url}#/plans/${id}/workshop`);
  await page.click('[data-testid=agenda-pause]');
  // Paused in the first window, the projector's countdown stands still too.
  await projector.waitForTimeout(1500);
  const still = await projector.textContent('[data-testid=present-timer]');
  await projector.waitForTimeout(2500);
  assert.equal(await projector.textContent('[data-testid=present-timer]'), still);
  page.once('dialog', (d) => d.accept());
  await page.click('[data-testid=agenda-reset]');
  await projector.waitForFunction(() => document.querySelector('[data-testid=present-timer]') === null);
  assert.deepEqual([...page.errors, ...projector.errors], []);
  await context.close();
});

test('the agenda and its countdown read in German and Bulgarian', async () => {
  for (const [lang, total, left] of [['de', /^1 Baustein, insgesamt 15 Min\.$/, /^1 von 1 · noch 1[45]:\d\d$/], ['bg', /^1 блок, общо 15 мин$/, /^1 от 1 · остават 1[45]:\d\d$/]]) {
    const context = await browser.newContext({ locale: lang });
    const { page } = await workshopWith(context, ['maturity']);
    assert.match(await page.textContent('[data-testid=agenda-total]'), total, lang);
    await page.click('[data-testid=agenda-start]');
    await page.waitForSelector('[data-testid=present-timer]');
    assert.match(await page.textContent('[data-testid=present-timer]'), left, lang);
    assert.deepEqual(page.errors, []);
    await context.close();
  }
});
