/** Text the editor shows that is not a rule message: code action titles, hovers, completion details. */
import { formatMessage } from '../engine/messages';
import type { Locale, Localized } from '../engine/rule';

export const UI = {
  fixAll: { zh: '修复所有可自动修复的问题', en: 'Fix all auto-fixable problems' },
  fixGeneric: { zh: '修复：{message}', en: 'Fix: {message}' },
  disableForDocument: { zh: '在本文档中停用规则「{ruleId}」', en: 'Disable rule “{ruleId}” for this document' },
  disableForWorkspace: { zh: '在工作区停用规则「{ruleId}」', en: 'Disable rule “{ruleId}” for the workspace' },
  ignoreFinding: { zh: '忽略此处的「{ruleId}」问题（记入 .reportlintrc.json）', en: 'Ignore this “{ruleId}” finding (recorded in .reportlintrc.json)' },
  showDoc: { zh: '规则说明', en: 'Rule documentation' },
  itemOf: { zh: '第 {index} 项，共 {count} 项', en: 'Item {index} of {count}' },
  level: { zh: '第 {level} 级标题', en: 'Level {level} heading' },
  inlineItem: { zh: '段内列举项', en: 'Inline enumeration item' },
  verdict_consistent: { zh: '✓ 数据自洽', en: '✓ Consistent' },
  verdict_inconsistent: { zh: '✗ 数据不一致', en: '✗ Inconsistent' },
  verdict_unverifiable: { zh: '？ 无法核验', en: '? Cannot be verified' },
  kind_rate: { zh: '比率', en: 'Rate' },
  kind_total: { zh: '合计', en: 'Total' },
  kind_change: { zh: '增减', en: 'Change' },
  nextMarker: { zh: '下一个{level}级序号', en: 'Next level-{level} marker' },
  firstChild: { zh: '第一个{level}级序号', en: 'First level-{level} marker' },
  missingPart: { zh: '插入缺少的必备部分', en: 'Insert the missing required part' },
  truncated: {
    zh: '本文档共有 {total} 个问题，为保持编辑流畅只显示其中 {shown} 个（错误和警告优先）；用命令行 report-lint 可查看全部',
    en: 'This document has {total} problems; {shown} are shown to keep the editor responsive (errors and warnings first). Run report-lint on the command line to see them all',
  },
  largeDocument: {
    zh: '本文档有 {size} 个字符，超过了 {limit} 个字符的上限，为保持编辑流畅只检查了报告结构和序号：统计数字、重复段落、网页残留和写作规范的检查已跳过{capped}。{where}可提高上限',
    en: 'This document has {size} characters, more than the limit of {limit}, so only its structure and numbering were checked to keep the editor responsive: the statistics, duplicate-paragraph, page-residue and writing-standard rules were skipped{capped}. {where} raises the limit',
  },
  cappedRules: { zh: '；{rules} 只报告了前 {max} 个问题', en: '; {rules} reported only the first {max} findings' },
  limitInSetting: { zh: '设置 reportLint.maxDocumentSize ', en: 'The setting reportLint.maxDocumentSize' },
  limitInFile: { zh: '{file} 中的 maxDocumentSize ', en: 'maxDocumentSize in {file}' },
  untrustedConfig: {
    zh: '工作区未受信任：{file} 只有 rules 中的规则级别生效，其中的 {keys} 在信任此工作区后才会生效',
    en: 'The workspace is not trusted: only the rule severities in {file} apply; its {keys} will apply once the workspace is trusted',
  },
  binaryFile: {
    zh: '不是文本文件（第 {position} 个字节是空字符 NUL），未检查；Word 文档请保存为 .docx，或另存为纯文本',
    en: 'not a text file (byte {position} is NUL), not checked; save a Word document as .docx, or as plain text',
  },
  damagedFile: {
    zh: '文件中有 {count} 处字节不是有效的 {encoding} 编码（第一处在第 {line} 行第 {column} 列），已显示为 �',
    en: 'the file has {count} byte sequences that are not valid {encoding} (the first at line {line}, column {column}); they are shown as �',
  },
  ruleFailedNotice: {
    zh: 'report-lint：规则「{ruleId}」检查时出错，它的问题没有列出，其余规则照常检查；详见“Report Lint”输出',
    en: 'report-lint: rule “{ruleId}” failed, so its findings are missing; the other rules still ran. See the Report Lint output',
  },
  notOpen: { zh: '文档未打开：{uri}', en: 'Document is not open: {uri}' },
  configInvalid: { zh: '无法修改 {file}：它不是有效的 JSON 对象，请先修正', en: 'Cannot edit {file}: it is not a valid JSON object; fix it first' },
  noFolder: { zh: '无法确定 {uri} 所在的文件夹，不能写入 .reportlintrc.json', en: 'Cannot tell the folder of {uri}, so .reportlintrc.json cannot be written' },
} satisfies Record<string, Localized>;

export function t(key: keyof typeof UI, locale: Locale, data?: Record<string, string | number>): string {
  return formatMessage(UI[key][locale], data);
}
