import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { outline } from '../../server/src/api';
import type { OutlineItem } from '../../server/src/engine/outline';
import { CORPUS, CORPUS_DIR } from '../support/golden';
import { tokenize, tokenizeLine, type Token } from './textmate';

const MARKER_SCOPE = /^markup\.heading\.marker\.level(\d)\.report$|^keyword\.(?:control|other)\.marker\.level(\d)\.report$/;

/** The numbering level the grammar gives a line, from its marker token. */
function markerLevel(tokens: Token[]): number | undefined {
  for (const token of tokens) {
    for (const scope of token.scopes) {
      const m = MARKER_SCOPE.exec(scope);
      if (m) return Number(m[1] ?? m[2]);
    }
  }
  return undefined;
}

function scopesOf(tokens: Token[], text: string): string[] {
  const token = tokens.find((t) => t.text === text);
  assert.ok(token, `no token "${text}" in ${JSON.stringify(tokens.map((t) => t.text))}`);
  return token.scopes;
}

function withScope(tokens: Token[], scope: string): string[] {
  return tokens.filter((t) => t.scopes.includes(scope)).map((t) => t.text);
}

describe('grammar: text.report', () => {
  describe('numbering markers at the start of a line, by level', () => {
    const cases: Array<[line: string, marker: string, scope: string]> = [
      ['一、统筹安排部署，强化工作责任', '一、', 'markup.heading.marker.level1.report'],
      ['十一、其他需要报告的情况', '十一、', 'markup.heading.marker.level1.report'],
      ['## 一、2023年主要举措', '一、', 'markup.heading.marker.level1.report'],
      ['（一）党政主要负责人切实履行推进法治建设第一责任人职责。', '（一）', 'markup.heading.marker.level2.report'],
      ['(二)深化改革', '(二)', 'markup.heading.marker.level2.report'],
      ['1.规范执法程序', '1.', 'keyword.control.marker.level3.report'],
      ['2、强化执法监督', '2、', 'keyword.control.marker.level3.report'],
      ['3．完善制度', '3．', 'keyword.control.marker.level3.report'],
      ['（1）加强学习', '（1）', 'keyword.other.marker.level4.report'],
      ['\u3000\u3000(2)完善机制', '(2)', 'keyword.other.marker.level4.report'],
    ];
    for (const [line, marker, scope] of cases) {
      it(`${line} → ${scope}`, async () => {
        assert.ok(scopesOf(await tokenizeLine(line), marker).includes(scope));
      });
    }

    it('a level-1 heading runs to the end of the line; a level-2 heading to its first full stop', async () => {
      const l1 = await tokenizeLine('一、统筹安排部署，强化工作责任');
      assert.deepEqual(withScope(l1, 'markup.heading.level1.report'), ['统筹安排部署，强化工作责任']);
      const l2 = await tokenizeLine('（二）深化“放管服”改革。全年办理政务服务事项12.6万件。');
      assert.deepEqual(withScope(l2, 'markup.bold.level2.report'), ['深化', '“放管服”', '改革']);
    });
  });

  describe('numbers that are not markers', () => {
    const cases: Array<[line: string, token: string, scope: string]> = [
      ['2022年11月，枣阳市被命名为全省优化营商环境改革先行区。', '2022年11月', 'constant.numeric.date.report'],
      ['1.5个工作日内办结。', '1.5', 'constant.numeric.quantity.report'],
      ['3—4月、9—10月对各单位新增执法人员集中办理执法证件。', '3—4月', 'constant.numeric.date.report'],
      ['12.6万件政务服务事项实现网上办理。', '12.6万', 'constant.numeric.quantity.report'],
      ['2024-03-14 08:45', '2024-03-14', 'constant.numeric.date.report'],
      ['“12·4”国家宪法日集中宣传。', '“12·4”', 'string.quoted.double.report'],
      ['100%的单位聘请法律顾问。', '100%', 'constant.numeric.percentage.report'],
    ];
    for (const [line, token, scope] of cases) {
      it(line, async () => {
        const tokens = await tokenizeLine(line);
        assert.equal(markerLevel(tokens), undefined, JSON.stringify(tokens));
        assert.ok(scopesOf(tokens, token).includes(scope), JSON.stringify(tokens));
      });
    }
  });

  describe('inline enumerations', () => {
    it('一是…二是…三是… after sentence breaks, and 第一，', async () => {
      const tokens = await tokenizeLine('1、规范执法程序。一是推行全过程记录；二是落实法制审核；三是开展案卷评查。第一，加强学习。');
      assert.deepEqual(withScope(tokens, 'keyword.control.enumeration.report'), ['一是', '二是', '三是', '第一']);
    });

    it('a structural marker after a colon or semicolon', async () => {
      const tokens = await tokenizeLine('主要做法：1.建立台账；2.完善制度；（3）落实责任。');
      assert.deepEqual(withScope(tokens, 'keyword.control.enumeration.report'), ['1.', '2.', '（3）']);
    });

    it('not inside words: 统一是, 第一责任人, 唯一是', async () => {
      const tokens = await tokenizeLine('标准统一是关键，落实第一责任人职责，唯一是前提。');
      assert.deepEqual(withScope(tokens, 'keyword.control.enumeration.report'), []);
    });
  });

  describe('statistics, dates and references', () => {
    it('percentages in ASCII and full-width form, and in words', async () => {
      const tokens = await tokenizeLine('成功率达97.7%，覆盖率100％，占百分之九十。');
      assert.deepEqual(withScope(tokens, 'constant.numeric.percentage.report'), ['97.7%', '100％', '百分之九十']);
    });

    it('quantities with their units and approximation words', async () => {
      const tokens = await tokenizeLine('调处纠纷348件，培训6.5万余人次，藏书近2.5万册，约100人左右。');
      assert.deepEqual(withScope(tokens, 'constant.numeric.quantity.report'), ['348', '6.5万', '2.5万', '100']);
      assert.deepEqual(withScope(tokens, 'keyword.other.unit.report'), ['件', '人次', '册', '人']);
      assert.deepEqual(withScope(tokens, 'keyword.other.approximation.report'), ['余', '近', '约', '左右']);
    });

    it('a number after 第 is an ordinal, not a count', async () => {
      const tokens = await tokenizeLine('召开第5次会议');
      assert.deepEqual(withScope(tokens, 'constant.numeric.quantity.report'), []);
    });

    it('dates: full dates, years, year ranges', async () => {
      const tokens = await tokenizeLine('2023年1月10日印发《实施纲要（2021—2025年）》，2021—2025年期间，2023年度考核。');
      assert.deepEqual(withScope(tokens, 'constant.numeric.date.report'), ['2023年1月10日', '2021—2025年', '2023年度']);
    });

    it('document numbers (文号) with and without the issuer', async () => {
      const tokens = await tokenizeLine('批复(枣机编〔2023〕7号)，印发〔2023〕10号文件，《规定》（厅字〔2019〕28号）。');
      assert.deepEqual(withScope(tokens, 'variable.other.constant.document-number.report'), [
        '枣机编〔2023〕7号',
        '〔2023〕10号',
        '厅字〔2019〕28号',
      ]);
    });

    it('titles and quoted terms are names: no numbers inside them', async () => {
      const tokens = await tokenizeLine('制定《2023年度法治政府建设工作要点》，开展“八五”普法。');
      assert.ok(scopesOf(tokens, '《2023年度法治政府建设工作要点》').includes('string.quoted.other.title.report'));
      assert.ok(scopesOf(tokens, '“八五”').includes('string.quoted.double.report'));
      assert.deepEqual(withScope(tokens, 'constant.numeric.date.report'), []);
    });

    it('the title line and report-lint-disable comments', async () => {
      const [title, , comment] = await tokenize('某某县2023年法治政府建设年度报告\n\n<!-- report-lint-disable numbering-sequence -->');
      assert.deepEqual(withScope(title!, 'markup.heading.title.report').join(''), '某某县2023年法治政府建设年度报告');
      assert.ok(comment!.every((t) => t.scopes.includes('comment.block.html.report')));
    });
  });

  // The grammar and the parser read markers with separate regular expressions; on real reports
  // they must agree on which lines start with a marker, and at which level. The one difference
  // allowed: a line such as "(一)…。(二)…。(三)…" that the parser, seeing the whole list, reads as
  // an inline enumeration, while the grammar, one line at a time, sees a heading.
  describe('agrees with the parser on the corpus reports', () => {
    for (const name of CORPUS) {
      it(name, async () => {
        const text = fs.readFileSync(path.join(CORPUS_DIR, name), 'utf8');
        const fromParser = new Map<number, number>();
        const inlineLines = new Set<number>();
        const collect = (items: OutlineItem[]) => {
          for (const item of items) {
            if (item.inline) inlineLines.add(item.line);
            else fromParser.set(item.line, item.level);
            collect(item.children);
          }
        };
        collect(outline(text));
        const fromGrammar = new Map<number, number>();
        (await tokenize(text.replace(/\r\n?/g, '\n'))).forEach((tokens, i) => {
          const level = markerLevel(tokens);
          if (level !== undefined && !(inlineLines.has(i + 1) && !fromParser.has(i + 1))) fromGrammar.set(i + 1, level);
        });
        const lines = text.split(/\r\n?|\n/);
        const show = (m: Map<number, number>) => [...m].map(([line, level]) => `${line}:L${level} ${lines[line - 1]!.slice(0, 12)}`);
        assert.deepEqual(show(fromGrammar), show(fromParser));
      });
    }
  });
});
