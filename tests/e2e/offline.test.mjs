// Offline-first: after one visit the app and the user's plans are there with no server,
// a new deployment is offered without losing anything, and nothing leaves the origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, open, planIdOf, DIST } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const controlled = (page) => page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { polling: 100 });

test('the built page runs under a strict Content-Security-Policy with no inline script', () => {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  assert.match(html, /content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval';[^"]*object-src 'none'/);
  assert.match(html, /http-equiv="?Content-Security-Policy/);
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'every script is a file');
  const sw = fs.readFileSync(path.join(DIST, 'sw.js'), 'utf8');
  for (const file of fs.readdirSync(DIST).filter((f) => f !== 'sw.js' && !fs.statSync(path.join(DIST, f)).isDirectory())) {
    assert.ok(sw.includes(`'./${file}'`), `${file} is precached`);
  }
  assert.ok(sw.includes("'./sample/plan.json'"));
});

test('a later visit gets the plan reader ready from the cache in idle time: a file dropped opens with no fetch', async () => {
  const server = await serve();
  const context = await browser.newContext();
  const page = await open(context, server.url);
  await controlled(page);
  await page.reload();
  await page.waitForSelector('main h1');
  // In idle time: the reader and the screens of a plan, and the reader's warm-up.
  await page.waitForFunction(() => performance.getEntriesByName('socialplan:reader-ready', 'measure').length > 0, null, { polling: 100 });
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const plan = { format: 'socialplan', schema_version: 1, plan: { id: 'dropped-plan', name: 'Dropped on a first visit', created_at: '2026-01-05T09:00:00Z', updated_at: '2026-01-05T09:00:00Z' } };
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sp-ready-')), 'dropped.socialplan.json');
  fs.writeFileSync(file, JSON.stringify(plan));
  await page.setInputFiles('[data-testid=import-input]', file);
  await page.waitForSelector('[data-testid=plan-title]:text-is("Dropped on a first visit")');
  // (What the next screens need is fetched once the overview is drawn, from the cache.)
  assert.deepEqual(requests.filter((u) => /pack_plan|split_plan_codec|split_plan_screens|split_english_texts/.test(u)), [], 'the reader and the screens were ready');
  const fromNetwork = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => /\.wasm$/.test(e.name) && e.workerStart > 0).length);
  assert.ok(fromNetwork > 0, 'the parts came from the worker');
  assert.deepEqual(page.errors, []);
  await context.close();
  await server.close();
});

test('after one visit, the app and its plans open with the server stopped', async () => {
  const server = await serve();
  const context = await browser.newContext();
  const page = await open(context, server.url);
  await controlled(page);
  await page.fill('[data-testid=new-plan-name]', 'Offline workshop');
  await page.click('[data-testid=create-plan]');
  await page.waitForSelector('[data-testid=phase-stack]');
  const id = planIdOf(page);
  await page.fill('[data-testid=plan-name]', 'Offline workshop, day 2');
  await page.waitForSelector('[data-testid=save-status]:text-is("Saved")');

  await server.close();
  await page.reload();
  await page.waitForSelector('[data-testid=plan-title]');
  assert.equal(await page.textContent('[data-testid=plan-title]'), 'Offline workshop, day 2');
  await page.goto(server.url + '#/');
  await page.waitForSelector('[data-testid=plan-row]');
  // The sample comes from the cache too.
  await page.click('[data-testid=open-sample]');
  await page.waitForSelector('[data-testid=phase-stack]');
  assert.notEqual(planIdOf(page), id);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(page.foreign, []);
  await context.close();
});

test('a new deployment is offered, switched to on request, and keeps the plans', async () => {
  // Two builds that differ only in their service worker's version.
  const v1 = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-v1-'));
  fs.cpSync(DIST, v1, { recursive: true });
  let server = await serve(v1);
  const port = server.port;
  const context = await browser.newContext();
  const page = await open(context, server.url);
  await controlled(page);
  await page.fill('[data-testid=new-plan-name]', 'Survives the update');
  await page.click('[data-testid=create-plan]');
  await page.waitForSelector('[data-testid=phase-stack]');
  const before = (await page.evaluate(() => caches.keys())).filter((k) => k !== 'socialplan-versions');
  assert.equal(before.length, 1);

  const sw = path.join(v1, 'sw.js');
  fs.writeFileSync(sw, fs.readFileSync(sw, 'utf8').replace(/const VERSION = '[^']*'/, "const VERSION = 'next-release'"));
  await server.close();
  server = await serve(v1, port);
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
  const offer = page.getByRole('button', { name: 'Use the new version' });
  await offer.waitFor();
  await Promise.all([page.waitForEvent('load'), offer.click()]);
  await page.waitForSelector('[data-testid=plan-title]');
  assert.equal(await page.textContent('[data-testid=plan-title]'), 'Survives the update');
  const after = (await page.evaluate(() => caches.keys())).filter((k) => k !== 'socialplan-versions').sort();
  assert.deepEqual(after, [before[0], 'socialplan-next-release'].sort(), 'the version before stays for tabs still running it');
  await context.close();
  await server.close();
});

/** A copy of the build as a new deployment: its wasm folder has another name. */
function nextDeployment(from) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-v2-'));
  fs.cpSync(from, dir, { recursive: true });
  const old = fs.readdirSync(dir).find((f) => f.startsWith('wasm-'));
  const renamed = old.replace('wasm-', 'wasm-next');
  fs.renameSync(path.join(dir, old), path.join(dir, renamed));
  for (const f of fs.readdirSync(dir).filter((f) => /\.(html|js)$/.test(f))) {
    const file = path.join(dir, f);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replaceAll(old, renamed).replace(/const VERSION = '[^']*'/, "const VERSION = 'next'"));
  }
  return dir;
}

test('a tab still on the old version keeps loading its parts after another tab switched, even offline', async () => {
  const v1 = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-v1-'));
  fs.cpSync(DIST, v1, { recursive: true });
  let server = await serve(v1);
  const port = server.port;
  const context = await browser.newContext();
  const a = await open(context, server.url);
  await controlled(a);
  await a.click('[data-testid=open-sample]');
  await a.waitForSelector('[data-testid=phase-stack]');
  const id = planIdOf(a);
  const b = await open(context, server.url, `#/plans/${id}`);
  await controlled(b);

  // The new deployment replaces the files; tab A switches to it.
  await server.close();
  server = await serve(nextDeployment(v1), port);
  await a.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
  const offer = a.getByRole('button', { name: 'Use the new version' });
  await offer.waitFor();
  await Promise.all([a.waitForEvent('load'), offer.click()]);
  await a.waitForSelector('[data-testid=plan-title]');

  // Tab B, still on the old version, is told, and with no server at all it still opens
  // a screen whose part it never loaded.
  await b.getByRole('button', { name: 'Use the new version' }).waitFor();
  await server.close();
  await b.evaluate((plan) => { location.hash = `#/plans/${plan}/information/landscape`; }, id);
  await b.waitForSelector('[data-testid^=finding-0]');
  assert.equal(await b.locator('[data-testid=part-failed]').count(), 0);
  assert.deepEqual(b.errors, []);
  await context.close();
});

test('a part that cannot be fetched is reported on the screen, with a reload, and the app keeps running', async () => {
  const server = await serve();
  // No service worker cache to fall back on, and the part's request fails.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.route(/split_information_editors/, (route) => route.abort());
  const page = await open(context, server.url);
  await page.click('[data-testid=open-sample]');
  await page.waitForSelector('[data-testid=phase-stack]');
  const id = planIdOf(page);
  await page.goto(`${server.url}#/plans/${id}/information/landscape`);
  await page.waitForSelector('[data-testid=part-failed]');
  assert.match(await page.textContent('[data-testid=part-failed]'), /could not be loaded/);
  assert.equal(await page.locator('#crash').count(), 0, 'no crash page');
  // The rest of the app still works.
  await page.goto(`${server.url}#/plans/${id}`);
  await page.waitForSelector('[data-testid=plan-title]');
  await context.close();
  await server.close();
});
