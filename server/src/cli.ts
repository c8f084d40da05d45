/**
 * report-lint [--format stylish|json|sarif|html] [--summary] [--outline] [--locale zh|en]
 *             [--config FILE] [--fix] [--max-warnings N] [--max-document-size N] [--output FILE] PATH...
 *
 * PATH: report files (.txt, .md, Word .docx) or folders searched for them.
 *
 * Exit status: 0 no errors; 1 errors found, or more warnings than --max-warnings; 2 bad usage,
 * unreadable input or invalid configuration (every other file is still checked). Notices (a file
 * above the size limit checked for its structure only, bytes that are not valid text) go to
 * stderr and leave the status alone.
 *
 * main() returns the status at once for text reports, and a promise of it when a Word draft must
 * be read (reading a .docx package is asynchronous).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_MAX_DOCUMENT_SIZE, findConfigFile, loadConfigFile, type LoadedConfig } from './engine/config';
import { decodeReport, encodeReport, type Damage, type Encoding } from './engine/decode';
import { fixText } from './engine/fix';
import { largeDocumentCheckFor, MAX_FINDINGS_PER_RULE } from './engine/large-document';
import { lintText, type RuleFailure } from './engine/lint';
import { localeFrom } from './engine/messages';
import { buildOutline, type OutlineItem } from './engine/outline';
import type { LintMessage, Locale } from './engine/rule';
import { DocxError, extractDocx, type DocxText } from './docx/extract';
import { locateInDocx } from './docx/locate';
import { parse } from './parser';
import type { Root } from './parser/types';
import { RULES, RULE_IDS } from './rules';
import { formatJson, formatOutlineJson, formatOutlineStylish, formatStylish, type FileResult, type ReportMessage } from './reporters';
import { formatSarif } from './reporters/sarif';
import { formatSummaryJson, formatSummaryStylish } from './summary/format';
import { formatSummaryHtml, type SummarySource } from './summary/html';
import { summarizeReport, unreadableReport } from './summary/summarize';

const VERSION = '0.1.0';
const REPORT_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.docx']);
const FORMATS = ['stylish', 'json', 'sarif', 'html'] as const;
type Format = (typeof FORMATS)[number];
const isDocx = (file: string) => /\.docx$/i.test(file);

const HELP = {
  zh: `用法：report-lint [选项] 路径...

检查法治政府建设年度报告（.txt、.md、Word .docx）：必备内容、序号、统计数字等。
路径可以是文件或文件夹（递归查找 .txt、.md、.docx）。

选项：
  --format 格式          输出格式：stylish（默认）、json、sarif（代码扫描）、html（审核汇总网页）
  --summary              每份报告一行的审核汇总：地方、年度、四项必备内容、问题数、主要问题
  --outline              输出报告结构提纲，而不是检查结果
  --locale zh|en         消息语言（默认中文）
  --config 文件          使用指定的配置文件（默认向上查找 .reportlintrc.json）
  --fix                  自动修复可修复的问题并写回文件（Word 文档不改动）
  --max-warnings 数量    警告超过此数量时以退出码 1 结束
  --max-document-size 字符数
                         超过此字符数的文件只检查结构和序号（默认 1000000）
  --output 文件          把输出写入文件而不是标准输出
  -h, --help             显示帮助
  -v, --version          显示版本

Word 文档中的问题以段落号（¶12）和原文摘录标明位置。

退出码：0 无错误；1 有错误或警告超过 --max-warnings；2 用法错误、文件无法读取或配置无效。`,
  en: `Usage: report-lint [options] PATH...

Checks annual reports on building law-based government (.txt, .md, Word .docx): required
sections, numbering, statistics and more. PATH is a file or a folder (searched for .txt, .md, .docx).

Options:
  --format FORMAT        stylish (default), json, sarif (code scanning), html (reviewers' summary page)
  --summary              one row per report for reviewers: place, year, the four required items,
                         counts by severity, the worst findings
  --outline              print the report's outline instead of findings
  --locale zh|en         message language (default Chinese)
  --config FILE          use this configuration file (default: .reportlintrc.json found upward)
  --fix                  apply fixes and write the files back (Word documents are never written)
  --max-warnings N       exit with status 1 when there are more than N warnings
  --max-document-size N  check files of more than N characters for their structure and
                         numbering only (default 1000000)
  --output FILE          write the output to FILE instead of standard output
  -h, --help             show this help
  -v, --version          show the version

Findings in Word documents are placed by paragraph number (¶12) and a quoted excerpt.

Exit status: 0 no errors; 1 errors found, or more warnings than --max-warnings;
2 bad usage, unreadable input or invalid configuration.`,
};

interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** What was parsed from the command line, once it is known to be a run that checks files. */
interface Run {
  io: Io;
  format: Format;
  outline: boolean;
  summary: boolean;
  fix: boolean;
  locale: Locale | undefined;
  maxWarnings: number | undefined;
  /** --max-document-size; undefined: the configuration's, else the default. */
  maxDocumentSize: number | undefined;
  output: string | undefined;
  files: string[];
  explicitConfig: LoadedConfig | undefined;
  status: number;
  fail: (message: string) => void;
}

/** A Word draft as read before checking: its text, or why it could not be read. */
type Draft = { text: DocxText } | { unreadable: NodeJS.ErrnoException } | { invalid: DocxError };

/** One checked file, with what every output format needs. */
interface Checked {
  display: string;
  path: string;
  messages: ReportMessage[];
  error?: string;
  tree?: Root;
  text?: string;
  docx?: DocxText;
}

/**
 * Runs the CLI; returns the exit status, or a promise of it when Word drafts are among the inputs.
 * Exported for tests.
 */
export function main(argv: string[], io: Io): number | Promise<number> {
  const run = prepare(argv, io);
  if (typeof run === 'number') return run;
  const drafts = run.files.filter(isDocx);
  if (!drafts.length) return check(run, new Map());
  return readDrafts(drafts).then((read) => check(run, read));
}

function prepare(argv: string[], io: Io): Run | number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'stylish' },
        outline: { type: 'boolean', default: false },
        summary: { type: 'boolean', default: false },
        locale: { type: 'string' },
        config: { type: 'string' },
        fix: { type: 'boolean', default: false },
        'max-warnings': { type: 'string' },
        'max-document-size': { type: 'string' },
        output: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    io.stderr(`report-lint: ${(error as Error).message}\n${HELP.en.split('\n')[0]}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const envLocale = localeFrom(io.env.LC_ALL || io.env.LC_MESSAGES || io.env.LANG || 'zh');
  if (values.locale !== undefined && values.locale !== 'zh' && values.locale !== 'en') {
    io.stderr(`report-lint: --locale must be zh or en, got "${values.locale}"\n`);
    return 2;
  }
  if (values.help) {
    io.stdout(HELP[(values.locale as Locale | undefined) ?? envLocale] + '\n');
    return 0;
  }
  if (values.version) {
    io.stdout(VERSION + '\n');
    return 0;
  }
  if (!(FORMATS as readonly string[]).includes(values.format)) {
    io.stderr(`report-lint: --format must be stylish, json, sarif or html, got "${values.format}"\n`);
    return 2;
  }
  const format = values.format as Format;
  // The HTML page is the reviewers' summary; there is no HTML for anything else.
  const summary = values.summary || format === 'html';
  if (values.outline && (summary || format === 'sarif')) {
    io.stderr(`report-lint: --outline prints the outline as stylish or json; it cannot be combined with ${summary ? '--summary or --format html' : '--format sarif'}\n`);
    return 2;
  }
  if (summary && format === 'sarif') {
    io.stderr('report-lint: --summary prints a table (stylish), json or html, not sarif\n');
    return 2;
  }
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    const raw = values['max-warnings'].trim();
    // -1 means no limit, as in ESLint, so scripts can pass a variable that is sometimes unset.
    if (!/^(?:-1|\d+)$/.test(raw)) {
      io.stderr(`report-lint: --max-warnings must be a whole number (0 or more, or -1 for no limit), got "${values['max-warnings']}"\n`);
      return 2;
    }
    maxWarnings = Number(raw) < 0 ? undefined : Number(raw);
  }
  let maxDocumentSize: number | undefined;
  if (values['max-document-size'] !== undefined) {
    const raw = values['max-document-size'].trim();
    if (!/^\d+$/.test(raw) || !(Number(raw) >= 1 && Number.isSafeInteger(Number(raw)))) {
      io.stderr(`report-lint: --max-document-size must be a whole number of characters (1 or more), got "${values['max-document-size']}"\n`);
      return 2;
    }
    maxDocumentSize = Number(raw);
  }
  if (values.output !== undefined && !values.output.trim()) {
    io.stderr('report-lint: --output needs a file name\n');
    return 2;
  }
  if (positionals.length === 0) {
    io.stderr(`report-lint: no input paths\n\n${HELP[(values.locale as Locale | undefined) ?? 'zh']}\n`);
    return 2;
  }

  const run: Run = {
    io,
    format,
    outline: values.outline,
    summary,
    fix: values.fix,
    locale: values.locale as Locale | undefined,
    maxWarnings,
    maxDocumentSize,
    output: values.output,
    files: [],
    explicitConfig: undefined,
    status: 0,
    fail: (message: string) => {
      io.stderr(`report-lint: ${message}\n`);
      run.status = 2;
    },
  };

  run.explicitConfig = values.config ? loadConfigFile(path.resolve(io.cwd, values.config), RULE_IDS) : undefined;
  if (values.config && !fs.existsSync(path.resolve(io.cwd, values.config))) {
    run.fail(`${values.config}: configuration file not found / 找不到配置文件`);
    return 2;
  }
  run.files = collectFiles(positionals, io.cwd, run.fail);
  return run;
}

/** Reads every Word draft; failures are kept per file and reported where the file is checked. */
async function readDrafts(files: string[]): Promise<Map<string, Draft>> {
  const drafts = new Map<string, Draft>();
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch (error) {
      drafts.set(file, { unreadable: error as NodeJS.ErrnoException });
      continue;
    }
    try {
      drafts.set(file, { text: await extractDocx(bytes) });
    } catch (error) {
      if (!(error instanceof DocxError)) throw error;
      drafts.set(file, { invalid: error });
    }
  }
  return drafts;
}

function check(run: Run, drafts: Map<string, Draft>): number {
  const { io } = run;
  const configCache = new Map<string, LoadedConfig | undefined>();
  const reportedConfigs = new Set<string>();
  const configFor = (file: string): LoadedConfig | undefined => {
    if (run.explicitConfig) return run.explicitConfig;
    const dir = path.dirname(file);
    if (!configCache.has(dir)) {
      const found = findConfigFile(dir);
      configCache.set(dir, found ? loadConfigFile(found, RULE_IDS) : undefined);
    }
    return configCache.get(dir);
  };

  const checked: Checked[] = [];
  const outlines: Array<{ file: string; outline: OutlineItem[] }> = [];

  for (const file of run.files) {
    const display = path.relative(io.cwd, file) || file;
    const loaded = configFor(file);
    if (loaded?.problems.length && loaded.file && !reportedConfigs.has(loaded.file)) {
      reportedConfigs.add(loaded.file);
      const locale = run.locale ?? loaded.config.locale ?? 'zh';
      for (const problem of loaded.problems) {
        const where = `${path.relative(io.cwd, loaded.file) || loaded.file}:${problem.line}:${problem.column}`;
        run.fail(`${where}: ${problem.message[locale]}${problem.key ? ` (${problem.key})` : ''}`);
      }
    }
    const locale = run.locale ?? loaded?.config.locale ?? 'zh';

    let text: string;
    let docx: DocxText | undefined;
    let decoded: ReturnType<typeof decodeReport> | undefined;
    const draft = drafts.get(file);
    try {
      if (draft && 'unreadable' in draft) throw draft.unreadable;
      if (!draft) decoded = decodeReport(fs.readFileSync(file));
    } catch (error) {
      run.fail(`${display}: cannot read file / 无法读取文件 (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
      checked.push({ display, path: file, messages: [], error: (error as Error).message });
      continue;
    }
    if (draft && 'invalid' in draft) {
      run.fail(`${display}: ${draft.invalid.reason[locale]}`);
      checked.push({ display, path: file, messages: [], error: draft.invalid.reason[locale] });
      continue;
    }
    if (decoded?.binary) {
      const reason = `not a text file (byte ${decoded.binary.byte + 1} is NUL); save a Word document as .docx, or as plain text / 不是文本文件（第 ${decoded.binary.byte + 1} 个字节是空字符 NUL），Word 文档请保存为 .docx 或纯文本`;
      run.fail(`${display}: ${reason}`);
      checked.push({ display, path: file, messages: [], error: reason });
      continue;
    }
    if (draft && 'text' in draft) {
      docx = draft.text;
      text = docx.text;
      for (const warning of docx.warnings) io.stderr(`report-lint: ${display}: ${warning[locale]}\n`);
    } else {
      text = decoded!.text;
      if (decoded!.damaged) io.stderr(`report-lint: ${display}: ${damageNotice(decoded!.damaged, decoded!.encoding, locale)}\n`);
    }
    const format = /\.(md|markdown)$/i.test(file) ? 'markdown' : 'text';

    if (run.outline) {
      outlines.push({ file: display, outline: buildOutline(parse(text, format)) });
      continue;
    }
    const limit = run.maxDocumentSize ?? loaded?.config.maxDocumentSize ?? DEFAULT_MAX_DOCUMENT_SIZE;
    const large = largeDocumentCheckFor(text, limit);
    const options = { format, locale, config: loaded?.config, file, ...(large ? { rules: large.rules } : {}) } as const;
    let messages: LintMessage[];
    let failures: RuleFailure[] = [];
    let tree: Root;
    if (run.fix && decoded) {
      let last: Root | undefined;
      const fixed = fixText(decoded.text, (t) => {
        const r = lintText(t, options);
        failures = r.failures;
        last = r.tree;
        return r.messages;
      });
      messages = fixed.messages;
      text = fixed.output;
      tree = last && last.data.text === fixed.output ? last : parse(fixed.output, format);
      if (fixed.output !== decoded.text && decoded.damaged) {
        // Writing the text back would turn the unreadable bytes into U+FFFD for good.
        run.fail(
          `${display}: fixes not written: the file has bytes that are not valid ${decoded.encoding.toUpperCase()}, and writing it would replace them / 未写入修复：文件中有无效字节，写回会替换掉它们`,
        );
      } else if (fixed.output !== decoded.text) {
        try {
          writeAtomically(file, encodeReport(fixed.output, decoded.encoding, decoded.bom));
        } catch (error) {
          run.fail(`${display}: cannot write fixes / 无法写入修复 (${(error as Error).message})`);
        }
      }
    } else {
      if (run.fix) {
        io.stderr(
          `report-lint: ${display}: ${locale === 'zh' ? 'Word 文档不会被改动：请在 Word 或 WPS 中按提示修改' : 'Word documents are never changed: make the fixes in Word or WPS'}\n`,
        );
      }
      const r = lintText(text, options);
      messages = r.messages;
      failures = r.failures;
      tree = r.tree;
    }
    if (large) {
      const setBy = run.maxDocumentSize !== undefined ? 'flag' : loaded?.config.maxDocumentSize !== undefined ? path.relative(io.cwd, loaded.file!) || loaded.file! : undefined;
      io.stderr(`report-lint: ${display}: ${largeFileNotice(text.length, limit, setBy, [...new Set(large.capped)], locale)}\n`);
    }
    for (const failure of failures) io.stderr(`report-lint: ${display}: ${failure.message}\n`);
    if (messages.some((m) => m.severity === 'error') && run.status === 0) run.status = 1;
    let reported: ReportMessage[] = docx ? messages.map((m) => ({ ...m, ...locateInDocx(docx!, m.offset, m.endOffset) })) : messages;
    reported = fixesListedOnce(reported, large ? 0 : SHARED_FIX_LISTED_ONCE_ABOVE);
    checked.push({ display, path: file, messages: reported, tree, text, ...(docx ? { docx } : {}) });
  }

  const localeForSummary = run.locale ?? 'zh';
  if (run.maxWarnings !== undefined && !run.outline) {
    const warnings = checked.reduce((n, c) => n + c.messages.filter((m) => m.severity === 'warning').length, 0);
    if (warnings > run.maxWarnings) {
      io.stderr(
        `report-lint: ${
          localeForSummary === 'zh'
            ? `警告数量（${warnings}）超过了 --max-warnings 允许的 ${run.maxWarnings} 个`
            : `${warnings} warnings, more than the ${run.maxWarnings} that --max-warnings allows`
        }\n`,
      );
      if (run.status === 0) run.status = 1;
    }
  }

  const useColor = run.output === undefined && io.env.NO_COLOR === undefined && io.env.FORCE_COLOR !== '0' && (process.stdout.isTTY || io.env.FORCE_COLOR !== undefined);
  let out: string;
  if (run.outline) {
    out = run.format === 'json' ? formatOutlineJson(outlines) : formatOutlineStylish(outlines);
  } else if (run.summary) {
    const rows = checked.map((c) => (c.tree ? summarizeReport(c.display, c.tree, c.messages) : unreadableReport(c.display, c.error ?? '')));
    if (run.format === 'json') out = formatSummaryJson(rows);
    else if (run.format === 'html') {
      const sources = checked.map((c): SummarySource | undefined =>
        c.text === undefined ? undefined : { text: c.text, messages: c.messages, ...(c.docx ? { paragraphs: c.docx.paragraphs } : {}) },
      );
      out = formatSummaryHtml(rows, sources, { locale: localeForSummary, version: VERSION, generated: new Date().toISOString().slice(0, 10) });
    } else out = formatSummaryStylish(rows, localeForSummary, useColor);
  } else if (run.format === 'sarif') {
    out = formatSarif({
      files: checked.filter((c) => !c.error).map((c) => ({ path: c.path, messages: c.messages, ...(c.docx ? { docx: true } : {}) })),
      rules: RULES.map((rule) => rule.meta),
      locale: localeForSummary,
      cwd: io.cwd,
      version: VERSION,
      docsDir: rulesDocsDir(),
      notifications: checked.filter((c) => c.error !== undefined).map((c) => ({ path: c.path, message: `${c.display}: ${c.error}` })),
    });
  } else {
    const results: FileResult[] = checked.map((c) => ({ file: c.display, messages: c.messages, ...(c.error !== undefined ? { error: c.error } : {}) }));
    out = run.format === 'json' ? formatJson(results) : formatStylish(results, localeForSummary, useColor);
  }

  if (run.output !== undefined) {
    try {
      fs.writeFileSync(path.resolve(io.cwd, run.output), out);
    } catch (error) {
      io.stderr(`report-lint: ${run.output}: cannot write output / 无法写入输出 (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})\n`);
      return 2;
    }
  } else {
    io.stdout(out);
  }
  return run.status;
}

const count = (n: number) => new Intl.NumberFormat('en-US').format(n);

/** Shared fixes with more edits than this are listed with the first of their findings only. */
const SHARED_FIX_LISTED_ONCE_ABOVE = 20;

/**
 * Findings of one run share its fix (renumber the whole run). A run may have thousands of
 * markers, and the JSON and SARIF outputs would repeat all its edits with every finding — output
 * growing with the square of the run. A shared fix of more than `above` edits is listed once,
 * with the first finding it resolves (in a document above the size limit, every shared fix).
 */
function fixesListedOnce(messages: ReportMessage[], above: number): ReportMessage[] {
  const listed = new Set<object>();
  return messages.map((m) => {
    if (!m.fix || m.fix.edits.length <= above) return m;
    if (!listed.has(m.fix)) {
      listed.add(m.fix);
      return m;
    }
    const { fix: _shared, ...rest } = m;
    return rest;
  });
}

/** Why a file got the cheaper check, and how to raise the limit (`setBy`: 'flag', the configuration file, or undefined for the default). */
function largeFileNotice(size: number, limit: number, setBy: string | undefined, capped: readonly string[], locale: Locale): string {
  const raise =
    setBy === 'flag'
      ? { zh: '用更大的 --max-document-size 可提高上限', en: 'a larger --max-document-size raises the limit' }
      : setBy
        ? { zh: `${setBy} 中的 maxDocumentSize 或 --max-document-size 可提高上限`, en: `maxDocumentSize in ${setBy}, or --max-document-size, raises the limit` }
        : { zh: '可用 --max-document-size 或 .reportlintrc.json 中的 maxDocumentSize 提高上限', en: '--max-document-size, or maxDocumentSize in .reportlintrc.json, raises the limit' };
  const max = count(MAX_FINDINGS_PER_RULE);
  return locale === 'zh'
    ? `文件有 ${count(size)} 个字符，超过了 ${count(limit)} 个字符的上限，只检查了报告结构和序号：统计数字、重复段落、网页残留和写作规范的检查已跳过${capped.length ? `；${capped.join('、')} 只报告了前 ${max} 个问题` : ''}；${raise.zh}`
    : `${count(size)} characters, more than the limit of ${count(limit)}, so only the structure and numbering were checked: the statistics, duplicate-paragraph, page-residue and writing-standard rules were skipped${capped.length ? `; ${capped.join(', ')} reported only the first ${max} findings` : ''}; ${raise.en}`;
}

function damageNotice(damage: Damage, encoding: Encoding, locale: Locale): string {
  const name = encoding.toUpperCase();
  return locale === 'zh'
    ? `文件中有 ${damage.count} 处字节不是有效的 ${name} 编码（第一处在第 ${damage.line} 行第 ${damage.column} 列），已按 � 检查`
    : `${damage.count} byte sequences are not valid ${name} (the first at line ${damage.line}, column ${damage.column}); they are checked as �`;
}

/** docs/rules next to the bundle (out/cli.cjs) or above the source file (server/src/cli.ts under tsx). */
function rulesDocsDir(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'docs', 'rules');
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return path.resolve(__dirname, '..', 'docs', 'rules');
  }
}

/** Files named on the command line, and report files inside named folders (recursively). */
function collectFiles(inputs: string[], cwd: string, fail: (message: string) => void): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      fail(`${path.relative(cwd, dir) || dir}: cannot read folder / 无法读取文件夹 (${(error as NodeJS.ErrnoException).code})`);
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      // ~$报告.docx is the lock file Word keeps beside a document that is open, not a document.
      else if (entry.isFile() && REPORT_EXTENSIONS.has(path.extname(entry.name).toLowerCase()) && !entry.name.startsWith('~$')) files.push(full);
    }
  };
  for (const input of inputs) {
    const full = path.resolve(cwd, input);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch {
      fail(`${input}: no such file or folder / 文件或文件夹不存在`);
      continue;
    }
    if (stat.isDirectory()) walk(full);
    else files.push(full);
  }
  return files;
}

/** Writes through a temporary file and a rename, so an interrupted write never loses the draft. */
function writeAtomically(file: string, bytes: Uint8Array): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.report-lint-${process.pid}.tmp`);
  fs.writeFileSync(temp, bytes);
  fs.renameSync(temp, file);
}

/** Runs the command on this process's arguments and streams; out/cli.cjs calls it. */
export function run(): void {
  // A reader that stops early (report-lint … | head) closes the pipe: the run is over, nothing failed.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  });
  const status = main(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    cwd: process.cwd(),
    env: process.env,
  });
  Promise.resolve(status).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`report-lint: ${(error as Error)?.stack ?? String(error)}\n`);
      process.exitCode = 2;
    },
  );
}

if (require.main === module) run();
