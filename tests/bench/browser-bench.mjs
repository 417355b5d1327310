// Browser benchmark against the release build: import, typing and autosave on a large
// plan, each next to the bare browser operation of the same bytes. Writes
// target/bench-report.json; budgets are in the README. Not a test: numbers, not verdicts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, open, planIdOf } from '../e2e/harness.mjs';
import { largePlan } from './large-plan.mjs';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const server = await serve();
const browser = await launch();
const context = await browser.newContext();
const page = await open(context, server.url);
const text = JSON.stringify(largePlan());
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sp-bench-')), 'large.socialplan.json');
fs.writeFileSync(file, text);

const bareParse = await page.evaluate((t) => { const s = performance.now(); for (let i = 0; i < 5; i++) JSON.parse(t); return (performance.now() - s) / 5; }, text);
const bareWrite = await page.evaluate((t) => { const s = performance.now(); for (let i = 0; i < 5; i++) localStorage.setItem('bench', t); localStorage.removeItem('bench'); return (performance.now() - s) / 5; }, text);

const started = Date.now();
await page.setInputFiles('[data-testid=import-input]', file);
await page.waitForSelector('[data-testid=phase-stack]');
const importToOverviewMs = Date.now() - started;
// The import itself (read, check, store), as the app marks it in the performance timeline.
const importMs = await page.evaluate(() => performance.getEntriesByName('socialplan:import', 'measure').at(-1)?.duration ?? null);
const id = planIdOf(page);

await page.goto(`${server.url}#/plans/${id}/strategy/governance`);
await page.waitForSelector('[data-testid=gov-policies]');
await page.focus('[data-testid=gov-policies]');
// Keystroke to next paint: time from the key event to the frame after it, per key.
async function typeInto(selector, count) {
  const times = [];
  for (let i = 0; i < count; i++) {
    times.push(await page.evaluate((sel) => new Promise((done) => {
      const el = document.querySelector(sel);
      const s = performance.now();
      el.value += 'x';
      el.dispatchEvent(new Event('input', { bubbles: true }));
      requestAnimationFrame(() => setTimeout(() => done(performance.now() - s), 0));
    }), selector));
  }
  return times;
}
const keystrokes = await typeInto('[data-testid=gov-policies]', 30);
// Autosave: the time of the save itself, measured around a forced flush (page hide).
const autosave = await page.evaluate(() => new Promise((done) => {
  const el = document.querySelector('[data-testid=gov-policies]');
  el.value += 'y';
  el.dispatchEvent(new Event('input', { bubbles: true }));
  const s = performance.now();
  dispatchEvent(new Event('pagehide'));
  const around = performance.now() - s;
  // The save itself, as the app marks it; the time around the flush if it is missing.
  done(performance.getEntriesByName('socialplan:save', 'measure').at(-1)?.duration ?? around);
}));
const overviewStart = Date.now();
await page.goto(`${server.url}#/plans/${id}`);
await page.waitForSelector('[data-testid=phase-stack]');
const overviewMs = Date.now() - overviewStart;

// Typing in a list screen with 300 findings, each row bound to the plan.
await page.goto(`${server.url}#/plans/${id}/information/landscape`);
await page.waitForSelector('[data-testid=chart-landscape] svg');
const listKeys = await typeInto('[data-testid=finding-0] textarea', 20);

// Screens drawn from the address to their last element.
async function drawn(hash, ready) {
  await page.goto(`${server.url}#/`);
  await page.waitForSelector('[data-testid=plan-list]');
  const s = Date.now();
  await page.goto(`${server.url}${hash}`);
  await page.waitForFunction(ready);
  return Date.now() - s;
}
const dashboardMs = await drawn(`#/plans/${id}/dashboard`, () => document.querySelectorAll('[data-testid=kpi-status-list] li').length === 100 && document.querySelector('[data-testid=chart-phases] svg'));
const landscapeMs = await drawn(`#/plans/${id}/information/landscape`, () => document.querySelectorAll('[data-testid^=finding-text-]').length === 300 && document.querySelector('[data-testid=chart-landscape] svg'));
const trackingMs = await drawn(`#/plans/${id}/operative/kpi-tracking`, () => document.querySelectorAll('.kpi-card').length === 100);
// One KPI chart of 260 values, drawn when its card is opened.
const kpiChartMs = await page.evaluate(() => new Promise((done) => {
  const s = performance.now();
  const summary = document.querySelector('[data-testid=kpi-card-0] details summary');
  summary.click();
  const wait = () => (document.querySelector('[data-testid=chart-kpi-0] svg') ? done(performance.now() - s) : requestAnimationFrame(wait));
  wait();
}));

const report = {
  plan_bytes: text.length,
  import_ms: importMs === null ? null : +importMs.toFixed(1), bare_json_parse_ms: +bareParse.toFixed(1),
  import_to_overview_ms: importToOverviewMs,
  keystroke_to_paint_ms_median: +median(keystrokes).toFixed(1), keystroke_to_paint_ms_max: +Math.max(...keystrokes).toFixed(1),
  autosave_ms: +autosave.toFixed(1), bare_localstorage_write_ms: +bareWrite.toFixed(1),
  overview_draw_ms: overviewMs,
  list_keystroke_to_paint_ms_median: +median(listKeys).toFixed(1), list_keystroke_to_paint_ms_max: +Math.max(...listKeys).toFixed(1),
  dashboard_draw_ms: dashboardMs, kpi_tracking_draw_ms: trackingMs, landscape_draw_ms: landscapeMs,
  kpi_chart_260_values_draw_ms: +kpiChartMs.toFixed(1),
  errors: page.errors,
};
fs.mkdirSync('target', { recursive: true });
fs.writeFileSync('target/bench-report.json', JSON.stringify(report, null, 2) + '\n');
console.log(report);
await browser.close();
await server.close();
