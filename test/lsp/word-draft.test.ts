/**
 * The bundled server and the two reviewer features of the editor: a Word draft shown as a
 * read-only report (report-docx: documents, configured by the .reportlintrc.json beside the
 * .docx), and reportLint/checkFile, which checks a report on disk without opening it.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ErrorCodes, type ResponseError } from 'vscode-languageserver/node';
import { CHECK_FILE_METHOD, WORD_DRAFT_SCHEME, type CheckFileResult } from '../../server/src/lsp/workspace-protocol';
import { REPORT_BLOCKS, buildDocx } from '../support/docx';
import { GAPPED, REPORT } from './support/samples';
import { PUSH_CAPABILITIES, TestClient, fileUri } from './support/lsp-client';

function tempDir(files: Record<string, string | Buffer> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-lint-word-'));
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

/** A report-docx: URI as VS Code writes one for a local file: the file URI's path under the scheme. */
const draftUri = (file: string) => `${WORD_DRAFT_SCHEME}:${fileUri(file).slice('file://'.length)}`;

describe('LSP server: Word drafts and checking files on disk', () => {
  let client: TestClient;
  beforeEach(async () => {
    client = new TestClient({ capabilities: PUSH_CAPABILITIES });
    await client.initialize();
  });
  afterEach(async () => {
    await client.stop();
  });

  it('checks a report-docx: document in the report language, with the configuration beside the .docx', async () => {
    const plain = tempDir();
    const configured = tempDir({ '.reportlintrc.json': '{"rules": {"numbering-sequence": "off"}}' });
    const withoutConfig = draftUri(path.join(plain, '报告.docx'));
    const withConfig = draftUri(path.join(configured, '报告.docx'));
    client.open(withoutConfig, GAPPED, 'report');
    client.open(withConfig, GAPPED, 'report');
    const checked = await client.nextDiagnostics(withoutConfig, 1);
    assert.ok(checked.diagnostics.some((d) => d.code === 'numbering-sequence'), 'the gap is reported');
    const quiet = await client.nextDiagnostics(withConfig, 1);
    assert.ok(!quiet.diagnostics.some((d) => d.code === 'numbering-sequence'), 'the .reportlintrc.json beside the .docx turns the rule off');
    assert.ok(quiet.diagnostics.every((d) => d.source === 'report-lint'));
  });

  it('checks a Word draft on disk and gives its diagnostics for the report-docx: document', async () => {
    const dir = tempDir({ '报告.docx': await buildDocx(REPORT_BLOCKS) });
    const file = path.join(dir, '报告.docx');
    const result = await client.request<CheckFileResult | null>(CHECK_FILE_METHOD, { uri: fileUri(file), documentUri: draftUri(file) });
    assert.ok(result);
    const rate = result.diagnostics.find((d) => d.code === 'rate-mismatch');
    assert.ok(rate, JSON.stringify(result.diagnostics.map((d) => d.code)));
    assert.equal(rate.range.start.line, 5, '¶6 is the sixth line of the extracted text');
    assert.equal(rate.severity, 1);
    assert.ok(client.diagnostics.every((p) => p.uri !== draftUri(file) && p.uri !== fileUri(file)), 'nothing is published for files that are not open');
  });

  it('checks text reports on disk in their encoding, and says null for text that is not a report', async () => {
    // GAPPED in GB18030 would need an encoder; UTF-16 with a BOM exercises decoding just as well.
    const dir = tempDir({ 'a.report.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(GAPPED, 'utf16le')]), 'notes.txt': '一、买菜\n三、做饭\n', 'b.txt': REPORT });
    const gapped = await client.request<CheckFileResult | null>(CHECK_FILE_METHOD, { uri: fileUri(path.join(dir, 'a.report.txt')) });
    assert.ok(gapped?.diagnostics.some((d) => d.code === 'numbering-sequence'));
    assert.equal(await client.request(CHECK_FILE_METHOD, { uri: fileUri(path.join(dir, 'notes.txt')) }), null);
    const detected = await client.request<CheckFileResult | null>(CHECK_FILE_METHOD, { uri: fileUri(path.join(dir, 'b.txt')) });
    assert.ok(detected, 'a plain .txt that reads like a report is checked');
  });

  it('explains files it cannot read, and refuses requests without a file URI', async () => {
    const dir = tempDir({ 'broken.docx': 'not a zip' });
    const broken = await client.request<CheckFileResult | null>(CHECK_FILE_METHOD, { uri: fileUri(path.join(dir, 'broken.docx')) });
    assert.deepEqual(broken?.diagnostics, []);
    assert.match(broken?.problem ?? '', /不是有效的 Word 文档|not a valid Word document/);
    const missing = await client.request<CheckFileResult | null>(CHECK_FILE_METHOD, { uri: fileUri(path.join(dir, 'missing.txt')) });
    assert.match(missing?.problem ?? '', /ENOENT/);
    for (const params of [{}, { uri: 'untitled:Untitled-1' }, null]) {
      const error = await client.request(CHECK_FILE_METHOD, params).then(
        () => assert.fail('should be refused'),
        (e: ResponseError<unknown>) => e,
      );
      assert.equal(error.code, ErrorCodes.InvalidParams, JSON.stringify(params));
    }
  });
});
