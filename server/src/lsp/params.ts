/**
 * Checking request parameters. A client with a bug, or a hand-written test, may send anything;
 * the answer must be an InvalidParams error naming what is wrong, never a crash or a TypeError
 * from deep inside a feature.
 */
import { ErrorCodes, ResponseError, type Position, type Range } from 'vscode-languageserver';

export function invalid(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, message);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** params.textDocument.uri */
export function documentUri(params: unknown): string {
  const uri = isObject(params) && isObject(params.textDocument) ? params.textDocument.uri : undefined;
  if (typeof uri !== 'string') throw invalid('expected params.textDocument.uri to be a string');
  return uri;
}

export function isPosition(value: unknown): value is Position {
  return isObject(value) && Number.isInteger(value.line) && Number.isInteger(value.character) && (value.line as number) >= 0 && (value.character as number) >= 0;
}

export function isRange(value: unknown): value is Range {
  return isObject(value) && isPosition(value.start) && isPosition(value.end);
}

export function position(params: unknown): Position {
  const value = isObject(params) ? params.position : undefined;
  if (!isPosition(value)) throw invalid('expected params.position to be {line, character} with non-negative integers');
  return value;
}

/** A command argument that is a URI, given either as a string or as an object with `uri`. */
export function uriArgument(value: unknown, name = 'uri'): string {
  const uri = typeof value === 'string' ? value : isObject(value) ? value.uri : undefined;
  if (typeof uri !== 'string') throw invalid(`expected ${name} to be a document URI`);
  return uri;
}

export function objectArgument(value: unknown, name: string): Record<string, unknown> {
  if (!isObject(value)) throw invalid(`expected ${name} to be an object`);
  return value;
}
