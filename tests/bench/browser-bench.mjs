// Browser benchmark against the release build: import, typing, autosave and screen draws
// on a large plan, each next to the bare browser work measured in the same run (a bare
// textarea in the same page, `JSON.parse` and `localStorage.setItem` of the same bytes).
// Goals are ratios to that bare work, so they hold on a slow machine as on a fast one.
// First, what a first visit really fetches, served gzip-compressed.
// Writes target/bench-report.json and prints whether each goal is met; it does not fail.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, open, planIdOf, settle, DIST } from '../e2e/harness.mjs';
import { largePlan } from './large-plan.mjs';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x) => +x.toFixed(1);
const browser = await launch();

// A first visit to the plan list with nothing cached, from a server that sends gzip as a
// production host does. The server counts the bytes of every body it sends; the page's
// own requests (its resource timeline) are told apart from the service worker's: its
// script and the precache of every file for offline use, fetched once the app runs.
// The goal is on the page's own fetches; the precache is reported beside it.
async function firstVisit() {
  const sent = [];
  const gz = await serve(DIST, 0, { gzip: true, sent });
  const context = await browser.newContext();
  const page = await context.newPage();
  // The page's tasks of 50 ms and more (what Lighthouse's blocking time adds up), from its start.
  await page.addInitScript(() => {
    window.benchLongTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.benchLongTasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${gz.url}#/`);
  // The footer is the last of the plan list's steps (`src/ui/later.rs`).
  await page.waitForSelector('footer.footer');
  const painted = await page.evaluate(() => performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint')?.startTime ?? null);
  const appMs = await page.evaluate(() => performance.now());
  const longTasks = await page.evaluate(() => window.benchLongTasks.map(Math.round));
  // The worker controls the page once it is activated, after its precache is complete.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { polling: 100, timeout: 60000 });
  // Requests the worker answered (`workerStart`) are not the page's fetches from the
  // network: the worker's own fetches are counted as its.
  const timeline = await page.evaluate(() => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
    .filter((e) => !(e.workerStart > 0)).map((e) => ({ path: new URL(e.name).pathname, transfer: e.transferSize })));
  await context.close();
  await gz.close();
  const own = new Map();
  for (const e of timeline) own.set(e.path, (own.get(e.path) ?? 0) + 1);
  const pageFiles = [];
  const workerFiles = [];
  for (const r of sent) {
    if (own.get(r.path)) {
      own.set(r.path, own.get(r.path) - 1);
      pageFiles.push(r);
    } else {
      workerFiles.push(r);
    }
  }
  const sum = (xs) => xs.reduce((a, r) => a + r.bytes, 0);
  return {
    page_gzip_bytes: sum(pageFiles),
    page_transfer_bytes: timeline.reduce((a, e) => a + e.transfer, 0),
    page_requests: pageFiles.length,
    page_files: Object.fromEntries(pageFiles.map((r) => [r.path, r.bytes])),
    service_worker_gzip_bytes: sum(workerFiles),
    service_worker_requests: workerFiles.length,
    // Files the worker fetched that the page had fetched already.
    service_worker_refetched_gzip_bytes: sum(workerFiles.filter((r) => pageFiles.some((p) => p.path === r.path))),
    total_gzip_bytes: sum(sent),
    first_contentful_paint_ms: painted === null ? null : round(painted),
    plan_list_shown_ms: round(appMs),
    // Until the plan list is drawn: its long tasks, and the time they block beyond 50 ms each.
    long_tasks_ms: longTasks,
    blocking_ms: longTasks.reduce((a, d) => a + Math.max(0, d - 50), 0),
  };
}
const first = await firstVisit();

const server = await serve();
const context = await browser.newContext();
const page = await open(context, server.url);
const text = JSON.stringify(largePlan());
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sp-bench-')), 'large.socialplan.json');
fs.writeFileSync(file, text);

// The bare work: the median of nine single parses of the plan's text in the page, now
// (the bare write is measured beside autosave, below).
const bareParseNow = async () => median(await page.evaluate((t) => Array.from({ length: 9 }, () => { const s = performance.now(); JSON.parse(t); return performance.now() - s; }), text));
const bareParse = await bareParseNow();
// Import: from the page receiving the file to the frame that shows the overview.
async function importFile(page, { reach }) {
  await page.evaluate(() => {
    window.benchImport = {};
    document.addEventListener('change', (e) => { if (e.target.matches('[data-testid=import-input]')) window.benchImport.start = performance.now(); }, true);
    const wait = () => (document.querySelector('[data-testid=phase-stack]') && window.benchImport.start ? (window.benchImport.end = performance.now()) : requestAnimationFrame(wait));
    requestAnimationFrame(wait);
  });
  if (reach) {
    // As a person does: the pointer over the import, the file dialog (about a second),
    // then the file. (The app starts fetching the plan reader when the pointer reaches it.)
    await page.hover('[data-testid=dropzone]');
    await page.waitForTimeout(1000);
  }
  // PROFILE=1 writes a CPU profile of the import to target/import.cpuprofile (for the
  // browser's performance panel); build with `wasm-opt -g` to keep the function names.
  const cdp = reach && process.env.PROFILE ? await page.context().newCDPSession(page) : null;
  if (cdp) { await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 100 }); await cdp.send('Profiler.start'); }
  await page.setInputFiles('[data-testid=import-input]', file);
  await page.waitForSelector('[data-testid=phase-stack]');
  await page.waitForFunction(() => window.benchImport.end);
  if (cdp) { const { profile } = await cdp.send('Profiler.stop'); fs.writeFileSync('target/import.cpuprofile', JSON.stringify(profile)); }
  return page.evaluate(() => window.benchImport.end - window.benchImport.start);
}
// A file dropped without the pointer passing the import first (so the plan reader is
// fetched only then), in a page of its own: reported beside the goal.
const coldPage = await open(await browser.newContext(), server.url);
const coldImportToOverviewMs = await importFile(coldPage, { reach: false });
await coldPage.context().close();
// A file dropped without pointing at the import on a later visit (the app's files in the
// worker's cache): the page gets the plan reader ready in idle time.
const readyPage = await open(await browser.newContext(), server.url);
await readyPage.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { polling: 100, timeout: 60000 });
await readyPage.reload();
await readyPage.waitForFunction(() => performance.getEntriesByName('socialplan:reader-ready', 'measure').length > 0, null, { polling: 100, timeout: 15000 });
const readyImportToOverviewMs = await importFile(readyPage, { reach: false });
await readyPage.context().close();
// The median of five imports, as the bare parse is a median: a single import of 30-odd
// ms on two busy cores is as much noise as measure. Four in pages of their own (the plan
// would exist in a page that imported it), then the one whose plan the run goes on with.
const importRuns = [];
for (let i = 0; i < 4; i++) {
  const other = await open(await browser.newContext(), server.url);
  importRuns.push(await importFile(other, { reach: true }));
  await other.context().close();
}
importRuns.push(await importFile(page, { reach: true }));
const importToOverviewMs = median(importRuns);
// The import itself (read, check, store), as the app marks it in the performance timeline.
const importMs = await page.evaluate(() => performance.getEntriesByName('socialplan:import', 'measure').at(-1)?.duration ?? null);
const id = planIdOf(page);

// Keystroke to next paint: time from the key event to the frame after it, per key.
async function typeInto(selector, count, key = 'x') {
  const times = [];
  for (let i = 0; i < count; i++) {
    times.push(await page.evaluate(([sel, key]) => new Promise((done) => {
      const el = document.querySelector(sel);
      const s = performance.now();
      // A number key types a new number each time (100, 101, …); any other is appended.
      el.value = key === 'number' ? String(100 + (window.benchNumber = (window.benchNumber ?? 0) + 1)) : el.value + key;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      requestAnimationFrame(() => setTimeout(() => done(performance.now() - s), 0));
    }), [selector, key]));
  }
  return times;
}

await page.goto(`${server.url}#/plans/${id}/strategy/governance`);
await page.waitForSelector('[data-testid=gov-policies]');
const keystrokes = await typeInto('[data-testid=gov-policies]', 30);
// Autosave: the time of the save itself, measured around a forced flush (page hide), in
// turns with a bare `localStorage.setItem` of as many bytes, so both meet the same moment
// (a write's time varies a lot from one to the next). Each bare write stores a text that
// differs from the one before, as each save does (a browser may skip an unchanged one).
const [autosave, bareWrite] = await page.evaluate((t) => {
  const el = document.querySelector('[data-testid=gov-policies]');
  const saves = [];
  const writes = [];
  for (let i = 0; i < 9; i++) {
    const bare = t.slice(0, -1) + ' '.repeat(i + 1);
    let s = performance.now();
    localStorage.setItem('bench', bare);
    writes.push(performance.now() - s);
    el.value += 'y';
    el.dispatchEvent(new Event('input', { bubbles: true }));
    s = performance.now();
    dispatchEvent(new Event('pagehide'));
    const around = performance.now() - s;
    saves.push(performance.getEntriesByName('socialplan:save', 'measure').at(-1)?.duration ?? around);
  }
  localStorage.removeItem('bench');
  return [saves, writes];
}, text).then(([saves, writes]) => [median(saves), median(writes)]);

// Screens drawn: from the address to the frame that shows their last element (the
// animation frame callback that finds it, as a test waiting for it does), and to the
// first task after that frame was rendered (its style, layout and paint; and whatever
// the app queued for after it), reported beside. The bare parse is measured just before,
// on the plan list: at the run's start the service worker's precache runs beside it on
// the two cores, and the parse took 3–13 ms from one run to the next.
const screenBareParses = [];
async function drawn(hash, ready) {
  await page.goto(`${server.url}#/`);
  await page.waitForSelector('[data-testid=plan-list]');
  await page.waitForTimeout(300);
  screenBareParses.push(await bareParseNow());
  await page.evaluate(([hash, ready]) => {
    const done = new Function(`return (${ready})()`);
    window.benchDrawn = null;
    window.benchRendered = null;
    const s = performance.now();
    location.hash = hash;
    const wait = () => {
      if (!done()) return requestAnimationFrame(wait);
      window.benchDrawn = performance.now() - s;
      setTimeout(() => { window.benchRendered = performance.now() - s; }, 0);
    };
    requestAnimationFrame(wait);
  }, [hash, ready.toString()]);
  await page.waitForFunction(() => window.benchRendered !== null, null, { timeout: 60000 });
  return page.evaluate(() => [window.benchDrawn, window.benchRendered]);
}
// The landscape's first visit in this page (the goal), as after an import a person
// opens it: the parts of a plan's screens are fetched by then; its second visit, below,
// is reported beside it.
const landscapeDrawn = () => document.querySelectorAll('[data-testid^=finding-text-]').length === 400 && document.querySelector('[data-testid=chart-landscape] svg');
const [landscapeMs, landscapeRenderedMs] = await drawn(`#/plans/${id}/information/landscape`, landscapeDrawn);

// Typing in the landscape's 400 finding rows, in turns with a bare textarea added to the
// same page, so both meet the same page and the same moment of the run.
const [listKeys, bareKeys] = await typeOnScreen(`#/plans/${id}/information/landscape`, '[data-testid=chart-landscape] svg', '[data-testid=finding-0] textarea', 'x', 10);

const [dashboardMs, dashboardRenderedMs] = await drawn(`#/plans/${id}/dashboard`, () => document.querySelectorAll('[data-testid=kpi-status-list] li').length === 100 && document.querySelector('[data-testid=chart-phases] svg'));
const [landscapeAgainMs] = await drawn(`#/plans/${id}/information/landscape`, landscapeDrawn);
const [trackingMs, trackingRenderedMs] = await drawn(`#/plans/${id}/operative/kpi-tracking`, () => document.querySelectorAll('.kpi-card').length === 100);

// One KPI chart of 260 values, drawn when its card is opened.
const kpiChartMs = await page.evaluate(() => new Promise((done) => {
  const s = performance.now();
  document.querySelector('[data-testid=kpi-card-0] details summary').click();
  const wait = () => (document.querySelector('[data-testid=chart-kpi-0] svg') ? done(performance.now() - s) : requestAnimationFrame(wait));
  wait();
}));

// Typing on two more large screens, in turns with a bare textarea as above: the 2,000
// indicators of 200 tactics (step 7, one list per tactic), and the review's grid of 500
// rows, where each value typed (a new number each time) changes the value before in the
// later weeks of the same KPI.
// The screen at `hash`, once `ready` shows: `count` keys into `selector`, then as many
// into a bare textarea added to the page, four times; the times of each.
async function typeOnScreen(hash, ready, selector, key, count, scroll = false) {
  await page.goto(`${server.url}${hash}`);
  await page.waitForSelector(ready);
  if (scroll) {
    await page.evaluate((sel) => document.querySelector(sel).scrollIntoView({ block: 'center' }), selector);
    await page.waitForTimeout(300);
  }
  await page.evaluate(() => {
    const bare = document.createElement('textarea');
    bare.id = 'bench-bare';
    bare.rows = 2;
    document.querySelector('main').prepend(bare);
  });
  const keys = [];
  const bare = [];
  for (let round = 0; round < 4; round++) {
    bare.push(...await typeInto('#bench-bare', count));
    keys.push(...await typeInto(selector, count, key));
  }
  return [keys, bare];
}
const [indicatorKey, indicatorBare] = (await typeOnScreen(`#/plans/${id}/strategy/strategic-plan/step-7`, 'table.rows input[type=text]', 'table.rows input[type=text]', 'x', 8)).map(median);
const [reviewKey, reviewBare] = (await typeOnScreen(`#/plans/${id}/review`, 'table.review-grid input.grid-value', 'table.review-grid input.grid-value', 'number', 8)).map(median);

// A list of 400 rows in one group: the large plan's findings all on one level of the
// landscape, in a plan of their own (its other parts left out); typed into its first row,
// in view, in turns with a bare textarea as above.
const oneGroup = largePlan();
oneGroup.plan = { ...oneGroup.plan, id: 'one-group', name: 'One group', strategy: undefined, operative: undefined };
for (const f of oneGroup.plan.information.landscape.findings) f.level = 'customers';
const oneGroupFile = path.join(path.dirname(file), 'one-group.socialplan.json');
fs.writeFileSync(oneGroupFile, JSON.stringify(oneGroup));
await page.goto(`${server.url}#/`);
await page.waitForSelector('[data-testid=plan-list]');
await page.setInputFiles('[data-testid=import-input]', oneGroupFile);
await page.waitForURL(/one-group/);
await page.waitForSelector('[data-testid=phase-stack]');
await settle(page);
const [oneGroupKey, oneGroupBare] = (await typeOnScreen('#/plans/one-group/information/landscape', '[data-testid=chart-landscape] svg', '[data-testid=finding-2] textarea', 'x', 8, true)).map(median);

// The sample plan shared as a link (a measure, no goal but the limit): its length in
// characters, in each language, against the longest link the app offers (src/share.rs).
const MAX_LINK_CHARS = 32000;
const shareLinkChars = {};
for (const lang of ['en', 'de', 'bg']) {
  const context = await browser.newContext();
  const p = await open(context, server.url);
  await p.selectOption('[data-testid=language]', lang);
  await p.waitForFunction((l) => document.documentElement.lang === l, lang);
  await p.click('[data-testid=open-sample]');
  await p.waitForSelector('[data-testid=phase-stack]');
  await p.click('[data-testid=share]');
  await p.waitForSelector('[data-testid=share-link]');
  shareLinkChars[lang] = (await p.inputValue('[data-testid=share-link]')).length;
  await context.close();
}
// The workshop: 10 participants' contributions of 50 new items each (20 findings, 10
// strengths, 10 objectives, 10 tactics), chosen at once on the Workshop screen. Measured:
// the merge as the app marks it (`socialplan:merge`), and from choosing the files to the
// drawn summary (reading and checking 10 files of the whole plan, merging, drawing).
const dir = path.dirname(file);
const contributionFiles = Array.from({ length: 10 }, (_, n) => {
  const who = `Participant ${n}`;
  const copy = largePlan().plan;
  copy.id = id;
  const add = (list, k, count, make) => { for (let i = 0; i < count; i++) list.push({ id: `p${n}${k}${i}`, ...make(i) }); };
  add(copy.information.landscape.findings, 'f', 20, (i) => ({ level: 'customers', text: `${who}: finding ${i}`, polarity: 'opportunity', weight: 3 }));
  copy.information.swot = { strengths: [] };
  add(copy.information.swot.strengths, 's', 10, (i) => ({ text: `${who}: strength ${i}` }));
  add(copy.strategy.objectives, 'o', 10, (i) => ({ text: `${who}: objective ${i}` }));
  add(copy.strategy.tactics, 't', 10, (i) => ({ objective: `p${n}o${i}`, text: `${who}: tactic ${i}` }));
  copy.workshop = { dots: 5, votes: [{ participant: who, item: `p${n}f0`, dots: 3 }, { participant: who, item: 'f1', dots: 2 }] };
  const envelope = { contribution: { id: `c${n}`, author: who, plan: id }, format: 'socialplan', schema_version: 1, app_version: 'bench', exported_at: '2026-01-01T00:00:00Z', plan: copy };
  const f = path.join(dir, `contribution-${n}.socialplan.json`);
  fs.writeFileSync(f, JSON.stringify(envelope));
  return f;
});
await page.goto(`${server.url}#/plans/${id}/workshop`);
await page.waitForSelector('[data-testid=merge-input]');
await page.evaluate(() => {
  window.benchMerge = {};
  document.addEventListener('change', (e) => { if (e.target.matches('[data-testid=merge-input]')) window.benchMerge.start = performance.now(); }, true);
  const wait = () => (document.querySelector('[data-testid=merge-preview]') && window.benchMerge.start ? (window.benchMerge.end = performance.now()) : requestAnimationFrame(wait));
  requestAnimationFrame(wait);
});
await page.setInputFiles('[data-testid=merge-input]', contributionFiles);
await page.waitForFunction(() => window.benchMerge.end, null, { timeout: 120000 });
const mergeToSummaryMs = await page.evaluate(() => window.benchMerge.end - window.benchMerge.start);
const mergeMs = await page.evaluate(() => performance.getEntriesByName('socialplan:merge', 'measure').at(-1)?.duration ?? null);
const mergeAuthors = await page.$$eval('[data-testid=merge-author]', (a) => a.length);

// The bare parse the draws are set against: the one measured on the quiet plan list
// before each screen (the stricter; the one at the run's start is reported too).
const quietParse = median(screenBareParses);
const listKey = median(listKeys);
const bareKey = median(bareKeys);
// The goals, as ratios to the bare work of this run.
const goals = [
  ['keystroke in the 400-row list / bare textarea', listKey / bareKey, 1.2],
  ['keystroke in 2,000 indicators of 200 tactics / bare textarea', indicatorKey / indicatorBare, 1.2],
  ['keystroke in a list of 400 rows in one group / bare textarea', oneGroupKey / oneGroupBare, 1.2],
  ['value typed in the review grid of 500 rows / bare textarea', reviewKey / reviewBare, 1.2],
  ['landscape (400 findings) drawn / JSON.parse', landscapeMs / quietParse, 40],
  ['KPI tracking (100 KPIs) drawn / JSON.parse', trackingMs / quietParse, 40],
  ['dashboard drawn / JSON.parse', dashboardMs / quietParse, 10],
  ['import to the drawn overview / JSON.parse', importToOverviewMs / quietParse, 12],
  ['autosave / localStorage.setItem', autosave / bareWrite, 2],
].map(([name, ratio, goal]) => ({ name, ratio: +ratio.toFixed(2), goal, met: ratio <= goal }));

const FIRST_VISIT_GOAL_KB = 200;
const firstVisitGoal = { name: "first visit: the page's own fetches, gzip (KB)", kb: +(first.page_gzip_bytes / 1000).toFixed(1), goal: FIRST_VISIT_GOAL_KB, met: first.page_gzip_bytes <= FIRST_VISIT_GOAL_KB * 1000 };

const report = {
  first_visit: first,
  plan_bytes: text.length,
  bare_json_parse_ms: round(quietParse), bare_json_parse_at_start_ms: round(bareParse), bare_json_parse_before_each_screen_ms: screenBareParses.map(round), bare_localstorage_write_ms: round(bareWrite),
  bare_textarea_keystroke_to_paint_ms_median: round(bareKey),
  list_keystroke_to_paint_ms_median: round(listKey), list_keystroke_to_paint_ms_max: round(Math.max(...listKeys)),
  indicators_keystroke_to_paint_ms_median: round(indicatorKey), review_value_keystroke_to_paint_ms_median: round(reviewKey),
  one_group_list_keystroke_to_paint_ms_median: round(oneGroupKey), one_group_bare_textarea_keystroke_to_paint_ms_median: round(oneGroupBare),
  prose_keystroke_to_paint_ms_median: round(median(keystrokes)), prose_keystroke_to_paint_ms_max: round(Math.max(...keystrokes)),
  import_ms: importMs === null ? null : round(importMs), import_to_overview_ms: round(importToOverviewMs), import_to_overview_runs_ms: importRuns.map(round), import_to_overview_without_reaching_first_ms: round(coldImportToOverviewMs), import_to_overview_later_visit_without_reaching_first_ms: round(readyImportToOverviewMs),
  autosave_ms: round(autosave),
  dashboard_draw_ms: round(dashboardMs), kpi_tracking_draw_ms: round(trackingMs), landscape_draw_ms: round(landscapeMs), landscape_second_draw_ms: round(landscapeAgainMs),
  frame_rendered_ms: { landscape: round(landscapeRenderedMs), dashboard: round(dashboardRenderedMs), kpi_tracking: round(trackingRenderedMs) },
  kpi_chart_260_values_draw_ms: round(kpiChartMs),
  share_link_sample_chars: shareLinkChars, share_link_max_chars: MAX_LINK_CHARS,
  workshop_merge_10x50_ms: mergeMs === null ? null : round(mergeMs),
  workshop_files_to_merge_summary_ms: round(mergeToSummaryMs),
  workshop_merge_contributions_summarised: mergeAuthors,
  goals,
  first_visit_goal: firstVisitGoal,
  errors: page.errors,
};
fs.mkdirSync('target', { recursive: true });
fs.writeFileSync('target/bench-report.json', JSON.stringify(report, null, 2) + '\n');
const { goals: _, first_visit_goal: __, first_visit: { page_files: ___, ...firstFigures }, ...figures } = report;
console.log({ ...figures, first_visit: firstFigures });
const kb = (b) => `${(b / 1000).toFixed(1)} KB`;
console.log(`${firstVisitGoal.met ? 'met    ' : 'NOT MET'}  first visit to the plan list fetches ${kb(first.page_gzip_bytes)} gzipped in ${first.page_requests} requests (goal ≤ ${FIRST_VISIT_GOAL_KB} KB); `
  + `then the service worker fetches ${kb(first.service_worker_gzip_bytes)} (its script and the offline precache, ${first.service_worker_requests} requests, ${kb(first.service_worker_refetched_gzip_bytes)} of it fetched again), ${kb(first.total_gzip_bytes)} in all`);
const longest = Math.max(...Object.values(shareLinkChars));
console.log(`${longest <= MAX_LINK_CHARS ? 'fits   ' : 'TOO LONG'}  share link of the sample plan: ${Object.entries(shareLinkChars).map(([l, n]) => `${l} ${n}`).join(', ')} characters (a link holds ≤ ${MAX_LINK_CHARS})`);
for (const g of goals) console.log(`${g.met ? 'met    ' : 'NOT MET'}  ${g.name}: ${g.ratio}× (goal ≤ ${g.goal}×)`);
await browser.close();
await server.close();
