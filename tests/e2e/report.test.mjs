// Reports of the whole plan, as Markdown and as one self-contained HTML file, in the
// language chosen; markup typed into a plan stays text in both.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serve, launch, open } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function download(page, testid) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid=${testid}]`)]);
  return { name: d.suggestedFilename(), text: fs.readFileSync(await d.path(), 'utf8') };
}

test('the sample plan exports as a Markdown and an HTML report, in German', async () => {
  const context = await browser.newContext({ locale: 'de-DE', acceptDownloads: true });
  const page = await open(context, server.url);
  await page.click('[data-testid=open-sample]');
  await page.waitForSelector('[data-testid=phase-stack]');
  const name = await page.inputValue('[data-testid=plan-name]');
  await page.fill('[data-testid=plan-name]', `${name} <img src=x onerror=alert(1)>`);
  const md = await download(page, 'report-md');
  assert.match(md.name, /\.md$/);
  for (const heading of ['## Informationsphase', '## Strategiephase', '## Operative Phase']) assert.ok(md.text.includes(heading), heading);
  assert.ok(!/(^|[^\\])<img/.test(md.text) && md.text.includes('\\<img'), 'markup stays text in Markdown');
  const html = await download(page, 'report-html');
  assert.match(html.name, /\.html$/);
  assert.match(html.text, /^<!doctype html>\n<html lang="de">/);
  assert.ok((html.text.match(/<svg/g) ?? []).length >= 10, 'charts embedded');
  assert.ok(!html.text.includes('<img'), 'markup stays text in HTML');
  assert.ok(!/<[^>]+\s(src|href)=/.test(html.text), 'nothing loaded from elsewhere');
  // Opened on its own, the report runs no script and shows the name as text.
  const report = await context.newPage();
  const alerts = [];
  report.on('dialog', (d) => { alerts.push(d.message()); d.dismiss(); });
  await report.setContent(html.text);
  assert.match(await report.textContent('h1'), /<img src=x onerror=alert\(1\)>/);
  assert.deepEqual(alerts, []);
  assert.deepEqual(page.errors, []);
  await context.close();
});

/** Pages of a PDF made by Chromium. */
function pages(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

test('the HTML report fits A4, titles every chart, numbers tactics 1.1; the Markdown nests its lists and shows & as &', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await open(context, server.url);
  await page.click('[data-testid=open-sample]');
  await page.waitForSelector('[data-testid=phase-stack]');
  const md = (await download(page, 'report-md')).text;
  const headings = md.split('\n').filter((l) => l.startsWith('#'));
  assert.ok(headings.some((h) => h.includes('&')), 'a heading with an ampersand');
  assert.deepEqual(headings.filter((h) => h.includes('&amp;')), [], 'no &amp; in a heading');
  assert.deepEqual(md.split('\n').filter((l) => /^\s*[-*+] \d+[.)] /.test(l)), [], 'no "- 1." double markers');
  assert.match(md, /\n- Objective 1: [^\n]*\n {2}- 1\.1 [^\n]+\n/, 'tactics nest under their objective, numbered 1.1');
  const html = (await download(page, 'report-html')).text;
  const report = await context.newPage();
  // A4 less the page's margins, at 96 px to the inch: 186 mm.
  await report.setViewportSize({ width: 703, height: 1000 });
  await report.emulateMedia({ media: 'print' });
  await report.setContent(html);
  const fit = await report.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return {
      tables: [...document.querySelectorAll('table')].filter((t) => t.getBoundingClientRect().right > width + 1).length,
      overflow: document.documentElement.scrollWidth - width,
      figures: document.querySelectorAll('figure').length,
      titled: [...document.querySelectorAll('figure')].filter((f) => f.querySelector('figcaption')?.textContent.trim() && getComputedStyle(f.querySelector('figcaption')).display !== 'none').length,
      numbers: [...document.querySelectorAll('.num')].map((n) => n.textContent),
    };
  });
  assert.equal(fit.tables, 0, 'every table fits the width of A4');
  assert.ok(fit.overflow <= 0, `the report overflows A4 by ${fit.overflow} px`);
  assert.ok(fit.figures >= 10 && fit.titled === fit.figures, `${fit.titled} of ${fit.figures} charts carry a visible title`);
  assert.ok(fit.numbers.includes('1.1') && fit.numbers.includes('1.2'), fit.numbers.join(' '));
  await context.close();
});

test('the plan on a page: reached from the overview, on screen, one A4 page in print, and as a file', async () => {
  for (const locale of ['en-US', 'de-DE']) {
    const context = await browser.newContext({ locale, acceptDownloads: true });
    const page = await open(context, server.url);
    await page.click('[data-testid=open-sample]');
    await page.waitForSelector('[data-testid=phase-stack]');
    await page.click('[data-testid=summary-link]');
    await page.waitForSelector('[data-testid=summary] h1');
    assert.match(new URL(page.url()).hash, /^#\/plans\/[^/]+\/summary$/);
    const text = await page.textContent('[data-testid=summary]');
    if (locale === 'en-US') {
      for (const part of ['Choose the focus', 'Social media mission', 'Business objectives', 'Objective 1:', 'Your stage', 'Strategic gap', 'Strongest findings']) {
        assert.ok(text.includes(part), `${part} missing`);
      }
      assert.match(text, /[✓!✕…–] (On track|At risk|Off track|Stale|No data)/, 'KPIs with their status');
    } else {
      assert.match(text, /Gewichtigste Befunde/);
    }
    assert.equal(pages(await page.pdf({ format: 'A4' })), 1, `${locale}: the summary prints on one A4 page`);
    const file = await download(page, 'summary-download');
    assert.match(file.name, /\.html$/);
    assert.ok(!/<script|\ssrc=/.test(file.text), 'nothing runs or loads');
    const alone = await context.newPage();
    await alone.setContent(file.text);
    assert.equal(pages(await alone.pdf({ format: 'A4' })), 1, `${locale}: the file prints on one A4 page`);
    assert.deepEqual(page.errors, []);
    await context.close();
  }
});
