import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { computeLineStarts } from '../../server/src/parser/positions';
import { markdownSegments } from '../../server/src/parser/segments';

/** The segments as text, with heading depths, and the disabled rules. */
function read(text: string, collapsePlainRuns: boolean) {
  const scan = markdownSegments(text, computeLineStarts(text), { collapsePlainRuns });
  return {
    segments: scan.segments.map((s) => [s.start, s.end, s.headingDepth ?? 0, text.slice(s.start, s.end)]),
    disabledRules: [...scan.disabledRules].sort(),
  };
}

/** Runs of plain paragraphs are handed to remark collapsed; the result must be what remark gives for the whole text. */
function assertSameReading(text: string) {
  assert.deepEqual(read(text, true), read(text, false), JSON.stringify(text));
}

describe('Markdown segments: runs of plain lines', () => {
  const cases: Array<[string, string]> = [
    ['paragraphs between headings', '# 某县2023年法治政府建设年度报告\n\n2023年，我县……\n\n第二段。\n第二段的第二行。\n\n## 一、主要举措\n\n（一）强化领导。\n\n1、健全制度。\n'],
    ['a fenced code block around plain paragraphs', '一、甲\n\n```\n\n三、不是正文\n\n四、也不是\n\n```\n\n五、正文\n'],
    ['a fence left open to the end', '一、甲\n\n~~~\n\n三、不是正文\n\n四、也不是\n'],
    ['an HTML comment across plain paragraphs', '一、甲\n\n<!-- report-lint-disable\n\n说明文字\n\n-->\n\n二、乙\n'],
    ['paragraphs commented out among others', '正文一。\n\n<!--\n\n旧的正文。\n\n旧的正文。\n\n-->\n\n正文二。\n\n## 二、乙\n\n正文三。\n'],
    ['a disable comment among paragraphs', '<!-- report-lint-disable numbering-sequence -->\n\n一、甲\n\n正文。\n'],
    ['a list item, then a plain paragraph, then indented lines', '1. 完善规则\n\n正文。\n\n     缩进的行\n\n   三格缩进\n'],
    ['a blockquote and a plain paragraph', '> 引用一\n> 引用二\n\n正文。\n\n> 引用三\n'],
    ['a setext heading', '正文。\n\n一、主要举措\n和成效\n------\n\n正文。\n'],
    ['indented code between plain paragraphs', '正文。\n\n    代码\n\n正文。\n\n    代码\n'],
    ['a line with >', '正文。\n\n首页 > 信息公开\n\n正文。\n'],
    ['ordered-list numbers and numbers that are not', '2022年，全县……\n\n1.健全制度\n\n1. 完善规则\n\n12) 项目\n\n1234567890. 不是列表\n'],
    ['front matter', '---\ntitle: 草稿\n---\n\n正文。\n\n# 一、主要举措\n'],
    ['only plain lines', '第一行\n第二行\n\n第三行'],
    ['ideographic-space indents', '\u3000\u3000正文。\n\n\u3000\u3000（一）强化领导。\n'],
    ['a BOM', '\ufeff正文。\n\n正文。\n'],
    ['ATX headings of every form', '# 一、甲 #\n正文。\n## （一）乙 ##  \n\n### 1.丙\\#\n\n#### 丁#\n\n# #\n\n### ###\n\n#\n\n####### 不是标题\n\n#不是标题\n'],
  ];
  for (const [name, text] of cases) {
    it(`reads ${name} as remark does`, () => {
      for (const eol of ['\n', '\r\n', '\r']) assertSameReading(text.replace(/\n/g, eol));
    });
  }

  it('counts positions after a byte order mark from the start of the text', () => {
    const text = '\ufeff# 标题\n\n正文 < 5\n\n> 引用\n';
    for (const collapsePlainRuns of [true, false]) {
      assert.deepEqual(read(text, collapsePlainRuns).segments.map((s) => s[3]), ['标题', '正文 < 5', '引用'], String(collapsePlainRuns));
    }
  });

  it('keeps positions of segments in and after a run', () => {
    const text = '# 一、甲\n\n第一段。\n\n\u3000第二段。\n\n## （一）乙\n\n1. 完善规则\n';
    const scan = markdownSegments(text, computeLineStarts(text));
    assert.deepEqual(
      scan.segments.map((s) => [text.slice(s.start, s.end), s.headingDepth]),
      [['一、甲', 1], ['第一段。', undefined], ['第二段。', undefined], ['（一）乙', 2], ['1. 完善规则', undefined]],
    );
  });

  it('reads the corpus, written as Markdown, as remark does', () => {
    const dir = path.resolve(__dirname, '../fixtures/corpus');
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
      const lines = fs.readFileSync(path.join(dir, file), 'utf8').split(/\r?\n/);
      const asHeadings = lines.map((l) => (/^[一二三四五六七八九十]{1,3}、/.test(l) ? `# ${l}` : /^[（(][一二三四五六七八九十]{1,3}[）)]/.test(l) ? `## ${l}` : l));
      assertSameReading(asHeadings.join('\n\n'));
      assertSameReading(lines.join('\n'));
    }
  });

  it('reads any mix of Markdown and plain lines as remark does', () => {
    const line = fc.constantFrom(
      '', '', '', '  ', '\t', '正文。', '（一）强化领导。', '2022年，全县……', '1.健全制度', '\u3000\u3000缩进', '中文 < 5', '中文 -->', '-->', '中文>',
      '# 一、主要举措', '## （一）乙', '#不是标题', '# 标题 #', '## 标题 ##  ', '###### 六级', '####### 七个', '#\t标题', '# ', '#', '# #', '### ###',
      '# 标题\\#', '# 标题#', '# \u3000标题\u3000', '# 标题 # #', '#  ', '# <!-- 注释 -->', '# *强调*', '#\u3000标题', '##', '===', '---', '***', '- 项目', '* 项目', '+ 项目', '1. 项目', '2) 项目', '1.', '-',
      '> 引用', '>', '```', '~~~', '``` 信息', '    代码', '\t代码', '   三格', '  - 嵌套', '<!-- report-lint-disable a b -->', '<!--', '<!-- report-lint-disable x',
      '  正文', '    正文', ' 正文', '<div>', '</div>', '<script>', '</script>', '<?php', '?>', '<!DOCTYPE html>', '<![CDATA[', ']]>', '[a]: /url', '[a]:', '"标题"', '[标签', '](x)',
      '\ufeff正文', '\u0000中文', '中文\u0000', '**加粗**', '__加粗__', '|a|b|', '\\# 转义', '&amp;', '正文  ',
    );
    const eol = fc.constantFrom('\n', '\r\n', '\r');
    const doc = fc.tuple(fc.array(line, { maxLength: 24 }), eol, fc.boolean()).map(([lines, end, trailing]) => lines.join(end) + (trailing ? end : ''));
    fc.assert(fc.property(doc, (text) => assertSameReading(text)), { numRuns: 1500, seed: 20240521 });
  });
});
