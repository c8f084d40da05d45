/**
 * The extension as a person meets it, in the real VS Code workbench (code-server) in headless
 * Chromium: a corpus report open, its rows in the Problems panel and the Outline view, the hover on
 * a rate, and a snippet inserted through suggestions. Each state is saved as a PNG in
 * test-output/screenshots/. Every step waits for what it needs to see, never for a fixed time.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
// @ts-expect-error the launcher is a plain ES module without type declarations
import { launchBrowser, makeRunDir, startCodeServer } from '../../scripts/vscode-test/code-server.mjs';

const root = path.resolve(__dirname, '../..');
const screenshots = path.join(root, 'test-output/screenshots');
const corpus = path.join(root, 'test/fixtures/corpus');
const STEP = 60_000;

interface Server {
  port: number;
  url(folder?: string, payload?: unknown): string;
  stop(): void;
}

describe('VS Code workbench with report-lint', function () {
  this.timeout(180_000);
  let server: Server;
  let browser: Browser;
  let page: Page;
  let workspace: string;

  before(async () => {
    fs.mkdirSync(screenshots, { recursive: true });
    const runDir: string = makeRunDir('report-lint-ui-');
    workspace = path.join(runDir, 'workspace');
    fs.mkdirSync(workspace);
    for (const f of fs.readdirSync(corpus)) fs.copyFileSync(path.join(corpus, f), path.join(workspace, f.replace(/\.txt$/, '.report.txt')));
    fs.writeFileSync(path.join(workspace, 'draft.report.txt'), '');
    server = await startCodeServer({ runDir, settings: { 'workbench.colorTheme': 'Default Light Modern', 'editor.fontSize': 15, 'reportLint.locale': 'zh' } });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const payload = [['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${server.port}${root}`]];
    await page.goto(server.url(workspace, payload));
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: STEP });
  });

  afterEach(async function () {
    // A failing step leaves a picture of what the workbench showed instead.
    if (this.currentTest?.state === 'failed' && page) {
      const name = this.currentTest.title.replace(/[^\w]+/g, '-').slice(0, 60);
      await page.screenshot({ path: path.join(screenshots, `failed-${name}.png`) }).catch(() => {});
    }
  });

  after(async () => {
    await browser?.close().catch(() => {});
    server?.stop();
  });

  async function runCommand(title: string): Promise<void> {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: STEP });
    await input.fill('>' + title);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    await row.waitFor({ timeout: STEP });
    await page.keyboard.press('Enter');
  }

  async function openFile(name: string): Promise<void> {
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: STEP });
    await input.fill(name);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: STEP });
    await page.keyboard.press('Enter');
    await page.locator('.tab.active', { hasText: name }).waitFor({ timeout: STEP });
  }

  async function goToLine(line: number): Promise<void> {
    await page.keyboard.press('Control+G');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: STEP });
    await input.fill(`:${line}`); // the go-to-line prefix, which fill() would otherwise replace
    // Enter before the quick pick has read the line number leaves it open over the editor.
    await page.locator('.quick-input-list .monaco-list-row', { hasText: String(line) }).first().waitFor({ timeout: STEP });
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: STEP });
  }

  it('lists the findings of a corpus report in the Problems panel', async () => {
    await openFile('lianjiang-2020.report.txt');
    await runCommand('Problems: Focus on Problems View');
    const rows = page.locator('.markers-panel .monaco-list-row');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'page-residue' }).first().waitFor({ timeout: STEP });
    const texts = await rows.allInnerTexts();
    const all = texts.join('\n');
    for (const rule of ['duplicate-paragraph', 'page-residue', 'numbering-style']) assert.ok(all.includes(rule), `Problems panel shows ${rule}:\n${all}`);
    await page.screenshot({ path: path.join(screenshots, '1-problems.png') });
  });

  it('shows the report structure in the Outline view', async () => {
    // The Outline section of the Explorer starts collapsed; its header expands it.
    const header = page.locator('.pane-header', { hasText: /^\s*Outline\s*$/i }).first();
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    const row = page.locator('.outline-pane .monaco-list-row', { hasText: '一、' }).first();
    await row.waitFor({ timeout: STEP });
    const texts = await page.locator('.outline-pane .monaco-list-row').allInnerTexts();
    assert.ok(texts.some((t) => t.includes('一、政府职能依法全面履行方面')), `Outline rows:\n${texts.join('\n')}`);
    await page.screenshot({ path: path.join(screenshots, '2-outline.png') });
  });

  it('explains a rate on hover with the computation behind it', async () => {
    await openFile('beibei-town-2019.report.txt');
    await goToLine(25);
    const rate = page.locator('.view-lines span', { hasText: '97.7%' }).last();
    await rate.waitFor({ timeout: STEP });
    await rate.scrollIntoViewIfNeeded();
    const box = await rate.boundingBox();
    assert.ok(box, 'the rate is rendered');
    // Move across the rate until the hover shows; the word under the pointer decides the hover.
    await page.mouse.move(box.x + box.width - 6, box.y + box.height / 2);
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: '340' }).first();
    await hover.waitFor({ timeout: STEP });
    const text = await hover.innerText();
    assert.match(text, /340\s*\/\s*348/, `hover text:\n${text}`);
    await page.screenshot({ path: path.join(screenshots, '3-hover.png') });
    await page.keyboard.press('Escape');
  });

  it('inserts the report skeleton through suggestions', async () => {
    await openFile('draft.report.txt');
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.type('baogao');
    await page.keyboard.press('Control+Space');
    const row = page.locator('.suggest-widget.visible .monaco-list-row', { hasText: '报告全文框架' }).first();
    await row.waitFor({ timeout: STEP });
    const rows = await page.locator('.suggest-widget.visible .monaco-list-row').allInnerTexts();
    await page.screenshot({ path: path.join(screenshots, '4-suggestions.png') });
    await row.click();
    await page.locator('.view-lines', { hasText: '法治政府建设年度报告' }).first().waitFor({ timeout: STEP });
    const lines = await page.locator('.monaco-editor .view-lines').first().innerText();
    assert.match(lines, /主要举措和成效/, `editor after the snippet (suggestions were: ${rows.join(' | ')}):\n${lines}`);
    await page.screenshot({ path: path.join(screenshots, '5-skeleton.png') });
  });
});
