/**
 * report-lint [--format stylish|json] [--outline] [--locale zh|en] [--config FILE] [--fix] PATH...
 *
 * Exit status: 0 no errors; 1 errors found; 2 bad usage, unreadable input or invalid configuration
 * (every other file is still checked).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { findConfigFile, loadConfigFile, type LoadedConfig } from './engine/config';
import { decodeReport, encodeReport } from './engine/decode';
import { fixText } from './engine/fix';
import { lintText, type RuleFailure } from './engine/lint';
import { localeFrom } from './engine/messages';
import { buildOutline, type OutlineItem } from './engine/outline';
import type { LintMessage, Locale } from './engine/rule';
import { parse } from './parser';
import { RULE_IDS } from './rules';
import { formatJson, formatOutlineJson, formatOutlineStylish, formatStylish, type FileResult } from './reporters';

const VERSION = '0.1.0';
const REPORT_EXTENSIONS = new Set(['.txt', '.md', '.markdown']);

const HELP = {
  zh: `用法：report-lint [选项] 路径...

检查法治政府建设年度报告（.txt、.md）：必备内容、序号、统计数字等。

选项：
  --format stylish|json  输出格式（默认 stylish）
  --outline              输出报告结构提纲，而不是检查结果
  --locale zh|en         消息语言（默认中文）
  --config 文件          使用指定的配置文件（默认向上查找 .reportlintrc.json）
  --fix                  自动修复可修复的问题并写回文件
  -h, --help             显示帮助
  -v, --version          显示版本

退出码：0 无错误；1 有错误；2 用法错误、文件无法读取或配置无效。`,
  en: `Usage: report-lint [options] PATH...

Checks annual reports on building law-based government (.txt, .md): required sections,
numbering, statistics and more.

Options:
  --format stylish|json  output format (default stylish)
  --outline              print the report's outline instead of findings
  --locale zh|en         message language (default Chinese)
  --config FILE          use this configuration file (default: .reportlintrc.json found upward)
  --fix                  apply fixes and write the files back
  -h, --help             show this help
  -v, --version          show the version

Exit status: 0 no errors; 1 errors found; 2 bad usage, unreadable input or invalid configuration.`,
};

interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** Runs the CLI; returns the exit status. Exported for tests. */
export function main(argv: string[], io: Io): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'stylish' },
        outline: { type: 'boolean', default: false },
        locale: { type: 'string' },
        config: { type: 'string' },
        fix: { type: 'boolean', default: false },
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
  if (values.format !== 'stylish' && values.format !== 'json') {
    io.stderr(`report-lint: --format must be stylish or json, got "${values.format}"\n`);
    return 2;
  }
  if (positionals.length === 0) {
    io.stderr(`report-lint: no input paths\n\n${HELP[(values.locale as Locale | undefined) ?? 'zh']}\n`);
    return 2;
  }

  let status = 0;
  const fail = (message: string) => {
    io.stderr(`report-lint: ${message}\n`);
    status = 2;
  };

  const explicitConfig = values.config ? loadConfigFile(path.resolve(io.cwd, values.config), RULE_IDS) : undefined;
  if (values.config && !fs.existsSync(path.resolve(io.cwd, values.config))) {
    fail(`${values.config}: configuration file not found / 找不到配置文件`);
    return 2;
  }
  const configCache = new Map<string, LoadedConfig | undefined>();
  const reportedConfigs = new Set<string>();
  const configFor = (file: string): LoadedConfig | undefined => {
    if (explicitConfig) return explicitConfig;
    const dir = path.dirname(file);
    if (!configCache.has(dir)) {
      const found = findConfigFile(dir);
      configCache.set(dir, found ? loadConfigFile(found, RULE_IDS) : undefined);
    }
    return configCache.get(dir);
  };

  const files = collectFiles(positionals, io.cwd, fail);
  const results: FileResult[] = [];
  const outlines: Array<{ file: string; outline: OutlineItem[] }> = [];

  for (const file of files) {
    const display = path.relative(io.cwd, file) || file;
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch (error) {
      fail(`${display}: cannot read file / 无法读取文件 (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
      results.push({ file: display, messages: [], error: (error as Error).message });
      continue;
    }
    const decoded = decodeReport(bytes);
    const format = /\.(md|markdown)$/i.test(file) ? 'markdown' : 'text';
    const loaded = configFor(file);
    if (loaded?.problems.length && loaded.file && !reportedConfigs.has(loaded.file)) {
      reportedConfigs.add(loaded.file);
      const locale = (values.locale as Locale | undefined) ?? loaded.config.locale ?? 'zh';
      for (const problem of loaded.problems) {
        const where = `${path.relative(io.cwd, loaded.file) || loaded.file}:${problem.line}:${problem.column}`;
        fail(`${where}: ${problem.message[locale]}${problem.key ? ` (${problem.key})` : ''}`);
      }
    }
    const locale = (values.locale as Locale | undefined) ?? loaded?.config.locale ?? 'zh';

    if (values.outline) {
      outlines.push({ file: display, outline: buildOutline(parse(decoded.text, format)) });
      continue;
    }
    const options = { format, locale, config: loaded?.config, file } as const;
    let messages: LintMessage[];
    let failures: RuleFailure[] = [];
    if (values.fix) {
      const fixed = fixText(decoded.text, (t) => {
        const r = lintText(t, options);
        failures = r.failures;
        return r.messages;
      });
      messages = fixed.messages;
      if (fixed.output !== decoded.text) {
        try {
          writeAtomically(file, encodeReport(fixed.output, decoded.encoding, decoded.bom));
        } catch (error) {
          fail(`${display}: cannot write fixes / 无法写入修复 (${(error as Error).message})`);
        }
      }
    } else {
      const r = lintText(decoded.text, options);
      messages = r.messages;
      failures = r.failures;
    }
    for (const failure of failures) io.stderr(`report-lint: ${display}: ${failure.message}\n`);
    if (messages.some((m) => m.severity === 'error') && status === 0) status = 1;
    results.push({ file: display, messages });
  }

  const useColor = io.env.NO_COLOR === undefined && io.env.FORCE_COLOR !== '0' && (process.stdout.isTTY || io.env.FORCE_COLOR !== undefined);
  const localeForSummary = (values.locale as Locale | undefined) ?? 'zh';
  if (values.outline) {
    io.stdout(values.format === 'json' ? formatOutlineJson(outlines) : formatOutlineStylish(outlines));
  } else {
    io.stdout(values.format === 'json' ? formatJson(results) : formatStylish(results, localeForSummary, useColor));
  }
  return status;
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
      else if (entry.isFile() && REPORT_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) files.push(full);
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

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    cwd: process.cwd(),
    env: process.env,
  });
}
