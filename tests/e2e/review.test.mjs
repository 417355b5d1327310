// End-to-end tests of the monthly review: a month of values for every KPI of the sample
// entered in the grid the German way, with a comment, kept over a reload; the dashboard's
// KPI lines; compact KPI cards; "no target" and values in the future.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, storedPlan, planIdOf, settle } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function sample(locale = 'en-US', viewport = undefined) {
  const context = await browser.newContext({ locale, viewport });
  const page = await open(context, server.url);
  await page.click('[data-testid=open-sample]');
  await page.waitForSelector('[data-testid=phase-stack]');
  return { context, page, id: planIdOf(page) };
}

const monthKey = (d) => d.toISOString().slice(0, 7);

test('review: a month of values for every KPI entered in German, with a comment, kept over a reload', async () => {
  const { context, page, id } = await sample('de-DE');
  // Next month: nothing entered there yet in the sample.
  const now = new Date();
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 15));
  await page.goto(`${server.url}#/plans/${id}/review/${monthKey(next)}`);
  await page.waitForSelector('[data-testid=review-grid]');
  const rows = await page.$$eval('[data-testid=review-grid] tbody tr', (r) => r.length);
  const kpis = (await storedPlan(page, id)).plan.strategy.kpis;
  assert.ok(rows >= kpis.length, `a row per KPI at least (${rows})`);
  // Typed into the first cell, then Enter and Tab move down the column.
  await page.click('[data-testid=review-value-0]');
  const typed = [];
  for (let i = 0; i < rows; i++) {
    const text = `1.${String(100 + i).padStart(3, '0')},5`;
    typed.push(1000 + 100 + i + 0.5);
    await page.keyboard.type(text);
    assert.equal(await page.evaluate(() => document.activeElement.id), `review-value-${i}`);
    await page.keyboard.press(i % 2 ? 'Tab' : 'Enter');
  }
  // After the last value, the column of comments begins.
  assert.equal(await page.evaluate(() => document.activeElement.id), 'review-comment-0');
  await page.keyboard.type('Weihnachtsaktion früher gestartet');
  // A cell that cannot be read says so and keeps what was typed.
  await page.fill('[data-testid=review-value-1]', '12,3,4');
  assert.match(await page.textContent('[data-testid=review-value-msg-1]'), /12,3,4/);
  assert.equal(await page.inputValue('[data-testid=review-value-1]'), '12,3,4');
  assert.equal(await page.getAttribute('[data-testid=review-value-1]', 'aria-invalid'), 'true');
  await page.fill('[data-testid=review-value-1]', '1.101,5');
  assert.equal(await page.textContent('[data-testid=review-value-msg-1]'), '');
  await settle(page);
  await page.reload();
  await page.waitForSelector('[data-testid=review-value-0]');
  for (let i = 0; i < rows; i++) {
    assert.equal(await page.inputValue(`[data-testid=review-value-${i}]`), `1.${String(100 + i).padStart(3, '0')},5`);
  }
  assert.equal(await page.inputValue('[data-testid=review-comment-0]'), 'Weihnachtsaktion früher gestartet');
  // Stored as numbers, in order, with the comment beside its value.
  const stored = (await storedPlan(page, id)).plan.strategy.kpis;
  const quarter = [0, 1, 2].map((m) => `${next.getUTCFullYear()}-${String(Math.floor(next.getUTCMonth() / 3) * 3 + 1 + m).padStart(2, '0')}`);
  const inPeriod = (k, a) => (k.frequency === 'quarterly' ? quarter.some((q) => a.period.startsWith(q)) : a.period.startsWith(monthKey(next)));
  const values = stored.flatMap((k) => k.actuals.filter((a) => inPeriod(k, a)));
  assert.ok(values.length >= kpis.length);
  assert.ok(values.every((a) => typed.includes(a.value)), JSON.stringify(values));
  assert.equal(stored[0].actuals.find((a) => a.value === typed[0]).comment, 'Weihnachtsaktion früher gestartet');
  for (const k of stored) assert.deepEqual(k.actuals.map((a) => a.period), [...k.actuals.map((a) => a.period)].sort());
  // Next month's values are dated after today: flagged, and not counted in today's status.
  assert.match(await page.textContent('[data-testid=review-row-0]'), /in der Zukunft/);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('review: a value typed into a week shows as the value before in the later weeks of its KPI, and only there', async () => {
  const { context, page, id } = await sample();
  const now = new Date();
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 15));
  await page.goto(`${server.url}#/plans/${id}/review/${monthKey(next)}`);
  await page.waitForSelector('[data-testid=review-grid]');
  // The sample's second KPI is weekly: its weeks of the month are rows 1, 2, …
  const names = await page.$$eval('[data-testid=review-grid] tbody th', (th) => th.map((x) => x.textContent));
  const weeks = names.map((n, i) => [n, i]).filter(([n]) => n.startsWith('Average engagement')).map(([, i]) => i);
  // One table per KPI, lined up as one grid: every row's cells start at the same places;
  // each table names its columns, shown above the first only.
  const edges = await page.$$eval('[data-testid=review-grid] tbody tr', (rows) => [...new Set(rows.map((r) => [...r.children].map((c) => Math.round(c.getBoundingClientRect().left)).join()))]);
  assert.equal(edges.length, 1, edges.join(' | '));
  const tables = await page.$$eval('[data-testid=review-grid] table', (ts) => ts.map((t) => ({
    headers: t.querySelectorAll('thead th[scope=col]').length,
    kpis: new Set([...t.querySelectorAll('tbody th')].map((th) => th.textContent)).size,
    height: t.querySelector('thead').getBoundingClientRect().height,
  })));
  assert.ok(tables.length > 1 && tables.every((t) => t.headers === 5 && t.kpis === 1), JSON.stringify(tables));
  assert.ok(tables[0].height > 10 && tables.slice(1).every((t) => t.height === 0), JSON.stringify(tables));
  assert.ok(weeks.length >= 4, names.join(' | '));
  const before = (i) => page.textContent(`[data-testid=review-row-${i}] td.number`);
  const others = async () => Promise.all(names.map((_, i) => i).filter((i) => !weeks.includes(i)).map(before));
  const othersAtStart = await others();
  const last = await before(weeks[0]);
  for (const typed of ['9.5', '12', '7.25']) {
    await page.fill(`[data-testid=review-value-${weeks[0]}]`, typed);
    for (const w of weeks.slice(1)) {
      await page.waitForFunction(([sel, v]) => document.querySelector(sel).textContent === v, [`[data-testid=review-row-${w}] td.number`, typed]);
    }
    assert.equal(await before(weeks[0]), last, 'its own row keeps the value before it');
    assert.deepEqual(await others(), othersAtStart, 'the other KPIs\' rows are unchanged');
  }
  // Emptied: the later weeks show the value before the month again.
  await page.fill(`[data-testid=review-value-${weeks[0]}]`, '');
  await page.waitForFunction(([sel, v]) => document.querySelector(sel).textContent === v, [`[data-testid=review-row-${weeks[1]}] td.number`, last]);
  await settle(page);
  const count = async () => (await storedPlan(page, id)).plan.strategy.kpis.find((k) => k.name.startsWith('Average engagement')).actuals.length;
  const had = await count();
  // A value typed and emptied in one task (as a script may send them) leaves no value.
  await page.evaluate((sel) => {
    const el = document.querySelector(sel);
    for (const v of ['5', '']) { el.value = v; el.dispatchEvent(new Event('input', { bubbles: true })); }
  }, `[data-testid=review-value-${weeks[0]}]`);
  await settle(page);
  assert.equal(await count(), had);
  assert.equal(await before(weeks[1]), last);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('review: emptying a cell removes the value with an undo; this month counts from today', async () => {
  const { context, page, id } = await sample();
  await page.goto(`${server.url}#/plans/${id}/review`);
  await page.waitForSelector('[data-testid=review-value-0]');
  const before = (await storedPlan(page, id)).plan.strategy.kpis[0].actuals.length;
  // The sample's first KPI (monthly) has this month's value already: change it.
  const had = await page.inputValue('[data-testid=review-value-0]');
  assert.notEqual(had, '');
  await page.fill('[data-testid=review-value-0]', '7,000');
  await page.fill('[data-testid=review-value-0]', '7000');
  await page.fill('[data-testid=review-comment-0]', 'Giveaway with a roaster');
  await settle(page);
  let k = (await storedPlan(page, id)).plan.strategy.kpis[0];
  assert.equal(k.actuals.length, before, 'changed, not added');
  assert.equal(k.actuals.at(-1).value, 7000);
  assert.equal(k.actuals.at(-1).comment, 'Giveaway with a roaster');
  await page.fill('[data-testid=review-value-0]', '');
  await page.waitForSelector('[data-testid=notice] button:has-text("Undo")');
  assert.equal(await page.isDisabled('[data-testid=review-comment-0]'), true, 'a comment needs its value');
  await page.click('[data-testid=notice] button:has-text("Undo")');
  await page.waitForFunction(() => document.querySelector('[data-testid=review-value-0]').value === '7,000' || document.querySelector('[data-testid=review-value-0]').value === '7000');
  await settle(page);
  k = (await storedPlan(page, id)).plan.strategy.kpis[0];
  assert.equal(k.actuals.at(-1).comment, 'Giveaway with a roaster', 'the undo brings the comment back');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('dashboard: every KPI with its last value, change and sparkline against the pace', async () => {
  const { context, page, id } = await sample();
  await page.goto(`${server.url}#/plans/${id}/dashboard`);
  await page.waitForSelector('[data-testid=kpi-line-0]');
  const kpis = (await storedPlan(page, id)).plan.strategy.kpis;
  assert.equal(await page.$$eval('[data-testid=kpi-status-list] li', (l) => l.length), kpis.length);
  const k = kpis[0];
  const last = k.actuals.at(-1);
  const text = await page.textContent('[data-testid=kpi-last-0]');
  assert.match(text, new RegExp(last.value.toLocaleString('en-US').replace(/[,.]/g, '.')));
  const change = last.value - k.actuals.at(-2).value;
  assert.match(await page.textContent('[data-testid=kpi-change-0]'), new RegExp(`^\\${change > 0 ? '+' : '-'}`));
  // The sparkline: the values and the dashed pace line, with words for screen readers.
  assert.equal(await page.$$eval('[data-testid=kpi-spark-0] polyline', (p) => p.length), 2);
  assert.match(await page.getAttribute('[data-testid=kpi-spark-0]', 'aria-label'), /last 12 values, from .* to .*pace line expects/);
  // The KPI without values has neither.
  const empty = kpis.findIndex((x) => x.actuals.length === 0);
  assert.match(await page.textContent(`[data-testid=kpi-line-${empty}]`), /No data.*no value yet/);
  assert.equal(await page.$(`[data-testid=kpi-spark-${empty}]`), null);
  // The review is one click away.
  await page.click('[data-testid=dashboard-review]');
  await page.waitForSelector('[data-testid=review-grid]');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('status: a KPI with values but no target says so everywhere; the plan check names it', async () => {
  const { context, page, id } = await sample();
  await page.goto(`${server.url}#/plans/${id}/strategy/strategic-plan`);
  await page.waitForSelector('[data-testid=plan-check]');
  assert.doesNotMatch(await page.textContent('[data-testid=plan-check]'), /lacks/, 'the sample has every number');
  // Take the first KPI's target away, through a stored copy of the plan.
  const envelope = await storedPlan(page, id);
  envelope.plan.strategy.kpis[0].target = null;
  envelope.revision += 1;
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [`socialplan.v1.plan.${id}`, JSON.stringify(envelope)]);
  await page.goto(`${server.url}#/`);
  await page.reload();
  await page.goto(`${server.url}#/plans/${id}/strategy/strategic-plan`);
  await page.waitForSelector('[data-testid=plan-check]');
  assert.match(await page.textContent('[data-testid=plan-check]'), /lacks: Target/);
  await page.goto(`${server.url}#/plans/${id}/dashboard`);
  await page.waitForSelector('[data-testid=kpi-line-0]');
  assert.match(await page.textContent('[data-testid=kpi-line-0] .status-badge'), /No target/);
  assert.match(await page.textContent('[data-testid=chart-status] table, [data-testid=chart-status] figcaption') ?? '', /./);
  await page.goto(`${server.url}#/plans/${id}/operative/kpi-tracking`);
  await page.waitForSelector('[data-testid=kpi-status-0]');
  assert.equal(await page.getAttribute('[data-testid=kpi-status-0] .status-badge', 'data-status'), '5');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('KPI tracking: compact cards, the chart on demand; 20 KPIs fit on a few screens', async () => {
  const { context, page, id } = await sample('en-US', { width: 1280, height: 900 });
  await page.goto(`${server.url}#/plans/${id}/operative/kpi-tracking`);
  await page.waitForSelector('[data-testid=kpi-card-0]');
  assert.equal(await page.$('[data-testid=chart-kpi-0]'), null, 'no chart until asked for');
  assert.match(await page.textContent('[data-testid=kpi-summary-0]'), /Last value .* since /);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.click('[data-testid=kpi-card-0] .chart-toggle summary');
  await page.waitForSelector('[data-testid=chart-kpi-0] svg');
  // The KPI chart marks today.
  assert.match(await page.textContent('[data-testid=chart-kpi-0] .chart-svg'), /Today/);
  // Twenty KPIs: the sample's, repeated.
  const envelope = await storedPlan(page, id);
  const kpis = envelope.plan.strategy.kpis;
  for (let i = kpis.length, n = 0; i < 20; i++, n++) kpis.push({ ...kpis[n % 7], id: `extra-${i}`, name: `${kpis[n % 7].name} ${i}` });
  envelope.revision += 1;
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [`socialplan.v1.plan.${id}`, JSON.stringify(envelope)]);
  await page.goto(`${server.url}#/`);
  await page.reload();
  await page.goto(`${server.url}#/plans/${id}/operative/kpi-tracking`);
  await page.waitForSelector('[data-testid=kpi-card-19]');
  const height20 = await page.evaluate(() => document.documentElement.scrollHeight);
  console.log(`KPI tracking page height at 1280×900: sample ${height} px, 20 KPIs ${height20} px`);
  assert.ok(height20 <= 900 * 6, `20 KPIs in ${height20} px`);
  assert.deepEqual(page.errors, []);
  await context.close();
});
