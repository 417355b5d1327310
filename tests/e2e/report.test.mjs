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
  assert.ok(!md.text.includes('<img'), 'markup stays text in Markdown');
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
