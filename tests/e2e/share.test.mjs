// Sharing a plan as a link (the plan compressed into the address's fragment) and opening
// it in another browser, and plans bound to a file on disk (File System Access API).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, planIdOf, storedPlan, settle } from './harness.mjs';
import { largePlan } from '../bench/large-plan.mjs';

// As in src/share.rs.
const MAX_LINK_CHARS = 32000;
const MAX_QR_CHARS = 2953;

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Opens the share panel of the plan on screen and returns the link it shows. */
async function shareLink(page) {
  await page.click('[data-testid=share]');
  await page.waitForSelector('[data-testid=share-link]');
  return page.inputValue('[data-testid=share-link]');
}

/** The plans stored in a page's browser, as their envelopes' plans. */
function storedPlans(page) {
  return page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('socialplan.v1.plan.')).map((k) => JSON.parse(localStorage.getItem(k)).plan));
}

test('the sample shared as a link opens in a browser with no plans and imports the same plan', async () => {
  const facilitator = await browser.newContext();
  await facilitator.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await open(facilitator, server.url);
  await page.click('[data-testid=open-sample]');
  await page.waitForSelector('[data-testid=phase-stack]');
  const id = planIdOf(page);
  const link = await shareLink(page);
  assert.ok(link.startsWith(`${server.url}#/import/`), link);
  assert.ok(link.length <= MAX_LINK_CHARS, `the sample's link has ${link.length} characters`);
  assert.match(await page.textContent('[data-testid=share-length]'), new RegExp(`${link.length} characters`));
  await page.click('[data-testid=share-copy]');
  await page.waitForFunction(() => document.querySelector('[data-testid=share-copied]').textContent.includes('Link copied'));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);

  // A participant's laptop: a first visit, straight to the link.
  const participant = await browser.newContext();
  const other = await participant.newPage();
  other.errors = [];
  other.on('pageerror', (e) => other.errors.push(String(e)));
  await other.goto(link);
  await other.waitForSelector('[data-testid=link-import]');
  assert.match(await other.textContent('[data-testid=link-plan]'), /Plan: “.+”/);
  assert.deepEqual(await storedPlans(other), [], 'nothing is stored before the import is chosen');
  await other.click('[data-testid=link-import]');
  await other.waitForSelector('[data-testid=phase-stack]');
  assert.equal(planIdOf(other), id);
  const theirs = await storedPlan(other, id);
  const ours = await storedPlan(page, id);
  assert.deepEqual(theirs.plan, ours.plan, 'the same plan, item for item');
  // The link is gone from the address: a reload or "back" imports nothing again.
  assert.ok(!(await other.evaluate(() => location.href)).includes('import'));
  await other.goBack();
  await other.waitForSelector('[data-testid=plan-list]');
  assert.ok(!other.url().includes('import'), other.url());
  await other.reload();
  await other.waitForSelector('[data-testid=plan-row]');
  assert.equal((await storedPlans(other)).length, 1);
  assert.deepEqual(other.errors, []);

  // The same link opened where the plan already is: the question of any import.
  await page.goto(link);
  await page.waitForSelector('[data-testid=link-import]');
  await page.click('[data-testid=link-import]');
  await page.waitForSelector('text=You already have this plan');
  await page.click('button:has-text("Keep both")');
  await page.waitForSelector('[data-testid=phase-stack]');
  assert.equal((await storedPlans(page)).length, 2);
  assert.deepEqual(page.errors, []);
  await facilitator.close();
  await participant.close();
});

test('the sample fits in a link in every language', async () => {
  const lengths = {};
  for (const lang of ['en', 'de', 'bg']) {
    const context = await browser.newContext();
    const page = await open(context, server.url);
    await page.selectOption('[data-testid=language]', lang);
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    await page.click('[data-testid=open-sample]');
    await page.waitForSelector('[data-testid=phase-stack]');
    const link = await shareLink(page);
    lengths[lang] = link.length;
    assert.ok(link.length <= MAX_LINK_CHARS, `${lang}: ${link.length} characters`);
    await context.close();
  }
  console.log('share link of the sample plan, characters:', lengths);
});

test('a damaged or cut link says so and changes nothing', async () => {
  const context = await browser.newContext();
  const page = await open(context, server.url);
  await page.click('[data-testid=open-sample]');
  await page.waitForSelector('[data-testid=phase-stack]');
  const link = await shareLink(page);
  const before = await storedPlans(page);
  const payload = link.split('#/import/')[1];
  const damaged = [
    link.slice(0, link.length - Math.floor(payload.length / 2)), // cut short by a chat app
    link.slice(0, -1), // one character missing
    `${server.url}#/import/${payload.slice(0, 40)}!${payload.slice(41)}`, // a character changed
    `${server.url}#/import/AAAAAAAAAAAA`, // not a compressed plan at all
  ];
  for (const bad of damaged) {
    await page.goto(bad);
    await page.waitForSelector('[data-testid=link-broken], [data-testid=link-refused]');
    assert.match(await page.textContent('main'), /can't be read/);
    assert.deepEqual(await storedPlans(page), before, 'nothing stored, nothing lost');
  }
  // Compressed well but not a plan: the import's own message.
  const notPlan = await page.evaluate(async () => {
    const stream = new Blob(['{"format":"something else","plan":[]}']).stream().pipeThrough(new CompressionStream('deflate-raw'));
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  });
  await page.goto(`${server.url}#/import/${notPlan}`);
  await page.waitForSelector('[data-testid=link-refused]');
  assert.match(await page.textContent('[data-testid=link-refused]'), /“Shared link” could not be imported/);
  assert.deepEqual(await storedPlans(page), before);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a plan too large for a link is offered as a file; a small one also as a QR code', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await open(context, server.url);
  await page.setInputFiles('[data-testid=import-input]', { name: 'large.socialplan.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(largePlan())) });
  await page.waitForSelector('[data-testid=phase-stack]');
  await page.click('[data-testid=share]');
  await page.waitForSelector('[data-testid=share-too-large]');
  assert.match(await page.textContent('[data-testid=share-too-large]'), /too large for a link: the link would be [\d,.]+ characters long, and links over 32000 characters/);
  assert.equal(await page.$$eval('[data-testid=share-link]', (n) => n.length), 0);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=share-export]')]);
  assert.equal(download.suggestedFilename(), 'large-plan.socialplan.json');

  await page.goto(server.url + '#/');
  await page.fill('[data-testid=new-plan-name]', 'Small plan');
  await page.click('[data-testid=create-plan]');
  await page.waitForSelector('[data-testid=phase-stack]');
  const link = await shareLink(page);
  assert.ok(link.length <= MAX_QR_CHARS, `${link.length}`);
  await page.waitForSelector('[data-testid=share-qr] svg');
  assert.equal(await page.getAttribute('[data-testid=share-qr]', 'role'), 'img');
  assert.equal(await page.getAttribute('[data-testid=share-qr]', 'aria-label'), 'QR code of the link to the plan “Small plan”');
  assert.deepEqual(page.errors, []);
  await context.close();
});

// Headless Chromium has the File System Access API but shows no picker: the pickers are
// replaced with ones that hand out in-memory files (name, text, how often written) and
// whose permission answer the test sets.
const FAKE_FILES = () => {
  window.files = {};
  window.permission = 'granted';
  window.failWrites = false;
  class Handle {
    constructor(name, text) { this.name = name; this.kind = 'file'; if (text !== undefined) window.files[name] = { text, writes: 0 }; }
    async queryPermission() { return window.permission; }
    async requestPermission() { window.permission = 'granted'; return 'granted'; }
    async createWritable() {
      if (window.failWrites) throw new DOMException('The disk is full.', 'QuotaExceededError');
      let text = '';
      return {
        write: async (d) => { text += d; },
        close: async () => { const f = window.files[this.name] ?? { writes: 0 }; window.files[this.name] = { text, writes: f.writes + 1 }; },
      };
    }
    async getFile() { return new File([window.files[this.name].text], this.name, { type: 'application/json' }); }
  }
  window.showSaveFilePicker = async (options) => new Handle(options.suggestedName);
  window.showOpenFilePicker = async () => [new Handle('opened.socialplan.json', window.toOpen)];
};

test('a plan bound to a file on disk is written there after saves, with permission and failures reported', async () => {
  const context = await browser.newContext();
  await context.addInitScript(FAKE_FILES);
  const page = await open(context, server.url);
  await page.fill('[data-testid=new-plan-name]', 'Disk plan');
  await page.click('[data-testid=create-plan]');
  await page.waitForSelector('[data-testid=phase-stack]');
  await page.click('[data-testid=save-to-file]');
  await page.waitForSelector('[data-testid=file-binding]');
  assert.match(await page.textContent('[data-testid=file-binding]'), /Saved to the file “disk-plan.socialplan.json” too/);
  const file = () => page.evaluate(() => window.files['disk-plan.socialplan.json']);
  assert.equal(JSON.parse((await file()).text).plan.name, 'Disk plan');

  // An edit: saved here at once, written to the file once saves pause.
  await page.fill('[data-testid=plan-name]', 'Disk plan, renamed');
  await settle(page);
  await page.waitForFunction(() => JSON.parse(window.files['disk-plan.socialplan.json'].text).plan.name === 'Disk plan, renamed');
  const writes = (await file()).writes;
  assert.ok(writes <= 3, `typing writes the file once it pauses, not per key (${writes} writes)`);

  // The browser asks again: a notice, and writing waits for the click.
  await page.evaluate(() => { window.permission = 'prompt'; });
  await page.fill('[data-testid=plan-name]', 'Asked again');
  await page.waitForSelector('[data-testid=file-retry]');
  assert.equal(JSON.parse((await file()).text).plan.name, 'Disk plan, renamed');
  await page.click('[data-testid=file-retry]');
  await page.waitForFunction(() => JSON.parse(window.files['disk-plan.socialplan.json'].text).plan.name === 'Asked again');

  // A write that fails is reported with the browser's reason; "Try again" writes it.
  await page.evaluate(() => { window.failWrites = true; });
  await page.click('[data-testid=save-file-now]');
  await page.waitForSelector('[data-testid=file-retry]');
  assert.match(await page.textContent('.notice-error'), /could not be written to the file “disk-plan.socialplan.json” \(The disk is full.\)\. It is safe in this browser/);
  await page.evaluate(() => { window.failWrites = false; });
  await page.click('[data-testid=file-retry]');
  await page.waitForSelector('text=Written to the file “disk-plan.socialplan.json”.');
  assert.equal(await page.$$eval('[data-testid=file-retry]', (n) => n.length), 0);

  // Stop: later edits stay in the browser only.
  await page.click('[data-testid=file-unbind]');
  const before = (await file()).writes;
  await page.fill('[data-testid=plan-name]', 'Only here');
  await settle(page);
  await page.waitForTimeout(2600);
  assert.equal((await file()).writes, before);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('"Open file…" imports a plan file with the usual checks and keeps writing to it', async () => {
  const context = await browser.newContext();
  await context.addInitScript(FAKE_FILES);
  const page = await open(context, server.url);
  const envelope = { format: 'socialplan', schema_version: 1, app_version: 'test', exported_at: '2026-01-01T00:00:00Z',
    plan: { id: 'disk1', name: 'From disk', created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z' } };
  await page.evaluate((text) => { window.toOpen = text; }, JSON.stringify(envelope));
  await page.click('[data-testid=open-file]');
  await page.waitForSelector('[data-testid=phase-stack]');
  assert.equal(planIdOf(page), 'disk1');
  assert.match(await page.textContent('[data-testid=file-binding]'), /“opened.socialplan.json”/);
  await page.fill('[data-testid=plan-name]', 'From disk, changed');
  await page.waitForFunction(() => JSON.parse(window.files['opened.socialplan.json'].text).plan.name === 'From disk, changed');

  // A file that is not a plan: refused like any import, nothing bound.
  await page.goto(server.url + '#/');
  await page.waitForSelector('[data-testid=open-file]');
  await page.evaluate(() => { window.toOpen = '{"format":"something else"}'; });
  await page.click('[data-testid=open-file]');
  await page.waitForSelector('text=could not be imported');
  assert.equal((await storedPlans(page)).length, 1);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('without the File System Access API the file buttons are not shown', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => { delete window.showSaveFilePicker; delete window.showOpenFilePicker; delete Window.prototype.showSaveFilePicker; delete Window.prototype.showOpenFilePicker; });
  const page = await open(context, server.url);
  await page.waitForSelector('[data-testid=import-input]', { state: 'attached' });
  assert.equal(await page.$$eval('[data-testid=open-file]', (n) => n.length), 0);
  await page.fill('[data-testid=new-plan-name]', 'No disk');
  await page.click('[data-testid=create-plan]');
  await page.waitForSelector('[data-testid=phase-stack]');
  assert.equal(await page.$$eval('[data-testid=save-to-file]', (n) => n.length), 0);
  assert.equal(await page.$$eval('[data-testid=export]', (n) => n.length), 1);
  await context.close();
});
