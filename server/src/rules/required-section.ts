/**
 * required-section — the annual report must cover the four items of 《法治政府建设与责任落实督察
 * 工作规定》（厅字〔2019〕28号）第二十五条: the past year's measures and results, its shortcomings
 * and their causes, how the principal leaders performed their duty as 第一责任人 for rule of law,
 * and next year's plans. Reviewers send back reports that leave one out; the most common gap is
 * item 3, mentioned only as a promise in the plans.
 *
 * Parts are recognised by report-parts (numbered headings at any level, unnumbered paragraphs),
 * so a report is judged by what it says, not by one house style.
 *
 * Fix: insert a template for the missing part where it belongs, in the document's own marker
 * style and layout, renumbering the siblings after it so numbering stays sequential. Also a hint
 * when the shortcomings give no causes, and one when a report numbers its other parts 一、二、…
 * but leaves shortcomings or plans as unnumbered paragraphs (fix: give them numbered headings).
 */
import type { Fix, Rule, TextEdit } from '../engine/rule';
import type { Paragraph, Position, Root, Section } from '../parser/types';
import { indentOf, layoutOf, lineStartAt, linePrefix, type Layout } from './support/insertion';
import { renumberedMarker } from './support/numbering';
import { analyzeReport, givesCauses, PART_ORDER, type PartExtent, type ReportAnalysis } from './support/report-analysis';
import { partLines, partTemplate, type ReportPartId } from './support/report-parts';

const MISSING: Record<ReportPartId, string> = {
  measures: 'missingMeasures',
  shortcomings: 'missingShortcomings',
  leaderDuty: 'missingLeaderDuty',
  plans: 'missingPlans',
};

const REGULATION_ZH = '《法治政府建设与责任落实督察工作规定》（厅字〔2019〕28号）第二十五条';
const REGULATION_EN = 'Article 25 of the Regulation on Supervising the Building of Law-Based Government and the Fulfilment of Responsibilities (厅字〔2019〕28号)';

const startOf = (node: { position?: Position }) => node.position!.start.offset!;
const endOf = (node: { position?: Position }) => node.position!.end.offset!;

/** Where a missing part goes, and the message's anchor. */
interface Placement {
  anchor: Position;
  edits: TextEdit[];
  heading: string;
}

class Planner {
  private layoutCache?: Layout;

  constructor(
    private readonly tree: Root,
    private readonly analysis: ReportAnalysis,
  ) {}

  private get layout(): Layout {
    return (this.layoutCache ??= layoutOf(this.tree));
  }

  /** Heading and body of a part, the heading numbered with `marker` (or not, when it is ''). */
  private lines(id: ReportPartId, marker: string): [heading: string, body: string] {
    return partLines(id, { marker, year: this.analysis.parts.reportYear });
  }

  /** A part as one unnumbered paragraph, for reports that write their parts so. */
  private paragraph(id: ReportPartId): string {
    return partTemplate(id, { marker: '', year: this.analysis.parts.reportYear });
  }

  place(id: ReportPartId): Placement | undefined {
    const { extents } = this.analysis;
    switch (id) {
      case 'measures': {
        const first = [extents.shortcomings, extents.leaderDuty, extents.plans]
          .filter((e): e is PartExtent => !!e && (e.unnumbered || this.isTop(e.section)))
          .sort((a, b) => a.start - b.start)[0];
        return first ? this.before(id, first) : this.atEnd(id);
      }
      case 'shortcomings':
        return extents.plans ? this.before(id, extents.plans) : this.atEnd(id);
      case 'leaderDuty': {
        const inside = this.singleMeasuresSection();
        if (inside) return this.appendChild(id, inside);
        // Before whichever comes first: shortcomings written inside the plans part must not take
        // the duty into the plans, where it would still count as only planned.
        const next = [extents.shortcomings, extents.plans].filter((e): e is PartExtent => !!e).sort((a, b) => a.start - b.start)[0];
        return next ? this.before(id, next) : this.atEnd(id);
      }
      case 'plans':
        return this.atEnd(id);
    }
  }

  private isTop(section: Section | undefined): boolean {
    return !!section && this.tree.data.sectionOf.get(section) === undefined;
  }

  /** The measures part when it is one numbered top-level section with numbered subsections. */
  private singleMeasuresSection(): Section | undefined {
    const m = this.analysis.extents.measures;
    if (!m?.section || !this.isTop(m.section) || !m.section.marker) return undefined;
    // Another part that begins inside the section (shortcomings written as a paragraph under its last
    // subsection) would take in whatever is appended at the section's end.
    if (endOf(m.section) > m.end) return undefined;
    const tops = this.analysis.topSections.filter((s) => startOf(s) >= m.start && startOf(s) < m.end);
    if (tops.length !== 1) return undefined;
    const children = m.section.children.filter((c): c is Section => c.type === 'section');
    return children.length && children[children.length - 1]!.marker ? m.section : undefined;
  }

  /** Insert the part just before another part, in that part's style, renumbering what follows. */
  private before(id: ReportPartId, next: PartExtent): Placement {
    const { sep } = this.layout;
    if (next.section) {
      const section = next.section;
      const prefix = linePrefix(this.tree, startOf(section));
      const [heading, body] = this.lines(id, section.marker?.text ?? '');
      const at = lineStartAt(this.tree, startOf(section));
      const edits: TextEdit[] = [{ start: at, end: at, text: `${prefix}${heading}${sep}${indentOf(prefix)}${body}${sep}` }];
      if (section.marker) for (const edit of this.renumberFrom(section)) edits.push(edit); // one per following sibling: no spread
      return { anchor: section.children[0].position!, edits, heading: heading! };
    }
    const paragraph = next.paragraph!;
    const line = this.paragraph(id);
    const at = lineStartAt(this.tree, startOf(paragraph));
    const prefix = linePrefix(this.tree, startOf(paragraph));
    return { anchor: firstSentence(paragraph), edits: [{ start: at, end: at, text: `${prefix}${line}${sep}` }], heading: line!.split('：')[0]! };
  }

  /** Siblings of the same kind from `section` on move up by one. */
  private renumberFrom(section: Section): TextEdit[] {
    const parent = this.tree.data.sectionOf.get(section);
    const blocks: ReadonlyArray<{ type: string }> = parent ? parent.children : this.tree.children;
    const siblings = blocks.filter(
      (c): c is Section => c.type === 'section' && (c as Section).marker?.kind === section.marker!.kind && startOf(c as Section) >= startOf(section),
    );
    return siblings.map((s) => ({
      start: s.marker!.position.start.offset!,
      end: s.marker!.position.end.offset!,
      text: renumberedMarker(s.marker!, s.marker!.value + 1),
    }));
  }

  /** Append the part as the last subsection of `parent`. */
  private appendChild(id: ReportPartId, parent: Section): Placement {
    const children = parent.children.filter((c): c is Section => c.type === 'section');
    const last = children[children.length - 1]!;
    const marker = renumberedMarker(last.marker!, last.marker!.value + 1);
    const prefix = linePrefix(this.tree, startOf(last));
    const [heading, body] = this.lines(id, marker);
    const { sep } = this.layout;
    const at = endOf(parent);
    return {
      anchor: parent.children[0].position!,
      edits: [{ start: at, end: at, text: `${sep}${prefix}${heading}${sep}${indentOf(prefix)}${body}` }],
      heading: heading!,
    };
  }

  /**
   * Append the part after the body: numbered after the last top-level section when the report
   * numbers its parts, otherwise as a paragraph after the last unnumbered part or paragraph.
   */
  private atEnd(id: ReportPartId): Placement | undefined {
    const { sep } = this.layout;
    const { extents, topSections, bodyEnd } = this.analysis;
    const lastPart = PART_ORDER.map((p) => extents[p]).filter((e): e is PartExtent => !!e).sort((a, b) => b.start - a.start)[0];
    const tops = topSections.filter((s) => startOf(s) < bodyEnd);
    const lastTop = tops[tops.length - 1];
    if (lastTop && !(lastPart?.unnumbered && lastPart.start > startOf(lastTop) && lastPart.id !== 'leaderDuty')) {
      const prefix = linePrefix(this.tree, startOf(lastTop));
      const marker = lastTop.marker ? renumberedMarker(lastTop.marker, lastTop.marker.value + 1) : '';
      const [heading, body] = this.lines(id, marker);
      const at = endOf(lastTop);
      // The prefix carries Markdown heading syntax (## ) to the new heading; the body takes only the indentation.
      return {
        anchor: lastTop.children[0].position!,
        edits: [{ start: at, end: at, text: `${sep}${prefix}${heading}${sep}${indentOf(prefix)}${body}` }],
        heading: heading!,
      };
    }
    const paragraphs = this.tree.data.index.paragraphs.filter((p) => startOf(p) < bodyEnd);
    const last = paragraphs[paragraphs.length - 1];
    if (!last) return undefined;
    const line = this.paragraph(id);
    const at = endOf(last);
    return {
      anchor: firstSentence(last),
      edits: [{ start: at, end: at, text: `${sep}${indentOf(linePrefix(this.tree, startOf(last)))}${line}` }],
      heading: line!.split('：')[0]!,
    };
  }

  /**
   * When the top level is numbered (一、二、…) but shortcomings or plans are unnumbered
   * paragraphs, headings that number them in sequence, renumbering any top-level section after.
   */
  numberUnnumbered(): { parts: PartExtent[]; fix?: Fix; first: string; last: string; markers: string[] } | undefined {
    const { extents, topSections, bodyEnd } = this.analysis;
    const measures = extents.measures;
    const tops = topSections.filter((s) => startOf(s) < bodyEnd);
    const kind = tops[0]?.marker?.kind;
    if (!measures?.section || !this.isTop(measures.section) || !kind) return undefined;
    const numbered = tops.filter((s) => s.marker?.kind === kind);
    if (numbered.length < 2) return undefined;
    // Shortcomings after a numbered plans part are not read as a part of their own once numbered
    // (the report's parts end with the plans): a heading for them would change nothing.
    const plansSection = extents.plans?.section;
    const afterPlans = (e: PartExtent) => e.id === 'shortcomings' && !!plansSection && this.isTop(plansSection) && startOf(plansSection) < e.start;
    const parts = [extents.shortcomings, extents.plans].filter((e): e is PartExtent => !!e && e.unnumbered && !afterPlans(e));
    if (!parts.length) return undefined;

    const { sep } = this.layout;
    const edits: TextEdit[] = [];
    const markers: string[] = [];
    const events = [
      ...numbered.map((s) => ({ at: startOf(s), section: s as Section | undefined, part: undefined as PartExtent | undefined })),
      ...parts.map((p) => ({ at: p.start, section: undefined, part: p })),
    ].sort((a, b) => a.at - b.at);
    let value = 0;
    let shift = 0;
    const model = numbered[0]!.marker!;
    for (const event of events) {
      if (event.section) {
        value = event.section.marker!.value + shift;
        if (shift) edits.push({ start: event.section.marker!.position.start.offset!, end: event.section.marker!.position.end.offset!, text: renumberedMarker(event.section.marker!, value) });
        continue;
      }
      const part = event.part!;
      value++;
      shift++;
      const marker = renumberedMarker(model, value);
      markers.push(marker);
      const [heading] = this.lines(part.id, marker);
      const at = lineStartAt(this.tree, part.start);
      edits.push({ start: at, end: at, text: `${linePrefix(this.tree, part.start)}${heading}${sep}` });
    }
    const allPresent = PART_ORDER.every((id) => extents[id]);
    const fix: Fix | undefined = allPresent ? { messageId: 'numberParts', data: { markers: markers.join('') }, edits } : undefined;
    return { parts, fix, first: numbered[0]!.marker!.text, last: numbered[numbered.length - 1]!.marker!.text, markers };
  }
}

function firstSentence(paragraph: Paragraph): Position {
  return (paragraph.children[0] ?? paragraph).position!;
}

export const requiredSection: Rule = {
  meta: {
    id: 'required-section',
    description: {
      zh: '年度报告应包含《法治政府建设与责任落实督察工作规定》第二十五条规定的四项内容',
      en: 'The annual report must cover the four items of Article 25 of the 2019 Regulation on Supervising the Building of Law-Based Government',
    },
    defaultSeverity: 'warning',
    fixable: true,
    messages: {
      missingMeasures: {
        zh: `报告缺少第（一）项内容「上一年度推进法治政府建设的主要举措和成效」：${REGULATION_ZH}要求年度报告写明这一项`,
        en: `The report lacks item (1), “measures and results of building law-based government in the past year”, which ${REGULATION_EN} requires`,
      },
      missingShortcomings: {
        zh: `报告缺少第（二）项内容「上一年度推进法治政府建设存在的不足和原因」：${REGULATION_ZH}要求年度报告写明这一项，一般放在下一年度安排之前`,
        en: `The report lacks item (2), “shortcomings of the past year and their causes”, which ${REGULATION_EN} requires; it usually comes before the plans`,
      },
      missingLeaderDuty: {
        zh: `报告缺少第（三）项内容「上一年度党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况」：${REGULATION_ZH}要求写明这一项，可作为举措部分的一个小节，也可单列一部分`,
        en: `The report lacks item (3), “how the principal Party and government leaders performed their duty as first person responsible for rule of law in the past year”, which ${REGULATION_EN} requires; it may be a subsection of the measures or a part of its own`,
      },
      leaderDutyOnlyPlanned: {
        zh: `「第一责任人」职责只出现在下一年度安排中，报告没有写上一年度党政主要负责人履行推进法治建设第一责任人职责的情况：${REGULATION_ZH}第（三）项要求报告上一年度的履职情况`,
        en: `“第一责任人” (first person responsible) appears only in next year’s plans; the report does not say how the principal leaders performed that duty in the past year, which item (3) of ${REGULATION_EN} requires`,
      },
      missingPlans: {
        zh: `报告缺少第（四）项内容「下一年度推进法治政府建设的主要安排」：${REGULATION_ZH}要求年度报告写明这一项，一般放在报告最后`,
        en: `The report lacks item (4), “main plans for the next year”, which ${REGULATION_EN} requires; it usually comes last`,
      },
      noCauses: {
        zh: `「存在的不足」部分只列出了问题，没有分析原因：${REGULATION_ZH}第（二）项要求写明不足和原因（如“究其原因”“主要是由于”）`,
        en: `The shortcomings part lists problems but gives no causes: item (2) of ${REGULATION_EN} asks for the shortcomings and their causes (e.g. “究其原因”, “主要是由于”)`,
        severity: 'hint',
      },
      unnumberedShortcomings: {
        zh: '「存在的不足和原因」写成了未编号的段落，而报告其他部分用「{first}」—「{last}」编号：建议单列为「{marker}」部分',
        en: 'The shortcomings are an unnumbered paragraph while the report numbers its other parts “{first}”–“{last}”: make them part “{marker}”',
        severity: 'hint',
      },
      unnumberedPlans: {
        zh: '「下一年度主要安排」写成了未编号的段落，而报告其他部分用「{first}」—「{last}」编号：建议单列为「{marker}」部分',
        en: 'The plans are an unnumbered paragraph while the report numbers its other parts “{first}”–“{last}”: make them part “{marker}”',
        severity: 'hint',
      },
      mentionedInPlans: { zh: '此处的「第一责任人」属于下一年度安排', en: '“第一责任人” here belongs to next year’s plans' },
      insertPart: { zh: '插入「{heading}」', en: 'Insert “{heading}”' },
      numberParts: { zh: '为未编号的部分加上编号标题「{markers}」', en: 'Give the unnumbered parts numbered headings “{markers}”' },
    },
  },

  check(tree, context) {
    const analysis = analyzeReport(tree);
    if (!analysis.genre) return;
    const planner = new Planner(tree, analysis);
    // Two missing parts may belong at the same place; only the first gets a fix in one pass, so
    // their order comes out right after the re-check.
    const taken = new Set<number>();
    for (const id of PART_ORDER) {
      if (analysis.extents[id]) continue;
      const placement = planner.place(id);
      const at = placement?.edits[0]?.start;
      const fix = placement && at !== undefined && !taken.has(at) ? { messageId: 'insertPart', data: { heading: placement.heading }, edits: placement.edits } : undefined;
      if (at !== undefined) taken.add(at);
      const planned = id === 'leaderDuty' ? analysis.leaderDutyInPlans : undefined;
      context.report({
        messageId: planned ? 'leaderDutyOnlyPlanned' : MISSING[id],
        position: placement?.anchor ?? (tree.children[0] ?? tree).position!,
        ...(fix ? { fix } : {}),
        ...(planned ? { related: [{ position: planned, messageId: 'mentionedInPlans' }] } : {}),
      });
    }

    const shortcomings = analysis.extents.shortcomings;
    if (shortcomings && !givesCauses(tree, shortcomings)) {
      context.report({ messageId: 'noCauses', position: shortcomings.paragraph ? firstSentence(shortcomings.paragraph) : shortcomings.position });
    }

    const numbering = planner.numberUnnumbered();
    if (numbering) {
      numbering.parts.forEach((part, i) => {
        context.report({
          messageId: part.id === 'shortcomings' ? 'unnumberedShortcomings' : 'unnumberedPlans',
          data: { first: numbering.first, last: numbering.last, marker: numbering.markers[i]! },
          position: firstSentence(part.paragraph!),
          ...(numbering.fix ? { fix: numbering.fix } : {}),
        });
      });
    }
  },
};
