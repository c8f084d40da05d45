/**
 * Who reports: the place (连江县, 溧阳市, 柳荫镇) or the department (XX市司法局) a report is about,
 * for the reviewers' summary. Looked for where reports name it, most reliable first:
 *
 *   1. the title: 「枣阳市2023年法治政府建设年度报告」, 「XX市人民政府关于2022年…的报告」;
 *   2. the signing organ: 「连江县人民政府」 → 连江县, 「中共枣阳市委」 → 枣阳市;
 *   3. the opening sentence: 「洛浦县2022年法治政府建设工作…」, 「2022年，溧阳市坚持…」;
 *   4. a report that only says 我镇/我县 names itself elsewhere, in the titles of its own documents
 *      (《柳荫镇机关工作制度》): the most frequent name with the same suffix, if it recurs.
 */
import type { Root } from '../parser/types';

const PLACE_SUFFIX = '(?:特别行政区|自治区|自治州|自治县|自治旗|省|市|州|盟|县|旗|区|镇|乡|街道)';
const ENDS_AS_PLACE = new RegExp(`${PLACE_SUFFIX}$`);
const ENDS_AS_DEPARTMENT = /(?:局|委员会|办公室|厅|署|中心|管委会|管理委员会)$/;
const YEAR = '(?:\\d{4}|[〇零○一二三四五六七八九]{4})\\s*年度?';
/** Words of the genre: a candidate containing them is a phrase, not a name. */
const GENRE = /法治|依法|年度|报告|情况|工作|关于|建设/;
/** A sentence opening 「本县…」 「全市…」 names no one. */
const NOT_A_NAME = /^(?:我|全|本|该|各|今|近|去|上|下|城|社|此|每|加强|推进|深化|完善|健全)/;
const OPENING = new RegExp(`^(?:${YEAR}[，,、\\s]*)?(?:以来[，,]?)?([\\u4e00-\\u9fff]{2,12}?${PLACE_SUFFIX})`);
const SELF = /我(省|市|州|县|旗|区|镇|乡|街道)/;

export function reportPlace(tree: Root): string | undefined {
  return fromTitle(tree.title?.value) ?? fromClosing(tree) ?? fromOpening(tree) ?? fromSelfReference(tree.data.text);
}

function fromTitle(title: string | undefined): string | undefined {
  if (!title) return undefined;
  const plain = title.replace(/[《》〈〉\s]/g, ' ').trim();
  // 「关于洛浦县2022年…」: the name follows 关于; 「XX市人民政府关于…」: it precedes it.
  const before = new RegExp(`^(?:关于)?(.+?)(?:关于)?${YEAR}`).exec(plain)?.[1];
  const afterYear = new RegExp(`${YEAR}(.+?)法治`).exec(plain)?.[1];
  for (const candidate of [before, afterYear]) {
    if (!candidate) continue;
    const organs = candidate.split(/[\s、，,]+/).filter(Boolean);
    const organ = organs.find((o) => /政府$/.test(o)) ?? organs[organs.length - 1];
    const name = organ && nameOfOrgan(organ);
    if (name) return name;
  }
  return undefined;
}

function fromClosing(tree: Root): string | undefined {
  const organs = tree.closing?.organs.map((o) => o.value) ?? [];
  const government = organs.find((o) => /政府$/.test(o));
  for (const organ of government ? [government, ...organs] : organs) {
    const name = nameOfOrgan(organ);
    if (name) return name;
  }
  return undefined;
}

/** 连江县人民政府 → 连江县, 中共枣阳市委 → 枣阳市, XX市司法局 stays a department. */
function nameOfOrgan(organ: string): string | undefined {
  const trimmed = organ.trim();
  if (trimmed.length < 2 || GENRE.test(trimmed)) return undefined;
  const place = trimmed
    .replace(/^中共(.+?)(?:委员会|委)$/, '$1')
    .replace(/(?:人民政府|政府)(?:办公室)?$/, '');
  if (place.length >= 2 && ENDS_AS_PLACE.test(place) && !NOT_A_NAME.test(place)) return place;
  if (ENDS_AS_DEPARTMENT.test(trimmed) && !NOT_A_NAME.test(trimmed)) return trimmed;
  return undefined;
}

function fromOpening(tree: Root): string | undefined {
  // The first paragraph that reads like prose: page furniture above it has no commas or full stops.
  for (const block of tree.children) {
    if (block.type === 'section') return undefined;
    if (block.type !== 'paragraph' || !/[。，,]/.test(block.value)) continue;
    const name = OPENING.exec(block.value.trim())?.[1];
    return name && !NOT_A_NAME.test(name) && !GENRE.test(name) ? name : undefined;
  }
  return undefined;
}

function fromSelfReference(text: string): string | undefined {
  const suffix = SELF.exec(text)?.[1];
  if (!suffix) return undefined;
  const counts = new Map<string, number>();
  const names = new RegExp(`(?<![\\u4e00-\\u9fff])([\\u4e00-\\u9fff]{2,3}${suffix})`, 'g');
  for (const m of text.matchAll(names)) {
    const name = m[1]!;
    if (NOT_A_NAME.test(name) || GENRE.test(name)) continue;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  let best: [string, number] | undefined;
  for (const entry of counts) if (!best || entry[1] > best[1]) best = entry;
  // Once could be any phrase ending in the suffix; a name the report uses for itself recurs.
  return best && best[1] >= 2 ? best[0] : undefined;
}
