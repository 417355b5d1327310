// Blank worksheets of the exercises, for workshops on paper, in every language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const sheets = ['landscape', 'audit', 'swot', 'maturity', 'strategic-plan', 'post'];

test('every exercise has a blank worksheet that prints on A4, in three languages', async () => {
  const english = ['Worksheet', 'Finding', 'Opportunity or threat', 'Strengths', "Don't know", 'Print', 'Channel', 'Tactic'];
  for (const locale of ['en-US', 'de-DE', 'bg-BG']) {
    const context = await browser.newContext({ locale });
    const page = await open(context, server.url);
    const links = await page.$$eval('[data-testid=worksheet-links] a', (a) => a.map((x) => x.getAttribute('href')));
    assert.deepEqual(links, sheets.map((s) => `#/worksheets/${s}`));
    for (const href of links) {
      await page.goto(server.url + href);
      await page.waitForSelector('[data-testid=worksheet] h1');
      const text = await page.textContent('[data-testid=worksheet]');
      assert.ok(await page.$('[data-testid=worksheet] .box, [data-testid=worksheet] .sheet-table, [data-testid=worksheet] .sheet-choices'), href);
      if (locale !== 'en-US') {
        for (const phrase of english) assert.ok(!text.includes(phrase), `${locale} ${href}: “${phrase}” left in English`);
      }
    }
    if (locale === 'en-US') {
      await page.goto(server.url + '#/worksheets/landscape');
      await page.waitForSelector('[data-testid=worksheet] h1');
      assert.match(await page.textContent('h1'), /Worksheet: Exercise 1/);
      const pdf = await page.pdf({ format: 'A4' });
      assert.ok(pdf.length > 10000, 'a printable A4 document');
    }
    assert.deepEqual(page.errors, []);
    await context.close();
  }
});

test('an exercise screen links to its worksheet, which names the plan; a blank one has a line for it', async () => {
  const context = await browser.newContext();
  const page = await open(context, server.url);
  await page.click('[data-testid=open-sample]');
  await page.waitForSelector('[data-testid=phase-stack]');
  const name = await page.inputValue('[data-testid=plan-name]');
  const id = page.url().split('/plans/')[1];
  await page.goto(page.url() + '/information/swot');
  await page.click('[data-testid=worksheet-link]');
  await page.waitForSelector('[data-testid=worksheet]');
  assert.equal(new URL(page.url()).hash, `#/plans/${id}/worksheets/swot`);
  assert.equal(await page.textContent('[data-testid=sheet-plan]'), `Plan: ${name}`);
  await page.goto(server.url + '#/worksheets/swot');
  await page.waitForSelector('[data-testid=worksheet]');
  assert.match(await page.textContent('[data-testid=sheet-plan]'), /^Plan: _+$/);
  // A printed exercise names its plan too.
  await page.goto(`${server.url}#/plans/${id}/information/landscape`);
  await page.waitForSelector('main h1');
  await page.emulateMedia({ media: 'print' });
  assert.ok((await page.evaluate(() => document.querySelector('.breadcrumb').innerText)).includes(name), 'the printed screen names the plan');
  await context.close();
});

test('on paper the text column is the widest and rows are at least 1 cm tall', async () => {
  const context = await browser.newContext({ viewport: { width: 703, height: 1000 } });
  const page = await open(context, server.url);
  await page.emulateMedia({ media: 'print' });
  for (const sheet of ['landscape', 'audit', 'strategic-plan']) {
    await page.goto(`${server.url}#/worksheets/${sheet}`);
    await page.waitForSelector('[data-testid=worksheet] .sheet-table');
    const tables = await page.$$eval('.sheet-table', (ts) => ts.map((t) => {
      const head = [...t.querySelectorAll('thead th')].map((th) => ({ text: th.classList.contains('sheet-text'), width: th.getBoundingClientRect().width }));
      const rows = [...t.querySelectorAll('tbody tr')].map((r) => r.getBoundingClientRect().height);
      return { head, rows, right: t.getBoundingClientRect().right, page: document.documentElement.clientWidth };
    }));
    for (const [i, t] of tables.entries()) {
      // 1 cm is 37.8 CSS pixels.
      assert.ok(Math.min(...t.rows) >= 37.8, `${sheet} table ${i}: rows ${Math.min(...t.rows)} px`);
      assert.ok(t.right <= t.page + 1, `${sheet} table ${i} fits the page`);
      if (t.head.length > 1) {
        const text = t.head.find((h) => h.text);
        assert.ok(text, `${sheet} table ${i} has a text column`);
        assert.ok(t.head.every((h) => h.width <= text.width), `${sheet} table ${i}: the text column is the widest`);
      }
    }
  }
  await context.close();
});

test('leaving any screen of a plan for the plan list or a worksheet leaves no error', async () => {
  const context = await browser.newContext();
  const page = await open(context, server.url);
  await page.click('[data-testid=open-sample]');
  await page.waitForSelector('[data-testid=phase-stack]');
  const base = page.url();
  const blocks = await page.$$eval('.phase-stack a', (as) => as.map((a) => a.getAttribute('href')));
  const screens = [...blocks, `${new URL(base).hash}/dashboard`, ...[1, 2, 4, 5, 6, 7].map((n) => `${new URL(base).hash}/strategy/strategic-plan/step-${n}`)];
  for (const [i, hash] of screens.entries()) {
    await page.goto(server.url + hash);
    await page.waitForSelector('main h1');
    await page.waitForTimeout(100);
    await page.goto(server.url + (i % 2 ? '#/' : '#/worksheets/audit'));
    await page.waitForSelector(i % 2 ? '[data-testid=plan-list]' : '[data-testid=worksheet]');
    assert.deepEqual(page.errors, [], `leaving ${hash}`);
  }
  await context.close();
});
