/**
 * EXPECTED.md on the five corpus reports, for the writing-standard rules (number-usage,
 * punctuation, punctuation-width, repeated-word, word-usage): the "(style)" and "(optional)" items
 * are found (rule id + line), nothing is said at warning or error, and the pasted ASCII commas and
 * brackets stay quiet unless punctuation-width is turned on.
 */
import { strict as assert } from 'node:assert';
import { fixText } from '../../server/src/engine/fix';
import { lintText } from '../../server/src/engine/lint';
import type { LintMessage } from '../../server/src/engine/rule';
import { parseConfig } from '../../server/src/engine/config';
import { numberUsage } from '../../server/src/rules/number-usage';
import { punctuation } from '../../server/src/rules/punctuation';
import { punctuationWidth } from '../../server/src/rules/punctuation-width';
import { repeatedWord } from '../../server/src/rules/repeated-word';
import { wordUsage } from '../../server/src/rules/word-usage';
import { CORPUS, itFixesCorpusCleanly, readCorpus } from '../support/golden';

const RULES = [numberUsage, punctuation, punctuationWidth, repeatedWord, wordUsage];
const lint = (text: string) => lintText(text, { rules: RULES }).messages;
const at = (m: LintMessage) => `${m.ruleId}@${m.line}`;

/** EXPECTED.md's style and optional items: each must be among the findings. */
const MUST_FIND: Record<string, string[]> = {
  'beibei-town-2019.txt': [],
  'lianjiang-2020.txt': [
    'word-usage@22', // 截止日前
    'word-usage@50', // 截止目前
    'word-usage@69',
    'word-usage@89',
    'repeated-word@88', // 两法衔接衔接工作
    'repeated-word@121', // 行政行政权力
    'number-usage@147', // “12.4” → “12·4”
    'number-usage@148', // “三·八” → “三八”, 3.15 → 3·15
  ],
  'liyang-2022.txt': [
    'punctuation@8', // (2021—2025年) and (2021-2025年)
    'punctuation@32',
    'word-usage@37', // “谁普法谁执法”
  ],
  'luopu-2022.txt': [
    'punctuation@4', // 《…》、《…》《…》
    'word-usage@11', // 持续升入推进
  ],
  'zaoyang-2023.txt': [
    'number-usage@23', // “38”国际妇女节, “4••15”
  ],
};

describe('corpus: writing standards (EXPECTED.md style and optional items)', () => {
  it('covers every corpus report', () => assert.deepEqual(Object.keys(MUST_FIND).sort(), [...CORPUS].sort()));

  for (const name of CORPUS) {
    it(`${name}: the style and optional items are found, and nothing is said at warning or error`, () => {
      const messages = lint(readCorpus(name));
      const found = new Set(messages.map(at));
      assert.deepEqual(MUST_FIND[name]!.filter((item) => !found.has(item)), [], 'missing');
      assert.deepEqual(messages.filter((m) => m.severity === 'warning' || m.severity === 'error').map((m) => `${at(m)} ${m.message}`), []);
    });
  }

  it('the findings on each line, with their fixes', () => {
    const lianjiang = lint(readCorpus('lianjiang-2020.txt'));
    const on = (line: number) => lianjiang.filter((m) => m.line === line).map((m) => `${m.messageId} ${m.fix?.edits.map((e) => e.text).join('|')}`);
    assert.deepEqual(on(147), ['nameDaySeparator ·']);
    assert.deepEqual(on(148), ['nameDayChinese ', 'nameDaySeparator ·', 'dunInconsistent ']);
    assert.deepEqual(on(88), ['repeated ']);
    const zaoyang = lint(readCorpus('zaoyang-2023.txt'));
    assert.deepEqual(zaoyang.map((m) => `${m.line} ${m.message}`), [
      '23 月日简称「38」的写法不规范：阿拉伯数字的月、日之间用间隔号，习惯用汉字的名称写汉字，应为「三八」',
      '23 月日简称「4••15」的月、日之间应使用间隔号「·」，应为「4·15」',
    ]);
  });

  it('liyang-2022: the inverted slogan at line 37 is reported, the right one at line 27 is not; the dashes point at the standard form', () => {
    const messages = lint(readCorpus('liyang-2022.txt'));
    assert.ok(!messages.some((m) => m.line === 27));
    const dashes = messages.filter((m) => m.messageId === 'dashInconsistent');
    assert.deepEqual(dashes.map((m) => [m.line, m.related?.map((r) => r.line)]), [[8, [8]], [16, [8]], [32, [8]]]);
  });

  it('luopu-2022 line 4: the list mixes both ways, and the finding points at the joint without 顿号', () => {
    const [list] = lint(readCorpus('luopu-2022.txt')).filter((m) => m.messageId === 'dunInconsistent');
    assert.equal(list!.line, 4);
    assert.equal(list!.related?.[0]?.line, 4);
    assert.deepEqual(list!.fix?.edits.map((e) => e.text), ['']);
  });

  it('the pasted ASCII punctuation is quiet by default', () => {
    for (const name of CORPUS) assert.ok(!lint(readCorpus(name)).some((m) => m.ruleId === 'punctuation-width'), name);
  });

  it('punctuation-width, when on, says it once per paragraph and its fix leaves nothing to fix', () => {
    const config = parseConfig(JSON.stringify({ rules: { 'punctuation-width': 'hint' } }), new Set([punctuationWidth.meta.id])).config;
    const widthLint = (text: string) => lintText(text, { rules: [punctuationWidth], config }).messages;
    const text = readCorpus('luopu-2022.txt');
    const messages = widthLint(text);
    assert.equal(new Set(messages.map((m) => m.line)).size, messages.length);
    assert.ok(messages.length >= 15, `${messages.length} paragraphs`);
    const { output, messages: after } = fixText(text, widthLint);
    assert.deepEqual(after, []);
    assert.doesNotMatch(output, /[\u4e00-\u9fff],[\u4e00-\u9fff]/);
    assert.match(output, /^\(一\)/m, 'numbering markers are numbering-style’s');
  });

  itFixesCorpusCleanly(lint);
});
