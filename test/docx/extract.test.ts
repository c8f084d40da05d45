/**
 * Reading Word drafts: the text of a .docx as the checker sees it — automatic list numbering
 * written out as visible markers, table cells as paragraphs, ¶ numbers and excerpts for findings —
 * and clear refusals for files that are not Word documents.
 */
import { strict as assert } from 'node:assert';
import JSZip from 'jszip';
import { DocxError, extractDocx } from '../../server/src/docx/extract';
import { locateInDocx } from '../../server/src/docx/locate';
import { formatNumber } from '../../server/src/docx/numbering';
import { lintText } from '../../server/src/engine/lint';
import { REPORT_BLOCKS, abstractNum, buildDocx, num } from '../support/docx';

async function rejection(promise: Promise<unknown>): Promise<DocxError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof DocxError, `expected a DocxError, got ${error}`);
    return error;
  }
  assert.fail('expected the document to be refused');
}

describe('Word drafts (.docx)', () => {
  describe('text', () => {
    it('writes automatic numbering as the markers Word shows, reads table cells as paragraphs and joins runs', async () => {
      const { text, paragraphs, warnings } = await extractDocx(await buildDocx(REPORT_BLOCKS));
      assert.deepEqual(warnings, []);
      const lines = text.split('\n');
      assert.deepEqual(lines.slice(2, 8), [
        '一、2023年推进法治政府建设的主要举措和成效',
        '（一）加强党的领导',
        '1.党政主要负责人切实履行推进法治建设第一责任人职责，带头学法。',
        '2.强化学法考试。组织领导干部参加法律知识考试120人，考试通过108人，通过率为95%。',
        '（二）健全依法决策机制',
        '1.重大行政决策全部经过合法性审查。',
      ]);
      assert.deepEqual(lines.slice(8, 14), ['项目', '件数', '行政复议案件', '36', '行政诉讼案件', '12']);
      assert.equal(lines[14], '二、2023年推进法治政府建设存在的不足和原因');
      assert.equal(lines[16], '三、2024年推进法治政府建设的主要安排');
      // One paragraph per line here; ¶N counts the non-empty paragraphs (the empty one after the table is not one).
      assert.equal(paragraphs.length, lines.length);
      assert.deepEqual(paragraphs[5], { number: 6, start: text.indexOf('2.强化'), end: text.indexOf('2.强化') + lines[5]!.length });
    });

    it('gives the checker text whose numbering it reads and whose statistics it checks', async () => {
      const doc = await extractDocx(await buildDocx(REPORT_BLOCKS));
      const messages = lintText(doc.text).messages;
      assert.deepEqual(messages.filter((m) => m.ruleId.startsWith('numbering-')), [], 'the generated markers are a correct sequence');
      const rate = messages.find((m) => m.ruleId === 'rate-mismatch');
      assert.ok(rate, `rate-mismatch found; got ${messages.map((m) => m.ruleId)}`);
      assert.deepEqual(locateInDocx(doc, rate.offset, rate.endOffset), { paragraph: 6, excerpt: '…考试通过108人，通过率为95%。' });
    });

    it('continues a list across numbering instances, restarts it where an instance overrides the start, and restarts deeper levels', async () => {
      const numbering =
        abstractNum(0, [
          { format: 'chineseCounting', text: '%1、' },
          { format: 'decimal', text: '%2.' },
          { format: 'decimal', text: '（%3）', restart: 0 },
        ]) +
        num(1, 0) +
        num(2, 0) +
        num(3, 0, { 0: 5 });
      const { text } = await extractDocx(
        await buildDocx(
          [
            { text: '甲', list: { numId: 1, level: 0 } },
            { text: '子', list: { numId: 1, level: 1 } },
            { text: '丑', list: { numId: 1, level: 1 } },
            { text: '细', list: { numId: 1, level: 2 } },
            { text: '乙', list: { numId: 2, level: 0 } },
            { text: '寅', list: { numId: 2, level: 1 } },
            { text: '细', list: { numId: 2, level: 2 } },
            { text: '戊', list: { numId: 3, level: 0 } },
          ],
          { numbering },
        ),
      );
      // numId 2 shares the abstract definition, so it goes on with 二、; the level-3 list never restarts (lvlRestart 0).
      assert.deepEqual(text.split('\n'), ['一、甲', '1.子', '2.丑', '（1）细', '二、乙', '1.寅', '（2）细', '五、戊']);
    });

    it('numbers paragraphs through their style, as heading styles are numbered', async () => {
      const styles =
        '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>' +
        '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>';
      const { text } = await extractDocx(
        await buildDocx(
          [
            { text: '主要举措', style: 'Heading1' },
            { text: '加强领导', style: 'Heading2' },
            { text: '完善制度', style: 'Heading2' },
            { text: '存在的不足', style: 'Heading1' },
            '正文段落不编号。',
          ],
          { styles },
        ),
      );
      assert.deepEqual(text.split('\n'), ['一、主要举措', '（一）加强领导', '（二）完善制度', '二、存在的不足', '正文段落不编号。']);
    });

    it('reports a number format it cannot write, and writes that number in digits', async () => {
      const numbering = abstractNum(0, [{ format: 'hebrew1', text: '%1)' }]) + num(1, 0);
      const doc = await extractDocx(await buildDocx([{ text: 'א', list: { numId: 1, level: 0 } }], { numbering }));
      assert.equal(doc.text, '1)א');
      assert.equal(doc.warnings.length, 1);
      assert.match(doc.warnings[0]!.zh, /hebrew1/);
      assert.match(doc.warnings[0]!.en, /hebrew1.*Arabic digits/);
    });

    it('writes the number formats of Chinese documents', () => {
      assert.deepEqual(
        [
          formatNumber(11, 'chineseCounting'),
          formatNumber(20, 'chineseCountingThousand'),
          formatNumber(3, 'ideographTraditional'),
          formatNumber(12, 'chineseLegalSimplified'),
          formatNumber(3, 'decimalEnclosedCircleChinese'),
          formatNumber(12, 'decimalFullWidth'),
          formatNumber(4, 'lowerRoman'),
          formatNumber(28, 'upperLetter'),
          formatNumber(1, 'thaiLetters'),
        ],
        ['十一', '二十', '丙', '壹拾贰', '③', '１２', 'iv', 'BB', undefined],
      );
    });
  });

  describe('positions', () => {
    const doc = { text: '第一段。\n审查规范性文件40件，审结101件，纠错率为6.9%，高于上年。\n', paragraphs: [{ number: 1, start: 0, end: 4 }, { number: 2, start: 5, end: 38 }] };

    it('names the paragraph and quotes the flagged text with its clause', () => {
      const at = doc.text.indexOf('6.9%');
      assert.deepEqual(locateInDocx(doc, at, at + 4), { paragraph: 2, excerpt: '…审结101件，纠错率为6.9%，…' });
      assert.deepEqual(locateInDocx(doc, 0, 4), { paragraph: 1, excerpt: '第一段。' });
    });

    it('places a finding at the very end in the last paragraph, and one in an empty document nowhere', () => {
      assert.equal(locateInDocx(doc, doc.text.length, doc.text.length).paragraph, 2);
      assert.deepEqual(locateInDocx({ text: '', paragraphs: [] }, 0, 0), { paragraph: 0, excerpt: '' });
    });
  });

  describe('files that are not Word documents', () => {
    it('refuses a file that is not a zip package', async () => {
      const error = await rejection(extractDocx(Buffer.from('一、甲\n三、乙\n')));
      assert.equal(error.problem, 'notZip');
      assert.match(error.reason.zh, /不是有效的 Word 文档/);
    });

    it('refuses a Word 97–2003 or password-protected file with what to do', async () => {
      const error = await rejection(extractDocx(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])));
      assert.equal(error.problem, 'oldFormat');
      assert.match(error.reason.zh, /另存为.*\.docx/);
    });

    it('refuses a zip package without a Word document body', async () => {
      const zip = new JSZip();
      zip.file('xl/workbook.xml', '<workbook/>');
      const error = await rejection(extractDocx(await zip.generateAsync({ type: 'nodebuffer' })));
      assert.equal(error.problem, 'notWord');
    });

    it('names the damaged part of a package whose document is not XML', async () => {
      const zip = await JSZip.loadAsync(await buildDocx(['甲']));
      zip.file('word/document.xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>');
      const error = await rejection(extractDocx(await zip.generateAsync({ type: 'nodebuffer' })));
      assert.equal(error.problem, 'damaged');
      assert.match(error.reason.en, /word\/document\.xml/);
    });
  });
});
