/** The report-parts contract the editor relies on: detection, memoisation, labels and templates. */
import { strict as assert } from 'node:assert';
import { parse } from '../../../server/src/parser';
import { findReportParts, partTemplate, REPORT_PART_LABELS } from '../../../server/src/rules/support/report-parts';

const lines = (...l: string[]) => l.join('\n');

describe('report-parts', () => {
  const tree = parse(
    lines(
      '市司法局2023年法治政府建设工作报告',
      '2023年，市司法局扎实推进法治政府建设。现将有关情况报告如下：',
      '一、主要做法和成效',
      '（一）完善依法行政制度体系。',
      '二、党政主要负责人履行推进法治建设第一责任人职责情况',
      '局长带头学法。',
      '三、存在的不足及原因',
      '力量不足，主要是由于编制紧张。',
      '四、2024年工作思路',
      '一是加强队伍建设。',
    ),
  );

  it('finds each part at its heading, with its section', () => {
    const { parts, reportYear, plansYear } = findReportParts(tree);
    assert.deepEqual(
      Object.values(parts).map((p) => [p!.id, p!.position.start.line, p!.section?.marker?.text, p!.unnumbered]),
      [
        ['measures', 3, '一、', false],
        ['shortcomings', 7, '三、', false],
        ['leaderDuty', 5, '二、', false],
        ['plans', 9, '四、', false],
      ],
    );
    assert.deepEqual([reportYear, plansYear], [2023, 2024]);
  });

  it('is computed once per tree', () => {
    assert.equal(findReportParts(tree), findReportParts(tree));
    assert.notEqual(findReportParts(parse('2023年，我局推进法治政府建设。')), findReportParts(tree));
  });

  it('marks parts found only as paragraphs as unnumbered', () => {
    const { parts } = findReportParts(
      parse(
        lines(
          '2023年，我镇推进法治政府建设，现将有关情况报告如下：',
          '一是镇党委书记切实履行推进法治建设第一责任人职责。',
          '今年以来，我镇虽取得一定成效，但仍存在一些不足：执法人员不足，原因是编制有限。',
          '下一步，我镇将继续深化法治政府建设。',
        ),
      ),
    );
    assert.deepEqual(
      Object.values(parts).map((p) => [p!.id, p!.position.start.line, p!.unnumbered, p!.section]),
      [
        ['measures', 2, true, undefined],
        ['shortcomings', 3, true, undefined],
        ['leaderDuty', 2, true, undefined],
        ['plans', 4, true, undefined],
      ],
    );
  });

  it('labels every part in both languages', () => {
    for (const label of Object.values(REPORT_PART_LABELS)) assert.ok(label.zh && label.en);
  });

  it('writes templates in the given marker style, the plans about the year after the report year', () => {
    assert.equal(partTemplate('plans', { marker: '三、', year: 2022 }), '三、2023年推进法治政府建设的主要安排\n（待补充：2023年推进法治政府建设的主要安排。）');
    assert.equal(partTemplate('leaderDuty', { marker: '（十）', year: 2022 }).split('\n')[0], '（十）党政主要负责人履行推进法治建设第一责任人职责情况');
    assert.equal(partTemplate('shortcomings', { marker: '' }), '上一年度推进法治政府建设存在的不足和原因：（待补充：推进法治政府建设存在的不足，以及产生这些不足的原因。）');
    assert.equal(partTemplate('measures', { marker: '1.', year: 2023, locale: 'en' }).split('\n')[0], '1.Main measures and results of building law-based government in 2023');
  });

  it('a heading that starts with a year stays a heading after a dot marker (1.2022 would be a number)', () => {
    assert.equal(partTemplate('shortcomings', { marker: '3.', year: 2022 }).split('\n')[0], '3. 2022年推进法治政府建设存在的不足和原因');
    assert.equal(partTemplate('plans', { marker: '4．', year: 2022 }).split('\n')[0], '4． 2023年推进法治政府建设的主要安排');
    assert.equal(partTemplate('plans', { marker: '4、', year: 2022 }).split('\n')[0], '4、2023年推进法治政府建设的主要安排');
    assert.equal(partTemplate('leaderDuty', { marker: '3.', year: 2022 }).split('\n')[0], '3.党政主要负责人履行推进法治建设第一责任人职责情况');
    const tree = parse(partTemplate('plans', { marker: '4.', year: 2022 }));
    assert.equal(tree.data.index.sections[0]?.marker?.text, '4.');
  });

  it('templates are recognised as the parts they stand for', () => {
    const filled = parse(
      lines(
        '2022年，我县推进法治政府建设。',
        partTemplate('measures', { marker: '一、', year: 2022 }),
        partTemplate('leaderDuty', { marker: '二、', year: 2022 }),
        partTemplate('shortcomings', { marker: '三、', year: 2022 }),
        partTemplate('plans', { marker: '四、', year: 2022 }),
      ),
    );
    const { parts } = findReportParts(filled);
    assert.deepEqual(Object.values(parts).map((p) => [p!.id, p!.section?.marker?.text]), [
      ['measures', '一、'],
      ['shortcomings', '三、'],
      ['leaderDuty', '二、'],
      ['plans', '四、'],
    ]);
  });
});
