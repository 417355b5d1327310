// The workshop with two laptops: the facilitator hands the plan out as a file, a
// participant imports it in another browser, signs with their name, adds a finding and
// gives dots, and sends back a contribution; the facilitator merges it into the one plan,
// sees what comes from whom first, and can undo.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, open, storedPlan, planIdOf, addRow, settle } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function save(download) {
  const file = path.join(os.tmpdir(), `sp-ws-${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(file);
  return file;
}

async function workshop(page, id) {
  await page.goto(`${server.url}#/plans/${id}/workshop`);
  await page.waitForSelector('[data-testid=workshop-name]');
}

test('a participant on another laptop contributes a finding with dots; the facilitator merges it into one plan, with undo', async () => {
  // The facilitator's laptop: a plan with one finding, handed out from the Workshop screen.
  const facilitator = await browser.newContext({ acceptDownloads: true });
  const f = await open(facilitator, server.url);
  await f.fill('[data-testid=new-plan-name]', 'Team plan');
  await f.click('[data-testid=create-plan]');
  await f.waitForSelector('[data-testid=phase-stack]');
  const id = planIdOf(f);
  await f.goto(`${server.url}#/plans/${id}/information/landscape`);
  await f.waitForSelector('.editor');
  await addRow(f, 'finding-0');
  await f.keyboard.type('Customers ask questions on Instagram');
  await settle(f);
  await f.goto(`${server.url}#/plans/${id}`);
  await f.click('[data-testid=workshop-link]');
  await f.waitForSelector('[data-testid=workshop-name]');
  await f.fill('[data-testid=workshop-dots]', '3');
  await f.press('[data-testid=workshop-dots]', 'Tab');
  const [handout] = await Promise.all([f.waitForEvent('download'), f.click('[data-testid=hand-out]')]);
  const handoutFile = await save(handout);
  await settle(f);
  assert.match(await f.textContent('[data-testid=handed-out]'), /Handed out on/);

  // The participant's laptop: imports the file, enters a name once, adds a finding, votes.
  const participant = await browser.newContext({ acceptDownloads: true });
  const p = await open(participant, server.url);
  await p.setInputFiles('[data-testid=import-input]', handoutFile);
  // A hand-out opens where the participant enters their name, the field ready.
  await p.waitForSelector('[data-testid=workshop-name]');
  assert.equal(planIdOf(p), id, 'the participant works on the same plan');
  await p.waitForFunction(() => document.activeElement?.dataset.testid === 'workshop-name');
  await p.fill('[data-testid=workshop-name]', 'Ana');
  await p.press('[data-testid=workshop-name]', 'Tab');
  assert.equal(JSON.parse(await p.evaluate(() => localStorage.getItem('socialplan.v1.settings'))).participant, 'Ana', 'the name is kept in the settings');
  await p.goto(`${server.url}#/plans/${id}/information/landscape`);
  await p.waitForSelector('.editor');
  await addRow(p, 'finding-2');
  await p.keyboard.type('Our buyers watch short videos');
  await settle(p);
  await workshop(p, id);
  assert.equal(await p.inputValue('[data-testid=workshop-name]'), 'Ana', 'the name is remembered');
  assert.match(await p.textContent('[data-testid=dots-left]'), /Ana: 3 of 3 dots left/);
  // Votes with the keyboard: two dots on the new finding, one on the team's.
  const row = (text) => p.locator('[data-testid=vote-row]', { hasText: text });
  await row('short videos').locator('[data-testid=vote-plus]').focus();
  await p.keyboard.press('Enter');
  await p.waitForFunction(() => /2 of 3/.test(document.querySelector('[data-testid=dots-left]').textContent));
  await p.keyboard.press('Enter');
  await row('Instagram').locator('[data-testid=vote-plus]').click();
  await p.waitForFunction(() => /0 of 3/.test(document.querySelector('[data-testid=dots-left]').textContent));
  assert.equal(await row('Instagram').locator('[data-testid=vote-plus]').isDisabled(), true, 'no dots left');
  await p.fill('[data-testid=comment-text]', 'Can we film in the shop?');
  await p.click('[data-testid=comment-add]');
  await settle(p);
  assert.match(await p.textContent('[data-testid=yours]'), /You added 1 item/);
  const [contribution] = await Promise.all([p.waitForEvent('download'), p.click('[data-testid=download-contribution]')]);
  assert.match(contribution.suggestedFilename(), /team-plan-ana\.socialplan\.json/);
  const contributionFile = await save(contribution);
  const sent = JSON.parse(fs.readFileSync(contributionFile, 'utf8'));
  assert.equal(sent.contribution.author, 'Ana');
  assert.equal(sent.contribution.plan, id);

  // Back on the facilitator's laptop: a broken file and the hand-out are refused with a
  // clear message; the contribution is summarised before anything changes.
  const broken = path.join(os.tmpdir(), `sp-ws-${Date.now()}-broken.json`);
  fs.writeFileSync(broken, '{"contribution": {"author": "Ben"');
  await f.setInputFiles('[data-testid=merge-input]', [broken, handoutFile, contributionFile]);
  await f.waitForSelector('[data-testid=merge-preview]');
  const errors = await f.textContent('[data-testid=merge-errors]');
  assert.match(errors, /broken\.json.*not valid JSON|broken\.json.*line/i);
  assert.match(errors, /plan file, not a contribution/);
  const summary = await f.textContent('[data-testid=merge-author]');
  assert.match(summary, /From Ana/);
  assert.match(summary, /1 new item/);
  assert.match(summary, /Finding: Our buyers watch short videos/);
  assert.match(summary, /3 dots on 2 items/);
  assert.match(summary, /1 comment/);
  const before = (await storedPlan(f, id)).plan;
  assert.equal(before.information.landscape.findings.length, 1, 'nothing changes before apply');
  await f.click('[data-testid=merge-apply]');
  await f.waitForSelector('[data-testid=merge-undo]');
  await settle(f);
  assert.equal((await storedPlan(f, id)).plan.information.landscape.findings.length, 2);

  // Undo puts the plan back as it was before the merge.
  await f.click('[data-testid=merge-undo]');
  await settle(f);
  const undone = (await storedPlan(f, id)).plan;
  assert.deepEqual({ ...undone, updated_at: null }, { ...before, updated_at: null }, 'undo: the team plan as before the merge');

  // Merged for good this time.
  await f.setInputFiles('[data-testid=merge-input]', contributionFile);
  await f.waitForSelector('[data-testid=merge-preview]');
  await f.click('[data-testid=merge-apply]');
  await f.waitForSelector('[data-testid=merge-undo]');
  await settle(f);
  const merged = (await storedPlan(f, id)).plan;
  const texts = merged.information.landscape.findings.map((x) => x.text);
  assert.deepEqual(texts, ['Customers ask questions on Instagram', 'Our buyers watch short videos'], 'one plan with both findings');
  const added = merged.information.landscape.findings[1];
  assert.deepEqual(merged.workshop.authors, [{ item: added.id, names: ['Ana'] }]);
  assert.equal(merged.workshop.votes.find((v) => v.participant === 'Ana' && v.item === added.id).dots, 2);
  assert.equal(merged.workshop.comments[0].author, 'Ana');
  const plans = await f.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('socialplan.v1.plan.')));
  assert.equal(plans.length, 1, 'merging keeps one plan, not a second copy');
  assert.match(await f.textContent('[data-testid=ranking]'), /Our buyers watch short videos.*2 dots.*1 participant/);

  // The same contribution again: recognised, and it changes nothing.
  await f.setInputFiles('[data-testid=merge-input]', contributionFile);
  await f.waitForSelector('[data-testid=merge-preview]');
  assert.match(await f.textContent('[data-testid=merge-author]'), /merged before/);
  await f.click('[data-testid=merge-apply]');
  await settle(f);
  const again = (await storedPlan(f, id)).plan;
  assert.deepEqual({ ...again, updated_at: null }, { ...merged, updated_at: null });

  // The finding shows its author in the list.
  await f.goto(`${server.url}#/plans/${id}/information/landscape`);
  await f.waitForSelector('[data-testid=item-authors]');
  assert.equal(await f.textContent('[data-testid=item-authors]'), 'Added by Ana');
  assert.deepEqual(f.errors, []);
  assert.deepEqual(p.errors, []);
  await facilitator.close();
  await participant.close();
});

test('the whole workshop by links: the facilitator hands the plan out as a link, a participant sends a contribution back as a link, and it merges into one plan', async () => {
  // The facilitator: the sample, handed out as a link (recorded as the hand-out).
  const facilitator = await browser.newContext();
  const f = await open(facilitator, server.url);
  await f.click('[data-testid=open-sample]');
  await f.waitForSelector('[data-testid=phase-stack]');
  const id = planIdOf(f);
  await workshop(f, id);
  await f.click('[data-testid=hand-out-link]');
  await f.waitForSelector('[data-testid=share-link]');
  const handout = await f.inputValue('[data-testid=share-link]');
  assert.match(handout, /#\/import\//);
  await settle(f);
  assert.match(await f.textContent('[data-testid=handed-out]'), /Handed out on/);
  const findings = (await storedPlan(f, id)).plan.information.landscape.findings.length;

  // A participant opens it in a browser with no plans, adds a finding, sends it back as a link.
  const participant = await browser.newContext();
  const p = await open(participant, handout.replace(/#.*$/, ''), handout.slice(handout.indexOf('#')));
  await p.click('[data-testid=link-import]');
  await p.waitForSelector('[data-testid=workshop-name]');
  assert.equal(planIdOf(p), id);
  assert.equal(await p.isDisabled('[data-testid=contribution-as-link]'), true, 'a contribution needs a name');
  await p.fill('[data-testid=workshop-name]', 'Boris');
  await p.press('[data-testid=workshop-name]', 'Tab');
  await p.goto(`${server.url}#/plans/${id}/information/landscape`);
  await p.waitForSelector('.editor');
  await addRow(p, 'finding-3');
  await p.keyboard.type('Baristas could answer questions live');
  await settle(p);
  await workshop(p, id);
  await p.click('[data-testid=contribution-as-link]');
  await p.waitForSelector('[data-testid=contribution-link]');
  const sent = await p.inputValue('[data-testid=contribution-link]');
  assert.match(sent, /#\/import\//);
  assert.deepEqual(p.errors, []);

  // The facilitator opens it: a contribution from Boris to this plan, merged there.
  await f.goto(sent);
  await f.waitForSelector('[data-testid=link-contribution]');
  assert.equal(await f.textContent('[data-testid=link-contribution]'), 'A contribution from Boris');
  await f.click('[data-testid=link-merge]');
  await f.waitForSelector('[data-testid=merge-preview]');
  assert.equal(planIdOf(f), id);
  const summary = await f.textContent('[data-testid=merge-author]');
  assert.match(summary, /From Boris/);
  assert.match(summary, /Finding: Baristas could answer questions live/);
  await f.click('[data-testid=merge-apply]');
  await f.waitForSelector('[data-testid=merge-undo]');
  await settle(f);
  const merged = (await storedPlan(f, id)).plan;
  assert.equal(merged.information.landscape.findings.length, findings + 1);
  const added = merged.information.landscape.findings.find((x) => x.text === 'Baristas could answer questions live');
  assert.ok(added, 'the finding is in the team plan');
  assert.deepEqual(merged.workshop.authors.find((a) => a.item === added.id)?.names, ['Boris']);
  assert.equal(JSON.parse(await f.evaluate(() => localStorage.getItem('socialplan.v1.index'))).length, 1, 'one plan, not a copy');
  // Leaving the Workshop screen while its undo is offered (to the plan list, or to the next
  // participant's link) closes it cleanly.
  await f.click('.topbar a[href="#/"]');
  await f.waitForSelector('[data-testid=new-plan-name]');
  await f.goto(sent);
  await f.waitForSelector('[data-testid=link-contribution]');
  assert.deepEqual(f.errors, []);
  await facilitator.close();
  await participant.close();
});

test('a conflict shows the fields and values as the screens name them, side by side', async () => {
  const facilitator = await browser.newContext({ acceptDownloads: true });
  const f = await open(facilitator, server.url);
  await f.click('[data-testid=open-sample]');
  await f.waitForSelector('[data-testid=phase-stack]');
  const id = planIdOf(f);
  await workshop(f, id);
  const [handout] = await Promise.all([f.waitForEvent('download'), f.click('[data-testid=hand-out]')]);
  const handoutFile = await save(handout);
  await settle(f);

  // The participant changes the first finding's text and turns it into a threat.
  const participant = await browser.newContext({ acceptDownloads: true });
  const p = await open(participant, server.url);
  await p.setInputFiles('[data-testid=import-input]', handoutFile);
  await p.waitForSelector('[data-testid=workshop-name]');
  await p.fill('[data-testid=workshop-name]', 'Cleo');
  await p.press('[data-testid=workshop-name]', 'Tab');
  await p.goto(`${server.url}#/plans/${id}/information/landscape`);
  await p.waitForSelector('[data-testid=finding-0] textarea');
  await p.fill('[data-testid=finding-0] textarea >> nth=0', 'Instagram reels find new customers');
  await p.selectOption('[data-testid=finding-0] select >> nth=0', { index: 1 });
  await settle(p);
  await workshop(p, id);
  const [contribution] = await Promise.all([p.waitForEvent('download'), p.click('[data-testid=download-contribution]')]);
  const contributionFile = await save(contribution);

  // Meanwhile the team rewrote the same finding.
  await f.goto(`${server.url}#/plans/${id}/information/landscape`);
  await f.waitForSelector('[data-testid=finding-0] textarea');
  await f.fill('[data-testid=finding-0] textarea >> nth=0', 'Short videos are where coffee is discovered');
  await settle(f);
  await workshop(f, id);
  await f.setInputFiles('[data-testid=merge-input]', contributionFile);
  await f.waitForSelector('[data-testid=conflict]');
  const rows = await f.$$eval('[data-testid=conflict] tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
  const byField = Object.fromEntries(rows.map(([field, ours, theirs]) => [field, [ours, theirs]]));
  assert.deepEqual(byField['Finding'], ['Short videos are where coffee is discovered', 'Instagram reels find new customers'], JSON.stringify(rows));
  assert.deepEqual(byField['Opportunity or threat'], ['Opportunity', 'Threat'], JSON.stringify(rows));
  assert.equal(await f.$$eval('[data-testid=conflict] code', (c) => c.length), 0, 'no names from the file');
  await f.click('[data-testid=conflict-take]');
  await f.click('[data-testid=merge-apply]');
  await f.waitForSelector('[data-testid=merge-undo]');
  await settle(f);
  const finding = (await storedPlan(f, id)).plan.information.landscape.findings[0];
  assert.equal(finding.text, 'Instagram reels find new customers');
  assert.equal(finding.polarity, 'threat');
  assert.deepEqual(f.errors, []);
  await facilitator.close();
  await participant.close();
});
