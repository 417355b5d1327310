// Charts and the strategy map as they are shown: drawn at their box's width, label text
// of at least 12 px as rendered on a wide screen and on a phone (the dashboard's
// half-width cards too), status bars in the badges' colours with their sign and word,
// the last date label whole, no empty legend entry; the map as a diagram with its gaps
// and its list.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, addRow, settle } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function samplePlan(width) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await open(context, server.url);
  await page.click('[data-testid=open-sample]');
  await page.waitForSelector('[data-testid=phase-stack]');
  return { context, page, base: page.url() };
}

/** Waits until every chart on the screen is drawn at its box's width. */
async function drawnToWidth(page) {
  await page.waitForFunction(() => {
    const boxes = [...document.querySelectorAll('.chart-svg')];
    return boxes.length > 0 && boxes.every((b) => {
      const svg = b.querySelector('svg');
      return svg && Math.abs(Number(svg.getAttribute('width')) - Math.max(200, b.clientWidth)) < 24;
    });
  });
}

/** Per chart: its width, its box's width, the smallest rendered label and labels cut at an edge. */
function measure(page) {
  return page.$$eval('.chart-svg svg', (svgs) => svgs.map((svg) => {
    const box = svg.getBoundingClientRect();
    const texts = [...svg.querySelectorAll('text')].filter((t) => t.textContent.trim());
    const sizes = texts.map((t) => t.getBoundingClientRect().height > 0 ? parseFloat(getComputedStyle(t).fontSize) * box.width / svg.viewBox.baseVal.width || parseFloat(getComputedStyle(t).fontSize) : 99);
    const cut = texts.filter((t) => { const r = t.getBoundingClientRect(); return r.left < box.left - 1 || r.right > box.right + 1; }).map((t) => t.textContent);
    return { name: svg.closest('figure').dataset.testid, width: box.width, box: svg.parentElement.clientWidth, smallest: Math.min(...sizes), cut, texts: texts.length };
  }));
}

for (const width of [1280, 390]) {
  test(`charts at ${width} px: drawn at their width, labels of 12 px or more, nothing cut`, async () => {
    const { context, page, base } = await samplePlan(width);
    const screens = ['/information/landscape', '/information/audit', '/information/maturity', '/dashboard'];
    for (const screen of screens) {
      await page.goto(base + screen);
      await page.waitForSelector('.chart-svg svg');
      await drawnToWidth(page);
      const charts = await measure(page);
      assert.ok(charts.length > 0, screen);
      for (const c of charts) {
        assert.ok(c.texts > 0, `${screen} ${c.name}: has labels`);
        assert.ok(c.smallest >= 12, `${screen} ${c.name}: smallest label ${c.smallest.toFixed(1)} px`);
        assert.deepEqual(c.cut, [], `${screen} ${c.name}: labels cut at the edge`);
        assert.ok(c.width <= c.box + 1, `${screen} ${c.name}: ${c.width} px wide in a box of ${c.box}`);
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${screen}: the page overflows sideways by ${overflow} px`);
    }
    // A KPI over time: its last date label whole, and no legend entry without a name.
    await page.goto(base + '/operative/kpi-tracking');
    await page.waitForSelector('.kpi-card');
    if (!(await page.$('[data-testid^=chart-kpi] svg'))) await page.click('.kpi-card details:not([open]) summary');
    await page.waitForSelector('[data-testid^=chart-kpi] svg');
    await drawnToWidth(page);
    const kpi = await page.$eval('[data-testid^=chart-kpi] svg', (svg) => {
      const box = svg.getBoundingClientRect();
      const labels = [...svg.querySelectorAll('text')];
      const last = labels.filter((t) => /\d{4}/.test(t.textContent)).map((t) => t.getBoundingClientRect()).sort((a, b) => b.right - a.right)[0];
      const sizes = labels.map((t) => parseFloat(getComputedStyle(t).fontSize) * box.width / svg.viewBox.baseVal.width);
      return { lastRight: last?.right, right: box.right, empty: labels.filter((t) => !t.textContent.trim()).length, smallest: Math.min(...sizes) };
    });
    assert.ok(kpi.lastRight !== undefined && kpi.lastRight <= kpi.right + 0.5, `the last date ends at ${kpi.lastRight}, the chart at ${kpi.right}`);
    assert.equal(kpi.empty, 0, 'no empty legend entries');
    assert.ok(kpi.smallest >= 12, `KPI chart label ${kpi.smallest}`);
    assert.deepEqual(page.errors, []);
    await context.close();
  });
}

test('a chart is drawn again at its new width when the window changes', async () => {
  const { context, page, base } = await samplePlan(1280);
  await page.goto(base + '/information/landscape');
  await page.waitForSelector('.chart-svg svg');
  await drawnToWidth(page);
  const wide = await page.$eval('[data-testid=chart-landscape] svg', (s) => Number(s.getAttribute('width')));
  await page.setViewportSize({ width: 390, height: 900 });
  await page.waitForFunction((w) => Number(document.querySelector('[data-testid=chart-landscape] svg').getAttribute('width')) < w - 200, wide);
  await drawnToWidth(page);
  const [c] = (await measure(page)).filter((m) => m.name === 'chart-landscape');
  assert.ok(c.smallest >= 12, `${c.smallest}`);
  await context.close();
});

test('status bars take the status badges’ colours and carry their sign and word', async () => {
  const { context, page, base } = await samplePlan(1280);
  await page.goto(base + '/dashboard');
  await page.waitForSelector('[data-testid=chart-status] svg');
  const { bars, labels } = await page.$eval('[data-testid=chart-status] svg', (svg) => ({
    bars: [...svg.querySelectorAll('rect')].map((r) => r.getAttribute('fill')).filter((f) => f && f.toLowerCase() !== '#ffffff' && f.toLowerCase() !== 'white'),
    labels: [...svg.querySelectorAll('text')].map((t) => t.textContent),
  }));
  const badge = await page.evaluate(() => {
    const out = {};
    for (let i = 0; i < 5; i++) {
      const el = document.createElement('span');
      el.className = `status-badge status-${i}`;
      document.body.append(el);
      const [r, g, b] = getComputedStyle(el).color.match(/\d+/g).map(Number);
      out[i] = `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
      el.remove();
    }
    return out;
  });
  assert.ok(bars.length > 0, 'some KPIs have a status');
  for (const fill of bars) assert.ok(Object.values(badge).includes(fill.toLowerCase()), `${fill} is a status badge colour`);
  for (const [sign, word] of [['✓', 'On track'], ['!', 'At risk'], ['✕', 'Off track'], ['–', 'No data']]) {
    assert.ok(labels.some((l) => l.includes(sign) && l.includes(word)), `${sign} ${word}`);
  }
  await context.close();
});

for (const width of [1280, 390]) {
  test(`the strategy map is a diagram with its gaps at ${width} px, and a list`, async () => {
    const { context, page, base } = await samplePlan(width);
    await page.goto(base + '/strategy/strategic-plan');
    await page.waitForSelector('[data-testid=map-diagram] svg');
    const map = await page.$eval('[data-testid=map-diagram]', (box) => {
      const svg = box.querySelector('svg');
      const texts = [...svg.querySelectorAll('text')];
      return {
        label: box.getAttribute('aria-label'),
        role: box.getAttribute('role'),
        boxes: svg.querySelectorAll('.map-node').length,
        columns: new Set([...svg.querySelectorAll('.map-node rect')].map((r) => r.getAttribute('x'))).size,
        lines: svg.querySelectorAll('path').length,
        smallest: Math.min(...texts.map((t) => t.getBoundingClientRect().height ? parseFloat(getComputedStyle(t).fontSize) * svg.getBoundingClientRect().width / Number(svg.getAttribute('width')) : 99)),
        width: svg.getBoundingClientRect().width,
        box: box.clientWidth,
        scrolls: box.scrollWidth > box.clientWidth,
      };
    });
    assert.equal(map.role, 'img');
    assert.match(map.label, /Strategy map as a diagram/);
    assert.ok(map.boxes >= 10 && map.columns === 4 && map.lines >= map.boxes - 4, JSON.stringify(map));
    assert.ok(map.smallest >= 12, `map text ${map.smallest}`);
    if (width === 1280) assert.ok(!map.scrolls && map.width <= map.box + 1, `fits at 1280: ${map.width} in ${map.box}`);
    else assert.ok(map.scrolls, 'at 390 px it scrolls inside its card');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page overflows sideways by ${overflow} px`);
    // The list is the text alternative, one click away.
    await page.click('[data-testid=map-list] summary');
    assert.match(await page.textContent('[data-testid=map-list]'), /KPI: /);
    await context.close();
  });
}

test('the strategy map marks what a new plan is missing', async () => {
  const context = await browser.newContext();
  const page = await open(context, server.url);
  await page.fill('[data-testid=new-plan-name]', 'Bakery');
  await page.click('[data-testid=create-plan]');
  await page.waitForSelector('[data-testid=phase-stack]');
  const base = page.url();
  await page.goto(base + '/strategy/strategic-plan/step-2');
  await page.waitForSelector('.editor');
  await addRow(page, 'bo-0');
  await page.keyboard.type('Sell more bread');
  await settle(page);
  await page.goto(base + '/strategy/strategic-plan');
  await page.waitForSelector('[data-testid=map-diagram] svg .map-gap');
  assert.match(await page.textContent('[data-testid=map-diagram] svg'), /Sell more bread.*⚠ no social media objective/);
  await context.close();
});
