// End-to-end tests of the Information phase: each exercise filled in as a user would,
// kept across a reload, and charted.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, open, storedPlan, planIdOf, addRow, settle, screenText } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function newPlan(locale = 'en-US') {
  const context = await browser.newContext({ locale, acceptDownloads: true });
  const page = await open(context, server.url);
  await page.fill('[data-testid=new-plan-name]', 'Information workshop');
  await page.click('[data-testid=create-plan]');
  await page.waitForSelector('[data-testid=phase-stack]');
  return { context, page, id: planIdOf(page) };
}

async function goToBlock(page, id, block) {
  await page.goto(`${server.url}#/plans/${id}/information/${block}`);
  await page.waitForSelector('.editor');
}

/** Adds a row to a list and returns the id suffix of its inputs. */
test('Exercise 1: findings per level are added, weighed, re-ordered, kept and charted', async () => {
  const { context, page, id } = await newPlan();
  await goToBlock(page, id, 'landscape');
  const a = await addRow(page, 'finding-1');
  await page.keyboard.type('Competitors answer within minutes');
  await page.selectOption(`[data-testid=finding-polarity-${a}]`, 'threat');
  await page.selectOption(`[data-testid=finding-weight-${a}]`, '4');
  const b = await addRow(page, 'finding-1');
  await page.keyboard.type('Our industry talks about sustainability online');
  await page.selectOption(`[data-testid=finding-weight-${b}]`, '5');
  const c = await addRow(page, 'finding-0');
  await page.fill(`[data-testid=finding-text-${c}]`, 'Instagram matters most');
  // Move the second Impact finding up: it passes over nothing of another level.
  await page.click(`[data-testid=finding-1] tbody tr:nth-child(2) button[aria-label^="Move up"]`);
  await page.fill('[data-testid=generic-strategy]', 'Differentiation through community');
  await settle(page);

  const chart = await page.textContent('[data-testid=chart-landscape] .chart-svg');
  assert.match(chart, /Impact/);
  assert.match(chart, /5 \(1\)/, 'opportunity weight 5 from one finding');
  assert.match(chart, /4 \(1\)/, 'threat weight 4 from one finding');
  assert.match(await page.textContent('[data-testid=chart-landscape]'), /2 opportunities \(weight 8\) and 1 threat \(weight 4\)/);

  await page.reload();
  await page.waitForSelector('[data-testid=finding-1] tbody tr');
  const impact = await page.$$eval('[data-testid=finding-1] tbody textarea', (ts) => ts.map((t) => t.value));
  assert.deepEqual(impact, ['Our industry talks about sustainability online', 'Competitors answer within minutes']);
  const stored = (await storedPlan(page, id)).plan.information.landscape;
  assert.deepEqual(stored.findings.map((f) => [f.level, f.polarity, f.weight]), [
    ['impact', 'opportunity', 5], ['impact', 'threat', 4], ['applications', 'opportunity', 3],
  ]);
  assert.equal(stored.generic_strategy, 'Differentiation through community');
  assert.match(await page.textContent('[data-testid=block-progress]'), /3 of 6/);
  // The chart's text alternative is a table of the same data.
  await page.click('[data-testid=chart-landscape] summary');
  assert.match(await page.textContent('[data-testid=chart-landscape] table'), /Impact\s*5 \(1\)\s*4 \(1\)/);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a level of 100 findings: its rows in blocks that line up as one table; a row moved past a block keeps its text and the focus', async () => {
  const { context, page, id } = await newPlan();
  const envelope = await storedPlan(page, id);
  delete envelope.revision;
  envelope.plan.id = 'long-level';
  envelope.plan.name = 'One long level';
  envelope.plan.information.landscape.findings = Array.from({ length: 100 }, (_, i) => ({ id: `f${i}`, level: 'customers', text: `Finding ${i}`, polarity: i % 2 ? 'threat' : 'opportunity', weight: 1 + (i % 5) }));
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sp-')), 'long.socialplan.json');
  fs.writeFileSync(file, JSON.stringify(envelope));
  await page.goto(`${server.url}#/`);
  await page.setInputFiles('[data-testid=import-input]', file);
  await page.waitForSelector('[data-testid=phase-stack]');
  await goToBlock(page, 'long-level', 'landscape');
  const list = '[data-testid=finding-2]';
  await page.waitForSelector(`${list} tbody tr`);
  assert.equal(await page.locator(`${list} tbody tr`).count(), 100);
  // Three blocks, lined up: each block's rows start their cells where the first's do
  // (measured in view); the column headers show above the first block only.
  const edges = [];
  for (const row of [0, 40, 80]) {
    edges.push(await page.evaluate(([list, row]) => {
      const tr = document.querySelectorAll(`${list} tbody tr`)[row];
      tr.scrollIntoView({ block: 'center' });
      return [...tr.children].map((c) => { const r = c.getBoundingClientRect(); return `${Math.round(r.left)}/${Math.round(r.width)}`; }).join(',');
    }, [list, row]));
  }
  assert.equal(new Set(edges).size, 1, edges.join(' | '));
  const heads = await page.$$eval(`${list} thead`, (hs) => hs.map((h) => h.getBoundingClientRect().height));
  assert.equal(heads.length, 3);
  assert.ok(heads[0] > 10 && heads.slice(1).every((h) => h === 0), heads.join());
  // The last row of the first block moved down with the keyboard: into the next block,
  // with its text, and the focus stays on its button.
  await page.focus(`${list} tbody tr >> nth=39 >> button[aria-label^="Move down"]`);
  await page.keyboard.press('Enter');
  await page.waitForFunction((list) => document.querySelectorAll(`${list} tbody tr`)[40]?.querySelector('textarea').value === 'Finding 39', list);
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label')?.startsWith('Move down'));
  assert.equal(await page.evaluate(() => document.activeElement.closest('tr').querySelector('textarea').value), 'Finding 39');
  await page.keyboard.press('Enter');
  await page.waitForFunction((list) => document.querySelectorAll(`${list} tbody tr`)[41]?.querySelector('textarea').value === 'Finding 39', list);
  // Typed into the last row: kept.
  await page.fill('[data-testid=finding-text-f99]', 'The last finding, changed');
  await settle(page);
  const stored = (await storedPlan(page, 'long-level')).plan.information.landscape.findings;
  assert.deepEqual(stored.slice(38, 42).map((f) => f.id), ['f38', 'f40', 'f41', 'f39']);
  assert.equal(stored.find((f) => f.id === 'f99').text, 'The last finding, changed');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('Exercise 2: audit answers, a sortable channels table and the strategic gap', async () => {
  const { context, page, id } = await newPlan();
  await goToBlock(page, id, 'audit');
  await page.fill('[data-testid=audit-progress]', 'Two years of posting without goals');
  const insta = await addRow(page, 'channel-0');
  await page.keyboard.type('Instagram');
  await page.fill(`[data-testid=channel-audience-${insta}]`, '12,500');
  await page.fill(`[data-testid=channel-since-${insta}]`, '2019-03-01');
  await page.selectOption(`[data-testid=channel-engagement-${insta}]`, 'high');
  const news = await addRow(page, 'channel-0');
  await page.keyboard.type('Newsletter');
  await page.fill(`[data-testid=channel-audience-${news}]`, '900');
  // An entry that cannot be a whole number is named, and the plan keeps the last good value.
  await page.fill(`[data-testid=channel-audience-${news}]`, '9.5');
  assert.match(await page.textContent(`#channel-audience-${news}-message`), /not a whole number/);
  await page.fill(`[data-testid=channel-audience-${news}]`, '900');

  // Sorting by audience shows the smaller one first, then the larger first.
  await page.click('[data-testid=channel-0] th:nth-child(3) button');
  assert.deepEqual(await page.$$eval('[data-testid=channel-0] tbody tr td:first-child input', (i) => i.map((x) => x.value)), ['Newsletter', 'Instagram']);
  await page.click('[data-testid=channel-0] th:nth-child(3) button');
  assert.deepEqual(await page.$$eval('[data-testid=channel-0] tbody tr td:first-child input', (i) => i.map((x) => x.value)), ['Instagram', 'Newsletter']);
  assert.equal(await page.getAttribute('[data-testid=channel-0] th:nth-child(3)', 'aria-sort'), 'descending');

  await page.selectOption('[data-testid=bench-3-current]', '2');
  await page.selectOption('[data-testid=bench-3-ideal]', '9');
  await page.selectOption('[data-testid=bench-0-current]', '5');
  await page.selectOption('[data-testid=bench-0-ideal]', '7');
  await page.fill('[data-testid=bench-3-note]', 'We count likes only');
  assert.equal((await page.textContent('[data-testid=bench-3-gap]')).trim(), '7');
  const words = await page.textContent('[data-testid=chart-gap]');
  assert.match(words, /Overall gap: 4\.5 points \(mean current 3\.5, mean ideal 8\.0\)/);
  assert.match(words, /Largest gaps: KPIs \(7\), Social media landscape \(2\)/);
  assert.match(await page.textContent('[data-testid=chart-gap] .chart-svg'), /KPIs — gap 7/);
  await settle(page);

  await page.reload();
  await page.waitForSelector('[data-testid=channel-0] tbody tr');
  const audit = (await storedPlan(page, id)).plan.information.audit;
  assert.equal(audit.progress, 'Two years of posting without goals');
  assert.deepEqual(audit.channels.map((c) => [c.name, c.audience, c.since ?? null, c.engagement ?? null]), [
    ['Instagram', 12500, '2019-03-01', 'high'], ['Newsletter', 900, null, null],
  ]);
  assert.deepEqual([audit.benchmark.kpis.current, audit.benchmark.kpis.ideal, audit.benchmark.kpis.note], [2, 9, 'We count likes only']);
  assert.equal(await page.inputValue(`[data-testid=channel-audience-${insta}]`), '12,500');
  assert.equal(await page.inputValue('[data-testid=bench-3-ideal]'), '9');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('Exercise 3: findings come into the SWOT linked, follow their source, and the answers are kept', async () => {
  const { context, page, id } = await newPlan();
  await goToBlock(page, id, 'landscape');
  const o = await addRow(page, 'finding-2');
  await page.keyboard.type('Customers ask for brewing tips');
  const t = await addRow(page, 'finding-3');
  await page.keyboard.type('Complaints spread fast');
  await page.selectOption(`[data-testid=finding-polarity-${t}]`, 'threat');
  await settle(page);

  await goToBlock(page, id, 'swot');
  assert.match(await page.textContent('[data-testid=pull-status]'), /2 findings/);
  // The team chooses which findings come in: first the threat alone.
  await page.click('[data-testid=pull-choose]');
  assert.equal(await page.isDisabled('[data-testid=pull-chosen]'), true);
  assert.match(await page.textContent('.pull-list'), /Customers ask for brewing tips.*Opportunity · Weight 3 · Customers/s);
  await page.check(`[data-testid=pull-${t}]`);
  await page.click('[data-testid=pull-chosen]');
  assert.match(await page.textContent('[data-testid=pull-status]'), /^1 finding of Exercise 1 is not/);
  assert.equal(await page.$$eval('[data-testid=swot-3] tbody tr', (r) => r.length), 1);
  assert.equal(await page.$$eval('[data-testid=swot-2] tbody tr', (r) => r.length), 0);
  // The note on linked entries is said once per quadrant, and each shows its weight.
  assert.equal(await page.isVisible('[data-testid=swot-3] [data-testid=link-note]'), true);
  assert.equal(await page.isVisible('[data-testid=swot-2] [data-testid=link-note]'), false);
  assert.match(await page.textContent('[data-testid=swot-3] .link-detail'), /Weight 3 · Conversations/);
  if (!(await page.isVisible('[data-testid=pull-findings]'))) await page.click('[data-testid=pull-choose]');
  await page.click('[data-testid=pull-findings]');
  assert.match(await page.textContent('[data-testid=pull-status]'), /already in the SWOT/);
  assert.equal(await page.isVisible('[data-testid=pull-findings]'), false);
  const opportunities = await page.$$eval('[data-testid=swot-2] textarea', (ts) => ts.map((x) => [x.value, x.readOnly]));
  assert.deepEqual(opportunities, [['Customers ask for brewing tips', true]]);
  const s = await addRow(page, 'swot-0');
  await page.keyboard.type('A roaster people trust');
  await page.fill('[data-testid=swot-leverage]', 'Let the roasters speak');
  await settle(page);

  // Edited at its source, the linked entry follows; turned into an opportunity, it moves.
  await goToBlock(page, id, 'landscape');
  await page.fill(`[data-testid=finding-text-${t}]`, 'Complaints spread within hours');
  await page.selectOption(`[data-testid=finding-polarity-${t}]`, 'opportunity');
  await settle(page);
  await goToBlock(page, id, 'swot');
  assert.deepEqual(await page.$$eval('[data-testid=swot-3] tbody tr', (r) => r.length), 0);
  assert.deepEqual(await page.$$eval('[data-testid=swot-2] textarea', (ts) => ts.map((x) => x.value)),
    ['Customers ask for brewing tips', 'Complaints spread within hours']);

  // Unlinked, an entry becomes the team's own text.
  await page.click('[data-testid=swot-2] tbody tr:nth-child(1) button[aria-label^="Unlink"]');
  await page.fill('[data-testid=swot-2] tbody tr:nth-child(1) textarea', 'Customers ask for brewing tips, every day');
  await settle(page);
  await page.reload();
  await page.waitForSelector(`[data-testid=swot-text-${s}]`);
  const swot = (await storedPlan(page, id)).plan.information.swot;
  assert.equal(swot.strengths[0].text, 'A roaster people trust');
  assert.equal(swot.opportunities[0].text, 'Customers ask for brewing tips, every day');
  assert.equal(swot.opportunities[0].finding ?? null, null);
  assert.ok(swot.opportunities[1].finding);
  assert.equal(swot.leverage_strengths, 'Let the roasters speak');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('Maturity: the questionnaire gives the stage, the weakest links, the next steps and both charts', async () => {
  const { context, page, id } = await newPlan();
  await goToBlock(page, id, 'maturity');
  assert.match(await page.textContent('[data-testid=stage-result]'), /at least 5/);
  const answers = ['engagement', 'formalized', 'presence', 'engagement', 'dont_know', 'engagement', 'presence', 'formalized', 'strategic'];
  for (const [i, a] of answers.entries()) {
    // Keyboard: focus the first choice, then the arrow keys pick within the group.
    await page.click(`label[for=maturity-${i}-${a}]`);
  }
  assert.equal(await page.textContent('[data-testid=stage-result]'), 'Your stage: Presence');
  const result = await page.textContent('.result');
  assert.match(result, /Roadmap, Measurement/);
  assert.match(result, /To reach Engagement/);
  assert.match(await page.textContent('[data-testid=chart-distribution] .chart-svg'), /Presence ◀ your stage/);
  assert.match(await page.textContent('[data-testid=chart-profile] .chart-svg'), /Roadmap ◀ weakest link/);
  assert.match(await page.textContent('[data-testid=chart-distribution]'), /Altimeter Group/);
  // The chart downloads as an SVG file.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download-distribution]')]);
  assert.match(download.suggestedFilename(), /\.svg$/);
  await settle(page);
  await page.reload();
  await page.waitForSelector('[data-testid=stage-result]');
  assert.equal(await page.textContent('[data-testid=stage-result]'), 'Your stage: Presence');
  assert.equal(await page.isChecked('#maturity-4-dont_know'), true);
  assert.equal((await storedPlan(page, id)).plan.information.maturity.answers.cross_functional, 'strategic');
  assert.match(await page.textContent('[data-testid=block-progress]'), /9 of 9/);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('Opportunities & risks and tools: rows are added by keyboard, removed, and brought back with undo', async () => {
  const { context, page, id } = await newPlan();
  await goToBlock(page, id, 'tools-methods');
  await page.focus('[data-testid=tools-0-add]');
  await page.keyboard.press('Enter');
  // The new row's first field takes the focus.
  await page.waitForFunction(() => document.activeElement.id.startsWith('tools-name-'));
  await page.keyboard.type('Newsletter tool');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Monthly mail to customers');
  const row = await page.evaluate(() => document.activeElement.id.split('-').pop());
  await page.selectOption(`[data-testid=tools-usage-${row}]`, 'in_use');
  await page.selectOption(`[data-testid=tools-relevance-${row}]`, '5');
  await page.click(`[data-testid=tools-0] button[aria-label="Remove: Newsletter tool"]`);
  assert.equal(await page.$$eval('[data-testid=tools-0] tbody tr', (r) => r.length), 0);
  await page.click('[data-testid=notice] button:has-text("Undo")');
  await page.waitForSelector(`[data-testid=tools-name-${row}]`);
  assert.equal(await page.inputValue(`[data-testid=tools-name-${row}]`), 'Newsletter tool');

  await goToBlock(page, id, 'opportunities-risks');
  const r = await addRow(page, 'or-0');
  await page.selectOption(`[data-testid=or-kind-${r}]`, 'risk');
  await page.fill(`[data-testid=or-title-${r}]`, 'A shitstorm <script>alert(1)</script>');
  await settle(page);
  await page.reload();
  await page.waitForSelector(`[data-testid=or-title-${r}]`);
  const info = (await storedPlan(page, id)).plan.information;
  assert.deepEqual(info.tools.map((x) => [x.name, x.purpose, x.usage, x.relevance]), [['Newsletter tool', 'Monthly mail to customers', 'in_use', 5]]);
  assert.deepEqual(info.opportunities_risks.map((x) => [x.kind, x.title]), [['risk', 'A shitstorm <script>alert(1)</script>']]);
  assert.match(await page.textContent('[data-testid=block-progress]'), /1 of 2/);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the Information phase speaks German and Bulgarian throughout', async () => {
  const english = ['Add a finding', 'Opportunity or threat', 'Show the data as a table', 'Download the chart', 'Current (0–10)',
    'not scored', 'Strengths', 'Bring in the findings', "Don't know", 'Your stage', 'Relevance', 'Audience size', 'Stage per dimension'];
  for (const locale of ['de-DE', 'bg-BG']) {
    const context = await browser.newContext({ locale });
    const page = await open(context, server.url);
    await page.click('[data-testid=open-sample]');
    await page.waitForSelector('[data-testid=phase-stack]');
    const id = planIdOf(page);
    for (const block of ['opportunities-risks', 'tools-methods', 'landscape', 'audit', 'swot', 'maturity']) {
      await goToBlock(page, id, block);
      // Chrome of the page, not the sample's own (English) content the team typed.
      const text = await screenText(page);
      for (const phrase of english) assert.ok(!text.includes(phrase), `${locale} ${block}: “${phrase}” left in English`);
    }
    assert.deepEqual(page.errors, []);
    await context.close();
  }
});
