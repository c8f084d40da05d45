/**
 * SARIF 2.1.0 output (`--format sarif`), for code-scanning services and SARIF viewers.
 *
 * - One run; tool.driver lists every rule with its description, default level and help page.
 * - Locations are relative to the working folder (uriBaseId %SRCROOT%, whose absolute URI is in
 *   originalUriBaseIds), with lines and columns 1-based and columns in UTF-16 code units
 *   (run.columnKind), as in the JSON output. endColumn is one past the last character, as SARIF
 *   defines it and as the JSON output already counts.
 * - Levels: error → error, warning → warning, info and hint → note.
 * - A finding with a fix carries it as a SARIF fix (replacements in the same line/column terms).
 * - Word drafts: lines and columns count in the text extracted from the document, which has no
 *   lines of its own; each result adds the paragraph number and an excerpt in its properties, and
 *   no fixes are offered (the .docx is never written).
 * - Files that could not be read are tool execution notifications, and make the invocation
 *   unsuccessful.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Locale, RuleMeta, SeveritySetting } from '../engine/rule';
import type { ReportMessage } from '../reporters';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';
const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface SarifFile {
  /** Absolute path. */
  path: string;
  messages: ReportMessage[];
  /** A Word draft: positions are in its extracted text. */
  docx?: boolean;
}

export interface SarifNotification {
  /** Absolute path of the file concerned, if any. */
  path?: string;
  message: string;
}

export interface SarifOptions {
  files: SarifFile[];
  rules: readonly RuleMeta[];
  locale: Locale;
  cwd: string;
  version: string;
  /** Folder of the rule pages (docs/rules/<id>.md) shipped with report-lint. */
  docsDir: string;
  /** Inputs that could not be checked. */
  notifications: SarifNotification[];
}

const LEVEL: Record<SeveritySetting, 'error' | 'warning' | 'note' | 'none'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note', off: 'none' };

export function formatSarif(options: SarifOptions): string {
  const { cwd, locale } = options;
  const ruleIndex = new Map(options.rules.map((rule, i) => [rule.id, i]));
  const artifacts: object[] = [];
  const artifactIndex = new Map<string, number>();

  const artifactLocation = (file: string): { uri: string; uriBaseId?: string; index?: number } => {
    const relative = path.relative(cwd, file);
    // Inside the working folder: a relative reference; elsewhere an absolute file URI.
    const location =
      relative && !relative.startsWith('..') && !path.isAbsolute(relative)
        ? { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT }
        : { uri: pathToFileURL(file).href };
    const index = artifactIndex.get(file);
    return index === undefined ? location : { ...location, index };
  };

  for (const file of options.files) {
    // The artifact's own location carries no index (it would point at itself); references to it do.
    const location = artifactLocation(file.path);
    artifactIndex.set(file.path, artifacts.length);
    artifacts.push({
      location,
      ...(file.docx
        ? {
            mimeType: DOCX_MIME,
            description: { text: 'Word document: result lines and columns count in the text extracted from it; properties.paragraph is the paragraph number (¶N).' },
          }
        : { mimeType: /\.(md|markdown)$/i.test(file.path) ? 'text/markdown' : 'text/plain' }),
    });
  }

  const results = options.files.flatMap((file) =>
    file.messages.map((m) => {
      const location = artifactLocation(file.path);
      const result: Record<string, unknown> = {
        ruleId: m.ruleId,
        ...(ruleIndex.has(m.ruleId) ? { ruleIndex: ruleIndex.get(m.ruleId) } : {}),
        level: LEVEL[m.severity],
        message: { text: m.message },
        locations: [{ physicalLocation: { artifactLocation: location, region: region(m) } }],
      };
      if (m.related?.length) {
        result.relatedLocations = m.related.map((r, i) => ({ id: i + 1, physicalLocation: { artifactLocation: location, region: region(r) }, message: { text: r.message } }));
      }
      if (m.fix && !file.docx) {
        result.fixes = [
          {
            description: { text: m.fix.description ?? m.message },
            artifactChanges: [
              {
                artifactLocation: location,
                replacements: m.fix.edits.map((e) => ({ deletedRegion: region(e), insertedContent: { text: e.text } })),
              },
            ],
          },
        ];
      }
      if (m.paragraph !== undefined) result.properties = { paragraph: m.paragraph, excerpt: m.excerpt ?? '' };
      return result;
    }),
  );

  const driver = {
    name: 'report-lint',
    version: options.version,
    semanticVersion: options.version,
    informationUri: helpUri(path.resolve(options.docsDir, '..', '..', 'README.md')),
    rules: options.rules.map((rule) => ({
      id: rule.id,
      shortDescription: { text: rule.description[locale] },
      fullDescription: { text: `${rule.description.zh} / ${rule.description.en}` },
      // helpUri must be an absolute URI (SARIF 2.1.0 §3.49.12): the page shipped with this copy of
      // report-lint. help.markdown links the same page relative to the project, for viewers that render it.
      helpUri: helpUri(path.join(options.docsDir, `${rule.id}.md`)),
      help: { text: rule.description[locale], markdown: `[${rule.id}](docs/rules/${rule.id}.md): ${rule.description[locale]}` },
      defaultConfiguration: { level: LEVEL[rule.defaultSeverity], enabled: rule.defaultSeverity !== 'off' },
      properties: { fixable: rule.fixable, defaultSeverity: rule.defaultSeverity },
    })),
  };

  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver },
        invocations: [
          {
            executionSuccessful: options.notifications.length === 0,
            toolExecutionNotifications: options.notifications.map((n) => ({
              level: 'error',
              message: { text: n.message },
              ...(n.path ? { locations: [{ physicalLocation: { artifactLocation: artifactLocation(n.path) } }] } : {}),
            })),
          },
        ],
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(cwd.endsWith(path.sep) ? cwd : cwd + path.sep).href } },
        artifacts,
        results,
        columnKind: 'utf16CodeUnits',
        language: locale === 'zh' ? 'zh-CN' : 'en-US',
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function region(r: { line: number; column: number; endLine: number; endColumn: number }) {
  return { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn };
}

/** An absolute file URI for a page shipped with report-lint. */
function helpUri(file: string): string {
  return pathToFileURL(file).href;
}
