/**
 * The reviewers' HTML page, opened in headless Chromium as a reviewer would open it: the summary
 * rows are there with the right cells, findings are highlighted in the texts and explained, and
 * the page loads nothing from anywhere. Needs Debian's Chromium (/usr/bin/chromium, or
 * CHROMIUM_PATH); without it the test fails and says so.
 *
 * Screenshot: test-output/screenshots/summary-html.png. With UPDATE_SCREENSHOTS=1 the same picture
 * is also written to docs/images/summary.png, the one docs/reviewers.md shows.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { main } from '../server/src/cli';
import { REPORT_BLOCKS, buildDocx } from './support/docx';
import { CORPUS, CORPUS_DIR } from './support/golden';

const root = path.resolve(__dirname, '..');
const screenshots = path.join(root, 'test-output/screenshots');

async function launch(): Promise<Browser> {
  // An ES module shared with the VS Code UI tests; imported by URL so TypeScript leaves it alone.
  const launcher = pathToFileURL(path.join(root, 'scripts/vscode-test/code-server.mjs')).href;
  const { launchBrowser } = (await import(launcher)) as { launchBrowser: () => Promise<Browser> };
  return launchBrowser();
}

describe('summary page in a browser', function () {
  this.timeout(60_000);
  let browser: Browser;
  let page: Awaited<ReturnType<Browser['newPage']>>;
  const requests: string[] = [];

  before(async () => {
    // A reviewer's folder: the five corpus reports and a Word draft.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-lint-html-'));
    fs.mkdirSync(path.join(dir, 'reports'));
    for (const name of CORPUS) fs.copyFileSync(path.join(CORPUS_DIR, name), path.join(dir, 'reports', name));
    fs.writeFileSync(path.join(dir, 'reports', '某县2023年法治政府建设年度报告.docx'), await buildDocx(REPORT_BLOCKS));
    let stderr = '';
    const status = await main(['--summary', '--format', 'html', '--output', 'summary.html', 'reports'], { stdout: () => {}, stderr: (s) => (stderr += s), cwd: dir, env: {} });
    assert.equal(status, 1, `the Word draft has an error finding; stderr: ${stderr}`);

    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(path.join(dir, 'summary.html')).href);
  });

  after(async () => {
    await browser?.close();
  });

  it('shows one row per report with place, year and the four required items', async () => {
    const rows = await page.$$eval('table.summary tbody tr', (trs) =>
      trs.map((tr) => ({
        file: tr.querySelector('th')!.textContent!.trim(),
        place: tr.querySelector('td.place')!.textContent!.trim(),
        year: tr.querySelector('td.year')!.textContent!.trim(),
        parts: [...tr.querySelectorAll('td.part')].map((td) => `${td.textContent!.trim()}${td.classList.contains('no') ? '!' : ''}`).join(''),
        worst: tr.querySelectorAll('ol.worst li').length,
      })),
    );
    const expected = [
      ['reports/beibei-town-2019.txt', '柳荫镇', '2019', '✓✓✓✓'],
      ['reports/lianjiang-2020.txt', '连江县', '2020', '✓✓✓✓'],
      ['reports/liyang-2022.txt', '溧阳市', '2022', '✓✓✓✓'],
      ['reports/luopu-2022.txt', '洛浦县', '2022', '✓✓✓✓'],
      ['reports/zaoyang-2023.txt', '枣阳市', '2023', '✓✓✗!✓'],
      ['reports/某县2023年法治政府建设年度报告.docx', '某县', '2023', '✓✓✓✓'],
    ];
    assert.deepEqual(
      rows.map((r) => [r.file, r.place, r.year, r.parts]),
      expected.map(([file, ...rest]) => [file!.split('/').join(path.sep), ...rest]),
    );
    assert.ok(rows.every((r) => r.worst > 0 && r.worst <= 3), 'every report lists its worst findings');
    // The missing item is explained on hover.
    const title = await page.getAttribute('table.summary tbody tr:nth-child(5) td.part.no', 'title');
    assert.match(title ?? '', /第一责任人职责情况：缺少/);
  });

  it('highlights findings in the text and explains them beside the line, and the table links to them', async () => {
    const word = page.locator('section.report').last();
    const mark = word.locator('mark.error').first();
    assert.equal(await mark.textContent(), '95%');
    assert.match((await mark.getAttribute('title')) ?? '', /「通过率」与所列数字不符：108\/120 = 90\.00%/);
    const row = word.locator('.row', { has: page.locator('mark.error') });
    assert.equal((await row.locator('.ln').textContent())?.trim(), '¶6');
    assert.match((await row.locator('.notes').textContent()) ?? '', /错误「通过率」与所列数字不符.*rate-mismatch/);

    // Following the table's link to the finding lands on its note.
    await page.click('table.summary tbody tr:last-child ol.worst li:first-child a');
    const target = String(await page.evaluate(`document.querySelector(':target')?.textContent ?? ''`));
    assert.match(target, /「通过率」与所列数字不符/);
    const marks = await page.$$eval('section.report mark', (ms) => ms.length);
    assert.ok(marks > 20, `findings of all reports are marked (${marks})`);
  });

  it('loads nothing but the page itself, so it works offline', async () => {
    assert.deepEqual(requests.filter((url) => !url.endsWith('summary.html')), []);
    const external = await page.$$eval('link[href], script[src], img[src], iframe', (els) => els.length);
    assert.equal(external, 0);
  });

  it('saves a screenshot of the summary', async () => {
    await page.evaluate('window.scrollTo(0, 0)');
    const height = Number(await page.evaluate('Math.min(document.documentElement.scrollHeight, 1500)'));
    fs.mkdirSync(screenshots, { recursive: true });
    const file = path.join(screenshots, 'summary-html.png');
    await page.screenshot({ path: file, clip: { x: 0, y: 0, width: 1400, height }, fullPage: true });
    assert.ok(fs.statSync(file).size > 10_000, 'a real picture, not a blank one');
    if (process.env.UPDATE_SCREENSHOTS) {
      fs.mkdirSync(path.join(root, 'docs/images'), { recursive: true });
      fs.copyFileSync(file, path.join(root, 'docs/images/summary.png'));
    }
  });
});
