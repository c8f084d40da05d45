/**
 * The configuration keys the editor's "disable" and "ignore" actions write — `overrides` and
 * `ignore` in .reportlintrc.json — as the engine and the CLI apply them.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { matchesFile, parseConfig } from '../../server/src/engine/config';
import { lintText } from '../../server/src/engine/lint';
import { RULE_IDS } from '../../server/src/rules';
import { main } from '../../server/src/cli';

const TEXT = '一、甲\n（一）乙\n（三）丙\n二、丁\n（一）戊\n（三）己\n';
const numbering = (text: string, options: Parameters<typeof lintText>[1]) => lintText(text, options).messages.filter((m) => m.ruleId === 'numbering-sequence');

describe('configuration: overrides and ignore', () => {
  it('reads valid entries', () => {
    const { config, problems } = parseConfig(
      JSON.stringify({
        overrides: [{ files: 'drafts/*.txt', rules: { 'numbering-sequence': 'off' } }],
        ignore: [{ rule: 'numbering-sequence', file: 'a.txt', text: '（三）丙' }, { rule: 'numbering-sequence', text: '（三）己' }],
      }),
      RULE_IDS,
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(config.overrides, [{ files: ['drafts/*.txt'], rules: { 'numbering-sequence': { severity: 'off', options: {} } } }]);
    assert.deepEqual(config.ignore, [
      { rule: 'numbering-sequence', file: 'a.txt', text: '（三）丙' },
      { rule: 'numbering-sequence', text: '（三）己' },
    ]);
  });

  it('reports each invalid entry with its line and key path, and keeps the valid ones', () => {
    const text = [
      '{',
      '  "overrides": [',
      '    { "files": [], "rules": { "numbering-sequence": "off" } },',
      '    { "files": "a.txt", "rules": { "numbering-sequence": "loud", "nope": "off" }, "extra": 1 }',
      '  ],',
      '  "ignore": [',
      '    { "rule": "numbering-sequence", "text": "" },',
      '    "not an object",',
      '    { "rule": "numbering-sequence", "text": "（三）丙", "file": 3 },',
      '    { "rule": "numbering-sequence", "text": "ok" }',
      '  ]',
      '}',
    ].join('\n');
    const { config, problems } = parseConfig(text, RULE_IDS);
    assert.deepEqual(
      problems.map((p) => [p.line, p.key]),
      [
        [3, 'overrides[0].files'],
        [4, 'overrides[1].extra'],
        [4, 'overrides[1].rules.numbering-sequence'],
        [4, 'overrides[1].rules.nope'],
        [7, 'ignore[0].text'],
        [8, 'ignore[1]'],
        [9, 'ignore[2].file'],
      ],
    );
    assert.deepEqual(config.overrides, [{ files: ['a.txt'], rules: {} }]);
    assert.deepEqual(config.ignore, [{ rule: 'numbering-sequence', text: 'ok' }]);
    assert.match(problems[4]!.message.en, /“ignore\[0\]\.text” must be a non-empty string/);
  });

  it('rejects a key of the wrong shape', () => {
    const { problems } = parseConfig('{"ignore": {"rule": "x"}, "overrides": "all"}', RULE_IDS);
    assert.deepEqual(problems.map((p) => p.key), ['ignore', 'overrides']);
  });

  it('matches file patterns relative to the configuration folder', () => {
    assert.ok(matchesFile('a.txt', 'a.txt'));
    assert.ok(matchesFile('a.txt', 'sub/a.txt'), 'a bare name matches in any folder');
    assert.ok(!matchesFile('sub/a.txt', 'a.txt'));
    assert.ok(matchesFile('drafts/*.txt', 'drafts/2023.txt'));
    assert.ok(!matchesFile('drafts/*.txt', 'drafts/old/2023.txt'));
    assert.ok(matchesFile('drafts/**', 'drafts/old/2023.txt'));
    assert.ok(matchesFile('**/2023.txt', '2023.txt'));
    assert.ok(matchesFile('./a?.txt', 'ab.txt'));
    assert.ok(!matchesFile('a.txt', 'a1txt'), 'dots are literal');
  });

  it('applies overrides for the checked file only', () => {
    const { config } = parseConfig(JSON.stringify({ overrides: [{ files: ['drafts/**'], rules: { 'numbering-sequence': 'error' } }] }), RULE_IDS);
    config.baseDir = path.resolve('/reports');
    assert.equal(numbering(TEXT, { config, file: path.resolve('/reports/drafts/a.txt') })[0]!.severity, 'error');
    assert.equal(numbering(TEXT, { config, file: path.resolve('/reports/final/a.txt') })[0]!.severity, 'warning');
    assert.equal(numbering(TEXT, { config })[0]!.severity, 'warning', 'without a file, no per-file entry applies');
  });

  it('drops a finding covered by an ignore entry’s text, wherever the text moves', () => {
    const { config } = parseConfig(JSON.stringify({ ignore: [{ rule: 'numbering-sequence', file: 'a.txt', text: '（三）丙' }] }), RULE_IDS);
    config.baseDir = path.resolve('/r');
    const file = path.resolve('/r/a.txt');
    assert.equal(numbering(TEXT, {}).length, 2);
    const kept = numbering(TEXT, { config, file });
    assert.deepEqual(kept.map((m) => m.line), [6], 'only the other gap remains');
    const edited = '前言。\n' + TEXT;
    assert.deepEqual(numbering(edited, { config, file }).map((m) => m.line), [7], 'still ignored after lines were added above');
    assert.equal(numbering(TEXT, { config, file: path.resolve('/r/b.txt') }).length, 2, 'another file is not affected');
    const changed = TEXT.replace('（三）丙', '（三）丙丁');
    assert.equal(numbering(changed.replace('（三）丙', '（四）丙'), { config, file }).length, 2, 'a different finding is reported again');
  });

  it('is honoured by the CLI', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-lint-ignore-'));
    fs.writeFileSync(path.join(dir, 'a.txt'), TEXT);
    fs.writeFileSync(
      path.join(dir, '.reportlintrc.json'),
      JSON.stringify({ ignore: [{ rule: 'numbering-sequence', file: 'a.txt', text: '（三）丙' }], overrides: [{ files: 'b.txt', rules: { 'numbering-sequence': 'off' } }] }),
    );
    fs.writeFileSync(path.join(dir, 'b.txt'), TEXT);
    let stdout = '';
    const status = main(['--format', 'json', 'a.txt', 'b.txt'], { stdout: (s) => (stdout += s), stderr: () => undefined, cwd: dir, env: {} });
    assert.notEqual(status, 2);
    const [a, b] = JSON.parse(stdout) as Array<{ messages: Array<{ ruleId: string; line: number }> }>;
    const lines = (file: typeof a) => file!.messages.filter((m) => m.ruleId === 'numbering-sequence').map((m) => m.line);
    assert.deepEqual(lines(a), [6]);
    assert.deepEqual(lines(b), []);
  });
});
