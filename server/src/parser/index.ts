/**
 * The report parser as a unified plugin: `unified().use(reportParse, { format }).parse(text)`
 * gives the report tree. `parseReport` is the same function without a processor.
 */
import { unified, type Plugin, type Processor } from 'unified';
import { parseReport, type ParseOptions } from './parse';
import type { Root } from './types';

export const reportParse: Plugin<[ParseOptions?], string, Root> = function (options) {
  // unified's parser slot is typed for its own Node; the tree we return is a unist Root.
  (this as unknown as Processor<Root>).parser = (document: string) => parseReport(document, options);
};

const processors = {
  text: unified().use(reportParse, { format: 'text' }).freeze(),
  markdown: unified().use(reportParse, { format: 'markdown' }).freeze(),
};

/** A frozen processor per input format, made once. */
export function reportProcessor(format: 'text' | 'markdown') {
  return processors[format];
}

export { parseReport };
export type { ParseOptions };
export * from './types';

/** Text → report tree through the unified processor for its format. */
export function parse(text: string, format: 'text' | 'markdown' = 'text'): Root {
  return reportProcessor(format).parse(text) as unknown as Root;
}
