import { strict as assert } from 'node:assert';
import { fix } from '../../server/src/api';
import { parseReport } from '../../server/src/parser/parse';
import type { Heading, Paragraph, Root, Section } from '../../server/src/parser/types';

const sections = (tree: Root) => tree.data.index.sections;
const brief = (tree: Root) => sections(tree).map((s) => `${s.level}:${s.marker?.text ?? ''}${s.title}`);

describe('parser: blocks', () => {
  it('reads title, opening, sections of four levels and closing', () => {
    const tree = parseReport('某县2023年法治政府建设年度报告\n\n2023年，我县……现报告如下：\n一、主要举措\n（一）强化领导\n1.健全制度\n（1）完善规则\n二、存在问题\n某县人民政府\n2024年1月10日\n');
    assert.equal(tree.title?.value, '某县2023年法治政府建设年度报告');
    assert.deepEqual(brief(tree), ['1:一、主要举措', '2:（一）强化领导', '3:1.健全制度', '4:（1）完善规则', '1:二、存在问题']);
    const opening = tree.children[1] as Paragraph;
    assert.equal(opening.type, 'paragraph');
    assert.equal(opening.value, '2023年，我县……现报告如下：');
    assert.deepEqual(tree.closing?.organs.map((o) => o.value), ['某县人民政府']);
    assert.deepEqual([tree.closing?.date?.year, tree.closing?.date?.month, tree.closing?.date?.day], [2024, 1, 10]);
    // Sections nest by level.
    const first = tree.children[2] as Section;
    assert.equal(first.type, 'section');
    assert.equal((first.children[1] as Section).marker?.text, '（一）');
  });

  it('records marker kind, value, delimiter and bracket style', () => {
    const tree = parseReport('十一、a\n(二)b\n(二）c\n3．d\n4、e\n5.f\n(6)g\n（7）h');
    const markers = sections(tree).map((s) => s.marker!);
    assert.deepEqual(markers.map((m) => [m.kind, m.value, m.delimiter, m.bracket ?? '']), [
      ['cn-dun', 11, '、', ''],
      ['cn-paren', 2, '()', 'ascii'],
      ['cn-paren', 2, '(）', 'mixed'],
      ['arabic-dot', 3, '．', ''],
      ['arabic-dot', 4, '、', ''],
      ['arabic-dot', 5, '.', ''],
      ['arabic-paren', 6, '()', 'ascii'],
      ['arabic-paren', 7, '（）', 'full'],
    ]);
  });

  it('reads Chinese ordinals to ninety-nine', () => {
    const values = sections(parseReport('十、a\n十九、b\n二十、c\n九十九、d')).map((s) => s.marker!.value);
    assert.deepEqual(values, [10, 19, 20, 99]);
  });

  it('never reads numbers that are not markers as markers', () => {
    const tree = parseReport('一、甲\n2022年，全县……\n3—4月开展……\n“12·4”宪法宣传周……\n1.5个工作日办结。\n6.5万余人次参加。\n12.4日……\n二、乙');
    assert.deepEqual(brief(tree), ['1:一、甲', '1:二、乙']);
    assert.equal(tree.data.index.paragraphs.length, 6);
  });

  it('splits a heading line into the heading sentence and a body paragraph', () => {
    const tree = parseReport('（一）深入贯彻习近平法治思想,切实履行第一责任人职责。一是学习贯彻。二是强化领导。');
    const section = sections(tree)[0]!;
    assert.equal(section.title, '深入贯彻习近平法治思想,切实履行第一责任人职责');
    const heading = section.children[0] as Heading;
    assert.equal(heading.position!.end.column, 1 + '（一）深入贯彻习近平法治思想,切实履行第一责任人职责。'.length);
    const body = section.children[1] as Paragraph;
    assert.equal(body.value, '一是学习贯彻。二是强化领导。');
  });

  it('treats （一）…（二）…（三）… on one line as an inline enumeration, keeping the outline around it', () => {
    const tree = parseReport('（四）加强监管\n1、推行双随机\n2、加强信用监管\n(一)研究出台文件。(二)完善数据。(三)开展奖惩。\n（五）加强市场监管');
    assert.deepEqual(brief(tree), ['2:（四）加强监管', '3:1、推行双随机', '3:2、加强信用监管', '2:（五）加强市场监管']);
    const markers = tree.data.index.enumMarkers;
    assert.deepEqual(markers.map((m) => [m.kind, m.value, m.text]), [['cn-paren', 1, '(一)'], ['cn-paren', 2, '(二)'], ['cn-paren', 3, '(三)']]);
    assert.equal(tree.data.sectionOf.get(markers[0]!)?.marker?.text, '2、');
  });

  it('reads a run that starts again at 1 after the leading marker as a list inside the item', () => {
    const tree = parseReport('（一）强化领导\n1.丙。具体是：1.学习；2.部署。\n2.丁');
    assert.deepEqual(brief(tree), ['2:（一）强化领导', '3:1.丙', '3:2.丁']);
    const item = sections(tree)[1]!;
    assert.equal((item.children[1] as Paragraph).value, '具体是：1.学习；2.部署。');
    const markers = tree.data.index.enumMarkers;
    assert.deepEqual(markers.map((m) => [m.kind, m.value, m.text]), [['arabic-dot', 1, '1.'], ['arabic-dot', 2, '2.']]);
    assert.equal(tree.data.sectionOf.get(markers[0]!), item);
  });

  it('ends the heading before a list that follows it in the same sentence', () => {
    const tree = parseReport('1.丙：1.学习；2.部署。');
    const item = sections(tree)[0]!;
    assert.equal(item.title, '丙');
    assert.equal((item.children[0] as Heading).position!.end.offset, '1.丙：'.length);
    assert.equal((item.children[1] as Paragraph).value, '1.学习；2.部署。');
    assert.deepEqual(tree.data.index.enumMarkers.map((m) => m.value), [1, 2]);
  });

  it('tells a run continuing the leading marker from one starting again, at every level', () => {
    const cases: Array<[string, string[], number[]]> = [
      // The leading marker's run goes on inside the line: one paragraph.
      ['1.甲；2.乙；3.丙。', [], [1, 2, 3]],
      ['一、甲。二、乙。', [], [1, 2]],
      ['（1）甲；（2）乙。', [], [1, 2]],
      // The run inside the line starts again at 1: item 2. (or （二）, 二、) with a list in its body.
      ['2.丙：1.学习；2.部署；3.落实。', ['3:2.丙'], [1, 2, 3]],
      ['（二）乙。具体：（一）学习；（二）部署。', ['2:（二）乙'], [1, 2]],
      ['（1）甲：（1）学习；（2）部署。', ['4:（1）甲'], [1, 2]],
      // A list of another kind, a skipped number or a soft boundary leave the item a heading as before.
      ['1.丙。具体是：（1）学习；（2）部署。', ['3:1.丙'], [1, 2]],
      ['1.丙。具体是：一是学习；二是部署。', ['3:1.丙'], [1, 2]],
      ['1.丙。另见：3.附件。', ['3:1.丙'], [3]],
      ['1.丙，2.丁。', ['3:1.丙，2.丁'], []],
    ];
    for (const [line, outline, values] of cases) {
      const tree = parseReport(line);
      assert.deepEqual(brief(tree), outline, line);
      assert.deepEqual(tree.data.index.enumMarkers.map((m) => m.value), values, line);
    }
  });

  it('finds inline enumerations: 一是, 第一，, and not 统一是 or 第一责任人', () => {
    const tree = parseReport('主要做法：一是学习；二是部署。第一，完善制度；第二，加强监督。坚持统一是原则，落实第一责任人。');
    assert.deepEqual(tree.data.index.enumMarkers.map((m) => `${m.kind}:${m.value}`), ['cn-shi:1', 'cn-shi:2', 'cn-di:1', 'cn-di:2']);
  });

  it('skips web-page furniture before the title', () => {
    const tree = parseReport('当前所在位置:首页 > 政府信息公开 > 法治政府建设年度报告\n\n枣阳市2023年法治政府建设年度报告\n\n日期:2024-03-14 08:45     来源:枣阳市司法局\n\n2023年，枣阳市……');
    assert.equal(tree.title?.value, '枣阳市2023年法治政府建设年度报告');
    assert.equal(tree.title?.position?.start.line, 3);
  });

  it('finds no title when the report opens with its first paragraph', () => {
    const tree = parseReport('洛浦县2022年法治政府建设工作坚持以习近平新时代中国特色社会主义思想为指导,以学习贯彻落实习近平法治思想为抓手,现将法治政府建设工作总结如下:\n一、主要举措');
    assert.equal(tree.title, undefined);
  });

  it('never takes a section heading for the title', () => {
    const cases: Array<[string, string]> = [
      ['unnumbered top-level headings', '# 主要举措和成效\n\n2023年，我县强化领导。\n\n# 上一年度推进法治政府建设存在的不足和原因\n\n（待补充。）\n'],
      ['a part heading first', '# 上一年度推进法治政府建设存在的不足和原因\n\n（待补充。）\n\n# 下一步工作计划\n\n继续推进。\n'],
      ['a heading below the top level', '## 某县2023年法治政府建设年度报告\n\n2023年，我县……\n'],
      ['a heading after the first section', '2023年，我县强化领导。\n\n## 主要举措和成效\n\n正文。\n\n## 2023年推进法治政府建设存在的不足和原因\n\n正文。\n'],
      ['a heading after a numbered section', '# 一、主要举措\n\n正文。\n\n# 某县法治政府建设年度报告\n'],
      ['after a long paragraph', `${'我县'.repeat(40)}。\n\n# 某县2023年法治政府建设年度报告\n`],
      ['a plan heading', '# 2024年推进法治政府建设的主要安排\n\n正文。\n'],
      ['the leader-duty heading', '# 党政主要负责人履行推进法治建设第一责任人职责情况\n\n正文。\n'],
    ];
    for (const [name, md] of cases) assert.equal(parseReport(md, { format: 'markdown' }).title, undefined, name);
    assert.equal(parseReport('上一年度推进法治政府建设存在的不足和原因\n一、主要举措\n').title, undefined, 'plain text');
  });

  it('finds the title after furniture and the organ, and when it names parts of the report', () => {
    const cases: Array<[string, string, 'text' | 'markdown']> = [
      ['常见问题\n智能问答\n某县2023年法治政府建设年度报告\n\n2023年，我县……', '某县2023年法治政府建设年度报告', 'text'],
      ['# 某县人民政府\n\n# 关于2023年法治政府建设情况的报告\n\n2023年，我县……', '关于2023年法治政府建设情况的报告', 'markdown'],
      ['某县2023年法治政府建设情况和存在问题的报告\n2023年，我县……', '某县2023年法治政府建设情况和存在问题的报告', 'text'],
      ['某市2022年法治政府建设工作总结及2023年工作计划\n2022年，我市……', '某市2022年法治政府建设工作总结及2023年工作计划', 'text'],
      ['某县2023年法治政府建设年度报告（公开版）\n2023年，我县……', '某县2023年法治政府建设年度报告（公开版）', 'text'],
      // A title inserted below a line that reads like a part, as report-title's fix does.
      ['履行法治职责\n# 江县2021年法治政府建设年度报告\n\n1、2021年\n江县政府', '江县2021年法治政府建设年度报告', 'markdown'],
    ];
    for (const [text, title, format] of cases) assert.equal(parseReport(text, { format }).title?.value, title, text);
  });

  it('lets fix-all insert a missing part heading once when the report has no title', () => {
    const md = '# 主要举措和成效\n\n2023年，我县强化领导，党政主要负责人履行推进法治建设第一责任人职责。\n\n# 下一步工作计划\n\n继续推进。\n';
    const { output } = fix(md, { format: 'markdown' });
    assert.equal(output.split('推进法治政府建设存在的不足和原因').length - 1, 1, output);
    assert.equal(parseReport(output, { format: 'markdown' }).title, undefined);
  });

  it('reads several organs on one closing line, and page furniture after the date stays outside the closing', () => {
    const tree = parseReport('一、甲\n正文。\n中共枣阳市委    枣阳市人民政府\n\n2024年2月22日\n\n我要写信\n关闭\n返回顶部\n');
    assert.deepEqual(tree.closing?.organs.map((o) => o.value), ['中共枣阳市委', '枣阳市人民政府']);
    assert.equal(tree.closing?.date?.raw, '2024年2月22日');
    const after = tree.children.slice(tree.children.indexOf(tree.closing!) + 1) as Paragraph[];
    assert.deepEqual(after.map((p) => p.value), ['我要写信', '关闭', '返回顶部']);
    assert.equal(sections(tree)[0]!.children.length, 2, 'the closing is not part of the last section');
  });

  it('splits paragraphs into sentences', () => {
    const tree = parseReport('第一句。第二句！第三句？没有句号');
    assert.equal(tree.data.index.sentences.length, 4);
  });
});

describe('parser: positions', () => {
  it('gives 1-based lines and UTF-16 columns, offsets into the source', () => {
    const text = '一、甲\n𠀀（二）乙'; // 𠀀 is outside the BMP: two UTF-16 code units
    const tree = parseReport('一、甲\n（一）乙\n  （二）丙');
    const m = sections(tree)[2]!.marker!;
    assert.deepEqual([m.position.start.line, m.position.start.column, m.position.start.offset], [3, 3, 11]);
    const astral = parseReport(text);
    assert.equal(astral.data.index.paragraphs[0]!.position!.end.column, 7);
  });

  it('handles CRLF, CR and LF alike', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const tree = parseReport(['一、甲', '（一）乙', '（二）丙'].join(eol));
      assert.deepEqual(sections(tree).map((s) => s.marker!.position.start.line), [1, 2, 3], JSON.stringify(eol));
    }
  });

  it('skips a BOM, tabs and ideographic-space indents before markers', () => {
    const tree = parseReport('\ufeff一、甲\n\t（一）乙\n\u3000\u30001.丙');
    assert.deepEqual(brief(tree), ['1:一、甲', '2:（一）乙', '3:1.丙']);
    assert.equal(sections(tree)[2]!.marker!.position.start.column, 3);
  });
});

describe('parser: Markdown', () => {
  it('reads # headings with markers, plain numbered paragraphs and ordered lists', () => {
    const md = '# 某县2023年法治政府建设年度报告\n\n2023年，我县……\n\n## 一、主要举措\n\n（一）强化领导\n（二）健全制度\n\n1. 完善规则\n2. 加强监督\n\n## 二、存在问题\n\n```\n三、不是正文\n```\n';
    const tree = parseReport(md, { format: 'markdown' });
    assert.equal(tree.title?.value, '某县2023年法治政府建设年度报告');
    assert.deepEqual(brief(tree), ['1:一、主要举措', '2:（一）强化领导', '2:（二）健全制度', '3:1.完善规则', '3:2.加强监督', '1:二、存在问题']);
    const heading = sections(tree)[0]!.marker!;
    assert.deepEqual([heading.position.start.line, heading.position.start.column], [5, 4]);
  });

  it('leaves YAML front matter out of the report text', () => {
    const tree = parseReport('---\ntitle: 草稿\nauthor: 司法局\n---\n\n# 某县2023年法治政府建设年度报告\n\n一、主要举措\n', { format: 'markdown' });
    assert.equal(tree.title?.value, '某县2023年法治政府建设年度报告');
    assert.deepEqual(brief(tree), ['1:一、主要举措']);
    assert.ok(tree.data.index.paragraphs.every((p) => !p.value.includes('author')));
  });

  it('gives a setext heading over several lines the same title whatever the line endings', () => {
    for (const nl of ['\n', '\r\n', '\r']) {
      const tree = parseReport(['一、主要举措', '和成效', '------', ''].join(nl), { format: 'markdown' });
      assert.deepEqual(brief(tree), ['1:一、主要举措\n和成效'], JSON.stringify(nl));
    }
  });

  it('collects report-lint-disable comments', () => {
    const tree = parseReport('<!-- report-lint-disable numbering-sequence page-residue -->\n\n一、甲', { format: 'markdown' });
    assert.deepEqual([...tree.data.disabledRules], ['numbering-sequence', 'page-residue']);
  });
});

describe('parser: never throws', () => {
  const inputs: Array<[string, string]> = [
    ['empty', ''],
    ['only blank lines', '\n\n\r\n   \n'],
    ['binary junk', Array.from({ length: 5000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join('')],
    ['NUL bytes', '一、\u0000\u0000甲\n（一）\u0000'],
    ['lone surrogates', '一、\ud800甲\udc00\n'],
    ['traditional characters', '一、主要舉措和成效\n（一）強化組織領導。審結101件，糾錯率為5.9%。\n二、存在問題'],
    ['deep brackets', '（'.repeat(20000) + '一' + '）'.repeat(20000)],
    ['markers only', '一、\n（一）\n1.\n（1）\n一是'],
  ];
  for (const [name, text] of inputs) {
    it(name, () => {
      const tree = parseReport(text);
      assert.equal(tree.type, 'root');
      parseReport(text, { format: 'markdown' });
    });
  }

  it('one 5 MB line, in time that grows linearly', () => {
    const unit = '2022年，全县共办理行政复议案件101件，其中确认违法4件，纠错率为5.9%；一是加强监督；';
    const small = unit.repeat(Math.ceil(500_000 / unit.length));
    const large = unit.repeat(Math.ceil(5_000_000 / unit.length));
    const time = (s: string) => {
      const t0 = process.hrtime.bigint();
      parseReport(s);
      return Number(process.hrtime.bigint() - t0) / 1e6;
    };
    time(small);
    const tSmall = time(small);
    const tLarge = time(large);
    // Ten times the input may take at most ~30 times as long (generous: linear with noise, never quadratic).
    assert.ok(tLarge < Math.max(30 * tSmall, 200), `500 KB: ${tSmall.toFixed(1)} ms, 5 MB: ${tLarge.toFixed(1)} ms`);
  });
});
