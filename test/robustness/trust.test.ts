/**
 * Untrusted workspaces (VS Code Restricted Mode) and content that must stay data. The extension
 * declares limited support: reports are still checked, but the workspace can change rule
 * severities only — VS Code withholds the workspace's values of the other settings, and the
 * server takes nothing but the severities from a .reportlintrc.json until the user trusts the
 * workspace. Configuration never names code or other files to load.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver/node';
import { main } from '../../server/src/cli';
import { parseConfig, severitiesOnly } from '../../server/src/engine/config';
import { WORKSPACE_TRUSTED_METHOD, WORKSPACE_TRUSTED_OPTION } from '../../server/src/lsp/protocol';
import { RULE_IDS } from '../../server/src/rules';
import { GAPPED } from '../lsp/support/samples';
import { ROOT, TestClient, fileUri } from '../lsp/support/lsp-client';
import { tempDir } from './support/inputs';

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const nls = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, string>;
const text = (d: Diagnostic | undefined) => String(d?.message ?? '');

/** A report with a numbering gap and without its plans for next year. */
const DOCUMENT = GAPPED.replace('四、2024年推进法治政府建设的主要安排\n（一）持续深化依法行政\n（二）加强行政执法队伍建设\n', '');

/**
 * A configuration that uses every key: rule severities (with options), per-file overrides, an
 * ignored finding, the locale and the size limit. A code key that some other linters know is
 * reported as unknown; the file it names would leave a mark if anything ran it.
 */
function hostileWorkspace() {
  const dir = tempDir({
    'evil.js': `require('node:fs').writeFileSync(${JSON.stringify('')} + __dirname + '/ran.txt', 'ran')`,
  });
  const config = {
    extends: './evil.js',
    plugins: ['./evil.js'],
    rules: { 'numbering-sequence': 'error', 'word-usage': ['hint', { words: [{ wrong: '执法', right: '执法人员' }] }] },
    overrides: [{ files: ['*.txt'], rules: { 'required-section': 'off' } }],
    ignore: [{ rule: 'report-signature', text: '某县人民政府' }],
    locale: 'en',
    maxDocumentSize: 10,
  };
  fs.writeFileSync(path.join(dir, '.reportlintrc.json'), JSON.stringify(config, null, 2));
  return dir;
}

describe('untrusted workspaces and untrusted content', () => {
  describe('package.json', () => {
    const capability = manifest.capabilities?.untrustedWorkspaces;

    it('declares limited support for untrusted workspaces, with a description in both languages', () => {
      assert.equal(capability?.supported, 'limited');
      const key = /^%(.+)%$/.exec(capability.description)?.[1];
      assert.ok(key, 'the description is localized');
      for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) assert.ok(nls(file)[key]?.trim(), `${file}: ${key}`);
    });

    it('restricts every setting but the rule severities', () => {
      const settings = Object.keys(manifest.contributes.configuration.properties);
      assert.deepEqual([...capability.restrictedConfigurations].sort(), settings.filter((key) => key !== 'reportLint.rules').sort());
    });

    it('the client tells the server whether the workspace is trusted, at start and when trust is granted', () => {
      const source = fs.readFileSync(path.join(ROOT, 'client/src/extension.ts'), 'utf8');
      assert.match(source, /initializationOptions: \(\) => \(\{ \[WORKSPACE_TRUSTED_OPTION\]: vscode\.workspace\.isTrusted \}\)/);
      assert.match(source, /vscode\.workspace\.onDidGrantWorkspaceTrust\(/);
      assert.match(source, /sendNotification\(WORKSPACE_TRUSTED_METHOD\)/);
    });
  });

  describe('configuration is data', () => {
    it('has no key that loads code or other files: extends and plugins are unknown keys, and nothing runs', () => {
      const dir = hostileWorkspace();
      const { problems } = parseConfig(fs.readFileSync(path.join(dir, '.reportlintrc.json'), 'utf8'), RULE_IDS);
      assert.deepEqual(problems.map((p) => [p.key, p.line]), [['extends', 2], ['plugins', 3]]);
      fs.writeFileSync(path.join(dir, 'a.txt'), DOCUMENT);
      let stderr = '';
      const status = main(['a.txt'], { stdout: () => {}, stderr: (s) => (stderr += s), cwd: dir, env: {} });
      assert.equal(status, 2, 'unknown keys are configuration problems');
      assert.match(stderr, /\.reportlintrc\.json:2:3: Unknown configuration key “extends”/);
      assert.ok(!fs.existsSync(path.join(dir, 'ran.txt')), 'evil.js never ran');
    });

    it('severitiesOnly keeps the severities and drops options, overrides, ignore, locale and the size limit', () => {
      const dir = hostileWorkspace();
      const { config } = parseConfig(fs.readFileSync(path.join(dir, '.reportlintrc.json'), 'utf8'), RULE_IDS);
      assert.deepEqual(severitiesOnly(config), {
        rules: { 'numbering-sequence': { severity: 'error', options: {} }, 'word-usage': { severity: 'hint', options: {} } },
      });
    });
  });

  describe('language server', () => {
    async function open(trusted: boolean | undefined) {
      const dir = hostileWorkspace();
      const client = new TestClient();
      await client.initialize({ workspaceFolders: [dir], ...(trusted !== undefined ? { initializationOptions: { [WORKSPACE_TRUSTED_OPTION]: trusted } } : {}) });
      const uri = fileUri(path.join(dir, 'a.txt'));
      client.open(uri, DOCUMENT);
      return { client, dir, uri, diagnostics: (await client.nextDiagnostics(uri, 1)).diagnostics };
    }

    it('untrusted: .reportlintrc.json contributes its rule severities only, and the log says what waits for trust', async () => {
      const { client, dir, uri, diagnostics } = await open(false);
      try {
        const gap = diagnostics.find((d) => d.code === 'numbering-sequence');
        assert.equal(gap?.severity, 1, 'the severity applies');
        assert.match(text(gap), /^序号不连续/, 'the locale does not: the client’s language is used');
        assert.ok(!diagnostics.some((d) => d.severity === 3 && /上限|limit/.test(text(d))), 'nor the size limit');
        assert.ok(diagnostics.some((d) => d.code === 'required-section'), 'nor the overrides');
        assert.ok(!diagnostics.some((d) => d.code === 'word-usage' && /执法人员/.test(text(d))), 'nor the rule options');
        await client.nextLog(new RegExp(`not trusted: only the rule severities in ${path.join(dir, '.reportlintrc.json').replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')} apply; its rules \\(options\\), overrides, ignore, locale, maxDocumentSize will apply`));
        assert.ok(!fs.existsSync(path.join(dir, 'ran.txt')));
        const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: gap!.range, context: { diagnostics: [gap] } });
        assert.deepEqual(actions.map((a) => a.title).filter((title) => /忽略|停用/.test(title)), ['在工作区停用规则「numbering-sequence」'], 'only what applies untrusted');
      } finally {
        await client.stop();
      }
    });

    it('trusted (and clients that do not say): the whole configuration applies', async () => {
      for (const trusted of [true, undefined]) {
        const { client, diagnostics } = await open(trusted);
        try {
          const [notice, ...findings] = diagnostics;
          assert.match(text(notice), /^This document has \d+ characters, more than the limit of 10/, 'locale and size limit apply');
          assert.equal(findings.find((d) => d.code === 'numbering-sequence')?.severity, 1);
          assert.ok(!findings.some((d) => d.code === 'required-section'), 'the override turns it off');
        } finally {
          await client.stop();
        }
      }
    });

    it('trust granted later: the documents are checked again with the whole configuration', async () => {
      const { client, uri } = await open(false);
      try {
        const since = client.diagnostics.length;
        client.connection.sendNotification(WORKSPACE_TRUSTED_METHOD);
        const after = await client.diagnosticsWhere(uri, (d) => /^This document has/.test(text(d[0])), since);
        assert.match(text(after.diagnostics[0]), /more than the limit of 10/);
      } finally {
        await client.stop();
      }
    });
  });
});
