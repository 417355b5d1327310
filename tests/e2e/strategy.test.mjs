// End-to-end tests of the Strategy phase: a strategic plan written through all seven steps
// as a user would, kept across a reload; the advice, the library, and the deletion rules.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, storedPlan, planIdOf, addRow, settle, screenText } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function newPlan(locale = 'en-US') {
  const context = await browser.newContext({ locale });
  const page = await open(context, server.url);
  await page.fill('[data-testid=new-plan-name]', 'Strategy workshop');
  await page.click('[data-testid=create-plan]');
  await page.waitForSelector('[data-testid=phase-stack]');
  return { context, page, id: planIdOf(page) };
}

async function step(page, id, n) {
  await page.goto(`${server.url}#/plans/${id}/strategy/strategic-plan/step-${n}`);
  await page.waitForSelector('.editor');
}

test('a strategic plan is written through the seven steps, advised, and kept', async () => {
  const { context, page, id } = await newPlan();
  // 1. Focus.
  await step(page, id, 1);
  await page.selectOption('[data-testid=focus-horizon]', '2');
  await page.selectOption('[data-testid=focus-function]', 'customer_service');
  await page.fill('[data-testid=focus-start]', '2026-01-01');
  assert.match(await page.textContent('[data-testid=horizon-end]'), /1 Jan 2028/);
  // 2. Business objectives, lettered.
  await step(page, id, 2);
  await addRow(page, 'bo-0');
  await page.keyboard.type('Fewer calls to the hotline');
  await addRow(page, 'bo-0');
  await page.keyboard.type('Keep customers longer');
  assert.deepEqual(await page.$$eval('[data-testid=bo-0] tbody th', (t) => t.map((x) => x.textContent)), ['A', 'B']);
  // 3. Mission.
  await step(page, id, 3);
  await page.fill('[data-testid=mission]', 'Help every customer within the hour, wherever they ask');
  // 4. Objectives, linked by letter, with SMART advice.
  await step(page, id, 4);
  const o1 = await addRow(page, 'obj-0');
  await page.keyboard.type('More happy customers');
  const advice = await page.textContent('[data-testid=obj-0] .advice');
  assert.match(advice, /S – specific/);
  assert.match(advice, /M – measurable/);
  assert.match(advice, /link it to a business objective/);
  await page.fill(`[data-testid=obj-text-${o1}]`, 'Solve 60 % of questions in the channel by 2027');
  const boxes = await page.$$(`[data-testid^=obj-serves-${o1}-]`);
  await boxes[0].check();
  await page.selectOption(`[data-testid=obj-perspective-${o1}]`, 'internal_process');
  await page.waitForFunction(() => !document.querySelector('[data-testid=obj-0] .advice'));
  const o2 = await addRow(page, 'obj-0');
  await page.keyboard.type('Answer faster than competitors by 2027');
  await (await page.$$(`[data-testid^=obj-serves-${o2}-]`))[1].check();

  // 6 before 5: tactics first get the gentle warning.
  await step(page, id, 6);
  await addRow(page, 'tactic-0');
  await page.keyboard.type('Shared inbox with answer templates');
  assert.equal(await page.isVisible('[data-testid=order-warning]'), true);

  // 5. KPIs: one typed, one from the library; the count warning follows.
  await step(page, id, 5);
  assert.match(await page.textContent('[data-testid=kpi-count-0]'), /No KPI yet/);
  const k = await addRow(page, 'kpi-0');
  await page.keyboard.type('Questions solved in the channel');
  await page.selectOption(`[data-testid=kpi-goal-${k}]`, 'reduce_costs');
  await page.fill(`[data-testid=kpi-unit-${k}]`, '%');
  await page.fill(`[data-testid=kpi-baseline-${k}]`, '35');
  await page.fill(`[data-testid=kpi-target-${k}]`, '600');
  assert.match(await page.textContent('[data-testid=kpi-0] .advice'), /A – achievable/);
  await page.fill(`[data-testid=kpi-target-${k}]`, '60');
  await page.waitForFunction(() => !document.querySelector('[data-testid=kpi-0] .advice'));
  assert.equal(await page.isHidden('[data-testid=kpi-count-0]'), true);
  await page.selectOption('[data-testid=library-1]', '9');
  await page.waitForSelector('[data-testid=kpi-1] tbody tr');
  assert.equal(await page.inputValue('[data-testid=kpi-1] tbody tr input[data-testid^=kpi-name]'), 'Time to first answer');
  assert.equal(await page.inputValue('[data-testid=kpi-1] tbody tr select[data-testid^=kpi-direction]'), 'lower_is_better', 'lower is better');

  // 6. Tactics: the warning is gone once every objective has its KPI.
  await step(page, id, 6);
  assert.equal(await page.isHidden('[data-testid=order-warning]'), true);
  await addRow(page, 'tactic-1');
  await page.keyboard.type('Weekend rota for the social inbox');

  // 7. Indicators: candidates, two kept, one promoted to a KPI.
  await step(page, id, 7);
  for (const text of ['Answers sent from templates', 'Template usage rate', 'Reopened questions']) {
    await addRow(page, 'ind-0');
    await page.keyboard.type(text);
  }
  assert.match(await page.textContent('[data-testid=ind-count-0]'), /0 kept/);
  const kept = await page.$$('[data-testid=ind-0] input[type=checkbox]');
  await kept[0].check();
  await kept[2].check();
  await page.waitForSelector('[data-testid=ind-count-0]', { state: 'hidden' });
  await page.click('[data-testid=ind-0] tbody tr:nth-child(3) button:has-text("Make it a KPI")');
  await settle(page);

  // The plan check and the map name what is still missing.
  await page.goto(`${server.url}#/plans/${id}/strategy/strategic-plan`);
  await page.waitForSelector('[data-testid=plan-check]');
  const check = await page.textContent('[data-testid=plan-check]');
  assert.doesNotMatch(check, /Objective/, 'both objectives have their KPIs and tactics');
  assert.match(check, /“Weekend rota for the social inbox”: 0 kept/);
  const map = await page.textContent('[data-testid=strategy-map]');
  assert.match(map, /A Fewer calls to the hotline\s*Objective 1: Solve 60 % of questions/);
  assert.match(map, /Weekend rota for the social inbox\s*Gap: ⚠ no kept indicator/);
  assert.match(map, /KPI: Reopened questions/);

  await page.reload();
  await page.waitForSelector('[data-testid=strategy-map]');
  const s = (await storedPlan(page, id)).plan.strategy;
  assert.deepEqual([s.focus.horizon_years, s.focus.function, s.focus.start], [2, 'customer_service', '2026-01-01']);
  assert.deepEqual(s.business_objectives.map((b) => b.text), ['Fewer calls to the hotline', 'Keep customers longer']);
  assert.equal(s.mission, 'Help every customer within the hour, wherever they ask');
  assert.deepEqual(s.objectives.map((o) => [o.text, o.business_objectives.length, o.perspective ?? null]),
    [['Solve 60 % of questions in the channel by 2027', 1, 'internal_process'], ['Answer faster than competitors by 2027', 1, 'internal_process']]);
  assert.deepEqual(s.kpis.map((x) => [x.name, x.baseline ?? null, x.target ?? null, x.direction, x.deadline]), [
    ['Questions solved in the channel', 35, 60, 'higher_is_better', '2028-01-01'],
    ['Time to first answer', null, null, 'lower_is_better', '2028-01-01'],
    ['Reopened questions', null, null, 'higher_is_better', '2028-01-01'],
  ]);
  assert.equal(s.indicators.filter((i) => i.kept).length, 2);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('removing an objective asks: its KPIs and tactics go with it or move', async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await open(context, server.url);
  await page.click('[data-testid=open-sample]');
  await page.waitForSelector('[data-testid=phase-stack]');
  const id = planIdOf(page);
  const before = (await storedPlan(page, id)).plan.strategy;
  await step(page, id, 4);
  // Objective 2 moves its KPIs and tactics to objective 1.
  await page.click('[data-testid=obj-0] tbody tr:nth-child(2) button[aria-label^="Remove"]');
  await page.selectOption('[data-testid=obj-0] tbody tr:nth-child(2) [data-testid=move-target]', before.objectives[0].id);
  await page.click('[data-testid=obj-0] tbody tr:nth-child(2) [data-testid=move-and-remove]');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=obj-0] tbody tr').length === n - 1, before.objectives.length);
  await settle(page);
  let s = (await storedPlan(page, id)).plan.strategy;
  assert.equal(s.kpis.length, before.kpis.length, 'KPIs moved, not lost');
  assert.equal(s.kpis.filter((k) => k.objective === before.objectives[0].id).length, 4);
  // The next one goes with its KPIs and tactics, and undo brings everything back.
  await page.click('[data-testid=obj-0] tbody tr:nth-child(2) button[aria-label^="Remove"]');
  await page.click('[data-testid=obj-0] tbody tr:nth-child(2) [data-testid=remove-with-dependents]');
  await settle(page);
  s = (await storedPlan(page, id)).plan.strategy;
  assert.ok(s.kpis.length < before.kpis.length);
  assert.ok(s.tactics.every((t) => s.objectives.some((o) => o.id === t.objective)), 'no tactic without its objective');
  await page.click('[data-testid=notice] button:has-text("Undo")');
  await settle(page);
  assert.equal((await storedPlan(page, id)).plan.strategy.objectives.length, before.objectives.length - 1);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the Strategy phase speaks German and Bulgarian throughout', async () => {
  const english = ['Add a KPI', 'Business goal', 'Higher is better', 'Choose a suggestion', 'SMART check', 'Plan check',
    'Strategy map', 'Make it a KPI', 'Keep', 'Time horizon', 'Add a tactic', 'Balanced scorecard', 'With whom'];
  for (const locale of ['de-DE', 'bg-BG']) {
    const context = await browser.newContext({ locale });
    const page = await open(context, server.url);
    await page.click('[data-testid=open-sample]');
    await page.waitForSelector('[data-testid=phase-stack]');
    const id = planIdOf(page);
    const screens = [1, 2, 4, 5, 6, 7].map((n) => `strategy/strategic-plan/step-${n}`).concat(['strategy/strategic-plan', 'strategy/relationships']);
    for (const screen of screens) {
      await page.goto(`${server.url}#/plans/${id}/${screen}`);
      await page.waitForSelector('.editor');
      const text = await screenText(page, '.strategy-map li');
      for (const phrase of english) assert.ok(!text.includes(phrase), `${locale} ${screen}: “${phrase}” left in English`);
    }
    assert.deepEqual(page.errors, []);
    await context.close();
  }
});

test('objectives reordered in another tab: the KPIs follow their objective, and a row that moved still shows its changes', async () => {
  const context = await browser.newContext();
  const a = await open(context, server.url);
  await a.click('[data-testid=open-sample]');
  await a.waitForSelector('[data-testid=phase-stack]');
  const id = planIdOf(a);
  await settle(a);
  const plan = (await storedPlan(a, id)).plan;
  const second = plan.strategy.objectives[1];
  const moved = plan.strategy.kpis.find((k) => k.objective === second.id);
  assert.ok(moved, 'the sample has a KPI for its second objective');
  await step(a, id, 5);
  await a.waitForSelector(`[data-testid=kpi-1] [data-testid=kpi-name-${moved.id}]`);
  const b = await open(context, server.url, `#/plans/${id}/strategy/strategic-plan/step-4`);
  await b.click('[data-testid=obj-0] tbody tr:nth-child(2) button[aria-label^="Move up"]');
  await settle(b);
  // Tab A, in the background, loads the new order: poll by time.
  await a.waitForFunction((sel) => document.querySelector(sel), `[data-testid=kpi-0] [data-testid=kpi-name-${moved.id}]`, { polling: 50 });
  await a.bringToFront();
  await a.fill(`[data-testid=kpi-name-${moved.id}]`, 'Renamed after the move');
  await a.waitForFunction((kpi) => document.querySelector(`[data-testid=kpi-0] tr:has([data-testid=kpi-name-${kpi}]) button[aria-label="Remove: Renamed after the move"]`), moved.id, { polling: 50, timeout: 5000 });
  const shown = await a.$$eval('[data-testid^=kpi-name-]', (e) => e.map((x) => x.id));
  assert.equal(new Set(shown).size, shown.length, 'each KPI shows once');
  assert.equal(shown.length, plan.strategy.kpis.length);
  assert.deepEqual(a.errors, []);
  await context.close();
});
