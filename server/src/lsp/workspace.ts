/**
 * What the server knows about the user's setup: the `reportLint` settings per document and the
 * .reportlintrc.json files. Both are cached until the client says they changed
 * (didChangeConfiguration, didChangeWatchedFiles, or an edit to an open configuration file).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CONFIG_FILE_NAME, findConfigFile, parseConfig, type LoadedConfig } from '../engine/config';
import { RULE_IDS } from '../rules';
import { DEFAULT_SETTINGS, parseSettings, problemLine, type Settings, type SettingsProblem } from './settings';

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export const pathToUri = (file: string): string => pathToFileURL(file).href;

export const isConfigFile = (uri: string): boolean => uri.endsWith('/' + CONFIG_FILE_NAME);

/**
 * Where the problems of the settings go: every one into the log (again after each settings
 * change, so the log shows the current state), and each distinct one to the user once per
 * session — settings are read for every document, and a notice per document or per change would
 * bury the editor in the same warning.
 */
export interface SettingsProblemSink {
  log(line: string): void;
  show(problem: SettingsProblem): void;
}

export class SettingsStore {
  private readonly cache = new Map<string, Promise<Settings>>();
  /** Settings pushed with didChangeConfiguration, for clients that cannot be asked per document. */
  private pushed: Settings = { ...DEFAULT_SETTINGS, rules: {} };
  /** Problems already logged since the last change: the same bad value is named once, not once per document. */
  private readonly logged = new Set<string>();
  /** Problems already shown to the user in this session. */
  private readonly shown = new Set<string>();

  constructor(
    private readonly fetch: ((uri: string) => Promise<unknown>) | undefined,
    private readonly sink: SettingsProblemSink,
  ) {}

  get(uri: string): Promise<Settings> {
    if (!this.fetch) return Promise.resolve(this.pushed);
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.fetch(uri).then(
        (raw) => this.parse(raw),
        (error: Error) => {
          this.sink.log(`report-lint: cannot read settings for ${uri} (${error.message}); using defaults`);
          return { ...DEFAULT_SETTINGS, rules: {} };
        },
      );
      this.cache.set(uri, settings);
    }
    return settings;
  }

  /** The `reportLint` section of didChangeConfiguration, when the client sent one. */
  changed(section: unknown): void {
    this.cache.clear();
    this.logged.clear();
    if (section !== undefined) this.pushed = this.parse(section);
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  private parse(raw: unknown): Settings {
    const { settings, problems } = parseSettings(raw, RULE_IDS);
    for (const problem of problems) {
      const line = problemLine(problem);
      if (this.logged.has(line)) continue;
      this.logged.add(line);
      this.sink.log(line);
      if (this.shown.has(line)) continue;
      this.shown.add(line);
      this.sink.show(problem);
    }
    return settings;
  }
}

export interface LoadedFile extends LoadedConfig {
  file: string;
  /** The text the configuration was read from, to place its problems. */
  text: string;
}

export class ConfigStore {
  /** Folder → the configuration file that applies there (null: none). */
  private readonly lookup = new Map<string, string | null>();
  private readonly files = new Map<string, LoadedFile>();

  constructor(
    /** The text of a configuration file open in the editor (unsaved edits count), else undefined. */
    private readonly openText: (file: string) => string | undefined,
    /** Called whenever a file is (re)loaded, to publish its problems. */
    private readonly loaded: (file: LoadedFile) => void,
  ) {}

  /** The configuration for a document at this path: the nearest .reportlintrc.json upward. */
  forDocument(file: string): LoadedFile | undefined {
    const dir = path.dirname(file);
    let found = this.lookup.get(dir);
    if (found === undefined) {
      found = findConfigFile(dir) ?? null;
      this.lookup.set(dir, found);
    }
    return found ? this.load(found) : undefined;
  }

  load(file: string): LoadedFile {
    let entry = this.files.get(file);
    if (entry) return entry;
    let text = this.openText(file);
    let readError: string | undefined;
    if (text === undefined) {
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch (error) {
        readError = (error as Error).message;
        text = '';
      }
    }
    if (readError !== undefined) {
      entry = {
        config: { rules: {} },
        problems: [{ key: '', line: 1, column: 1, message: { zh: `无法读取配置文件：${readError}`, en: `Cannot read the configuration file: ${readError}` } }],
        file,
        text,
      };
    } else {
      const parsed = parseConfig(text, RULE_IDS);
      parsed.config.baseDir = path.dirname(file);
      entry = { ...parsed, file, text };
    }
    this.files.set(file, entry);
    this.loaded(entry);
    return entry;
  }

  /** Forget everything: a file was created, changed or deleted somewhere. */
  invalidate(): void {
    this.lookup.clear();
    this.files.clear();
  }
}

/** The workspace folder (a path) that holds a file: the innermost one, as folders may nest. */
export function folderOf(file: string, folders: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const folder of folders) {
    const relative = path.relative(folder, file);
    if (!relative.startsWith('..') && !path.isAbsolute(relative) && (!best || folder.length > best.length)) best = folder;
  }
  return best;
}
