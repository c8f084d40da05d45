/**
 * report-signature — a report ends with the name of the reporting organ(s) and the date it was
 * written (成文日期), as every official document does (GB/T 9704-2012 §7.3.5). Without them a
 * reader cannot tell who answers for the report or check it against the reporting deadlines
 * (see report-date). Text pasted from portals often loses both, the portal showing them apart.
 *
 * One message says what is missing. A missing closing is reported at the end of the text,
 * where it belongs; a half closing next to the half that is there. No fix: the organ and the
 * date are facts the checker cannot know.
 */
import type { Rule } from '../engine/rule';
import { analyzeReport } from './support/report-analysis';

export const reportSignature: Rule = {
  meta: {
    id: 'report-signature',
    description: {
      zh: '报告末尾应写明发文机关署名和成文日期',
      en: 'The report ends with the reporting organ’s name and the date it was written',
    },
    defaultSeverity: 'hint',
    fixable: false,
    messages: {
      missingSignature: {
        zh: '报告末尾没有署名和成文日期：应在正文之后写明发文机关名称和成文日期，如「XX县人民政府」「2023年1月10日」',
        en: 'The report ends without the organ’s name and the date: add them after the text, e.g. “XX县人民政府” and “2023年1月10日”',
      },
      missingOrgan: {
        zh: '成文日期「{date}」之前没有发文机关署名：应写明报告机关名称，如「XX县人民政府」',
        en: 'No reporting organ is named above the date “{date}”: add the organ’s name, e.g. “XX县人民政府”',
      },
      missingDate: {
        zh: '署名「{organ}」之后没有成文日期：应写明成文日期，如「2023年1月10日」',
        en: 'The signature “{organ}” has no date under it: add the date the report was written, e.g. “2023年1月10日”',
      },
    },
  },

  check(tree, context) {
    if (!analyzeReport(tree).genre) return;
    const closing = tree.closing;
    if (closing) {
      if (!closing.organs.length && closing.date) {
        context.report({ messageId: 'missingOrgan', data: { date: closing.date.raw }, position: closing.date.position! });
      } else if (closing.organs.length && !closing.date) {
        const last = closing.organs[closing.organs.length - 1]!;
        context.report({ messageId: 'missingDate', data: { organ: closing.organs.map((o) => o.value).join(' ') }, position: last.position! });
      }
      return;
    }
    // The end of the text: its last sentence (a section's heading when it ends on one).
    const { sentences, sections } = tree.data.index;
    const lastSentence = sentences[sentences.length - 1];
    const lastSection = sections[sections.length - 1];
    const last =
      lastSection && (!lastSentence || lastSection.children[0].position!.end.offset! > lastSentence.position!.end.offset!)
        ? lastSection.children[0]
        : lastSentence;
    if (!last) return;
    context.report({ messageId: 'missingSignature', position: last.position! });
  },
};
