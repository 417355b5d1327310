// Shared set-up of the end-to-end tests: a static server for the release build in dist/
// and headless Chromium through playwright-core.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';

const DIST = path.resolve(import.meta.dirname, '../../dist');
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json',
  '.webmanifest': 'application/manifest+json', '.png': 'image/png',
};

// Compressed with gzip when the browser accepts it and `gzip` is asked for, as a
// production host would; the rest as they are.
const COMPRESSIBLE = new Set(['.html', '.js', '.wasm', '.css', '.svg', '.json', '.webmanifest']);

/**
 * Serves dist/ (or another folder) on a free port of 127.0.0.1; with `{ gzip: true }` the
 * text and wasm files go out gzip-compressed (level 9, what scripts/size-report.sh counts).
 * With `sent` (an array), each response's path and body bytes are pushed to it.
 */
export async function serve(root = DIST, port = 0, { gzip = false, sent = null } = {}) {
  const DIST_ROOT = path.resolve(root);
  const compressed = new Map();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let file = path.join(DIST_ROOT, decodeURIComponent(url.pathname));
    if (!file.startsWith(DIST_ROOT)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, body) => {
      if (err) { res.writeHead(404).end(); return; }
      const headers = { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' };
      if (gzip && COMPRESSIBLE.has(path.extname(file)) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        const key = `${file}:${body.length}:${fs.statSync(file).mtimeMs}`;
        if (!compressed.has(key)) compressed.set(key, zlib.gzipSync(body, { level: 9 }));
        body = compressed.get(key);
        Object.assign(headers, { 'content-encoding': 'gzip', vary: 'Accept-Encoding' });
      }
      headers['content-length'] = body.length;
      sent?.push({ path: url.pathname, bytes: body.length });
      res.writeHead(200, headers).end(body);
    });
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    port: server.address().port,
    close: () => new Promise((ok) => { server.close(ok); server.closeAllConnections(); }),
  };
}

export { DIST };

export async function launch() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args) => {
    const context = await newContext(...args);
    context.on('page', explainTimeouts);
    return context;
  };
  return browser;
}

/**
 * When an action on a page times out, says on stderr whether the page still ran scripts,
 * timers and animation frames at that moment: a page that froze and a browser that stopped
 * drawing fail the same way in Playwright's own message. Done once, for every page.
 */
function explainTimeouts(page) {
  for (const proto of [Object.getPrototypeOf(page), Object.getPrototypeOf(page.locator('body'))]) {
    if (proto.explained) continue;
    proto.explained = true;
    for (const name of ['click', 'fill', 'waitFor', 'waitForSelector', 'waitForFunction', 'selectOption']) {
      const action = proto[name];
      if (typeof action !== 'function') continue;
      proto[name] = async function (...args) {
        try {
          return await action.apply(this, args);
        } catch (e) {
          if (e?.name === 'TimeoutError') await explain(this.page?.() ?? this, `${name}(${JSON.stringify(args[0]) ?? ''})`);
          throw e;
        }
      };
    }
  }
}

async function explain(page, what) {
  // Never rejects: an answer that comes after the time is up (or fails as the page
  // closes) is dropped.
  const within = (promise, ms) => Promise.race([
    promise.then((r) => r?.result?.value ?? r?.exceptionDetails?.text ?? 'done', (e) => `failed: ${String(e).split('\n')[0]}`),
    new Promise((ok) => setTimeout(() => ok(`no answer in ${ms} ms`), ms)),
  ]);
  try {
    const cdp = await within(page.context().newCDPSession(page).then((session) => ({ result: { value: session } })), 3000);
    if (typeof cdp === 'string') throw new Error(cdp);
    const ask = (expression) => within(cdp.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }), 3000);
    const script = await ask('JSON.stringify({ visibility: document.visibilityState, focus: document.hasFocus(), at: Math.round(performance.now()) })');
    const timer = await ask('new Promise((ok) => setTimeout(() => ok("fires"), 0))');
    const frame = await ask('new Promise((ok) => requestAnimationFrame(() => ok("fires")))');
    console.error(`[timeout of ${what} at ${page.url()}] script: ${script}; timer: ${timer}; animation frame: ${frame}`);
    await within(cdp.detach(), 1000);
  } catch (e) {
    console.error(`[timeout of ${what}] the page could not be asked: ${e}`);
  }
}

/** A page that records console errors and uncaught exceptions, and requests leaving the origin. */
export async function open(context, base, hash = '#/') {
  const page = await context.newPage();
  page.errors = [];
  page.foreign = [];
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('request', (r) => { if (!r.url().startsWith(base) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) page.foreign.push(r.url()); });
  await page.goto(base + hash);
  await page.waitForSelector('main h1');
  return page;
}

/** Everything the app stored, as a plain object. */
export function storage(page) {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)])));
}

/** The stored envelope of a plan. */
export async function storedPlan(page, id) {
  const text = await page.evaluate((key) => localStorage.getItem(key), `socialplan.v1.plan.${id}`);
  return text && JSON.parse(text);
}

export function planIdOf(page) {
  const m = page.url().match(/#\/plans\/([^/]+)/);
  return m && m[1];
}

/** Adds a row to a list editor and returns the id of the new item, once its first field has the focus. */
export async function addRow(page, list) {
  const before = await page.$$eval(`[data-testid=${list}] tbody tr`, (rows) => rows.length);
  await page.click(`[data-testid=${list}-add]`);
  await page.waitForFunction(([l, n]) => document.querySelectorAll(`[data-testid=${l}] tbody tr`).length === n + 1, [list, before]);
  await page.waitForFunction((l) => document.activeElement.closest(`[data-testid=${l}] tbody`), list);
  return page.evaluate(() => document.activeElement.id.split('-').pop());
}

/** Waits until the header says the plan is saved (autosave runs 0.4 s after the last edit). */
export async function settle(page) {
  await page.waitForFunction(() => document.querySelector('.status')?.classList.contains('status-saved'));
}

/**
 * The text of the screen as the app wrote it: form fields (what the team typed) and the
 * elements `skip` selects (e.g. items that show plan content) are left out.
 */
export async function screenText(page, skip = '') {
  return page.evaluate((extra) => {
    const clone = document.querySelector('main').cloneNode(true);
    clone.querySelectorAll(['input, textarea, select', extra].filter(Boolean).join(', ')).forEach((e) => e.remove());
    return clone.textContent;
  }, skip);
}
