// The facilitator's agenda: blocks and minutes picked on the Workshop screen, kept in the
// plan; the session started on the projector, whose keys then go through the agenda; each
// block's countdown, which shows the time over and blocks nothing; the clock kept through
// a reload, paused and reset.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, planIdOf, settle, storedPlan } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const row = (slug) => `.agenda-row[data-block="${slug}"]`;

test('an agenda of chosen blocks runs on the projector with a countdown per block that never blocks', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.clock.install({ time: new Date('2026-11-30T09:00:00Z') });
  const page = await open(context, server.url);
  await page.click('[data-testid=open-sample]');
  await page.waitForSelector('[data-testid=phase-stack]');
  const id = planIdOf(page);
  await page.goto(`${server.url}#/plans/${id}/workshop`);
  await page.waitForSelector('[data-testid=agenda-total]');
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
  assert.match(await page.textContent('[data-testid=present-timer]'), /^1 of 2 · 0:[23]\d over$/);
  assert.equal(await page.$eval('[data-testid=present-timer]', (e) => e.classList.contains('over')), true);
  assert.equal(await page.$$eval('[data-testid=present] button, [data-testid=present] input', (e) => e.length), 0, 'no controls on the projector');

  // → goes to the next block of the agenda (the audit, between them in the method, is not on it).
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => location.hash.endsWith('/present/swot'));
  await page.waitForFunction(() => /^2 of 2 · 19:5\d left$|^2 of 2 · 20:00 left$/.test(document.querySelector('[data-testid=present-timer]')?.textContent ?? ''));
  await page.clock.fastForward('02:00');

  // Esc: editing the SWOT, with the bar over the screen; the time over blocks nothing.
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid=agenda-bar]');
  assert.match(await page.textContent('[data-testid=agenda-bar] [role=timer]'), /^Now on the agenda: Exercise 3: Readiness \(SWOT\) · 1[78]:\d\d left$/);
  assert.equal(await page.$('[data-testid=agenda-next]'), null, 'the SWOT is the last block of the agenda');

  // A reload in the middle of the session keeps the clock.
  await page.reload();
  await page.waitForSelector('[data-testid=agenda-bar]');
  assert.match(await page.textContent('[data-testid=agenda-bar] [role=timer]'), /SWOT\) · 1[78]:\d\d left$/);

  // The Workshop screen shows each block's time; pause stops it, reset clears it.
  await page.goto(`${server.url}#/plans/${id}/workshop`);
  await page.waitForSelector(`${row('swot')}.current`);
  assert.match(await page.textContent(`${row('landscape')} .agenda-left`), /^0:[23]\d over$/);
  await page.click('[data-testid=agenda-pause]');
  await page.waitForFunction(() => document.querySelector('[data-testid=agenda-clock]').textContent === 'The clock is paused.');
  const paused = await page.textContent(`${row('swot')} .agenda-left`);
  await page.clock.fastForward('05:00');
  assert.equal(await page.textContent(`${row('swot')} .agenda-left`), paused);
  assert.match(await page.textContent('[data-testid=agenda-bar]'), /The clock is paused/);
  await page.click('[data-testid=agenda-pause]');
  await page.click('[data-testid=agenda-reset]');
  await page.waitForSelector('[data-testid=agenda-start]');
  assert.equal(await page.$('[data-testid=agenda-bar]'), null);
  assert.equal(await page.$(`${row('swot')} .agenda-left`), null);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the agenda and its countdown read in German and Bulgarian', async () => {
  for (const [lang, total, left] of [['de', /^1 Baustein, insgesamt 15 Min\.$/, /^1 von 1 · noch 1[45]:\d\d$/], ['bg', /^1 блок, общо 15 мин$/, /^1 от 1 · остават 1[45]:\d\d$/]]) {
    const context = await browser.newContext({ locale: lang });
    const page = await open(context, server.url);
    await page.click('[data-testid=open-sample]');
    await page.waitForSelector('[data-testid=phase-stack]');
    const id = planIdOf(page);
    await page.goto(`${server.url}#/plans/${id}/workshop`);
    await page.check(`${row('maturity')} [data-testid=agenda-pick]`);
    await page.waitForFunction(() => !document.querySelector('[data-testid=agenda-start]').disabled);
    assert.match(await page.textContent('[data-testid=agenda-total]'), total, lang);
    await page.click('[data-testid=agenda-start]');
    await page.waitForSelector('[data-testid=present-timer]');
    assert.match(await page.textContent('[data-testid=present-timer]'), left, lang);
    assert.deepEqual(page.errors, []);
    await context.close();
  }
});
