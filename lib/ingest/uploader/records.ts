// The records of a CSV file as their raw text, a batch at a time, streaming.
//
// Most machine-written files (the exchange platform's logs) contain no quote and
// no carriage return: then a record is exactly a line, and splitting lines is ten
// times faster than parsing. The first quote or carriage return switches the rest
// of the file to csv-parse, which handles quoted fields, embedded newlines and CRLF.
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { parse } from 'csv-parse';

/** A record's raw text ending in a newline, or '' for a blank line (still a row for numbering). */
export type RawRecord = string;

const withNewline = (s: string) => (s.endsWith('\n') ? s : `${s}\n`);

export async function* rawRecords(file: string): AsyncGenerator<RawRecord[]> {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let first = true;
  let parser: ReturnType<typeof parse> | null = null;
  const parsed: RawRecord[] = [];
  let failure: Error | null = null;

  for await (const buffer of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    let text = decoder.write(buffer);
    if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    first = false;
    if (!parser && !/["\r]/.test(text)) {
      const lines = (carry + text).split('\n');
      carry = lines.pop()!;
      yield lines.map((l) => (l.trim() === '' ? '' : `${l}\n`));
      continue;
    }
    if (!parser) {
      parser = parse({ raw: true, relax_column_count: true });
      parser.on('data', ({ record, raw }: { record: string[]; raw: string }) =>
        parsed.push(record.length === 1 && record[0].trim() === '' ? '' : withNewline(raw)),
      );
      parser.on('error', (err) => (failure = err));
      text = carry + text;
      carry = '';
    }
    parser.write(text);
    await new Promise((resolve) => setImmediate(resolve)); // let the parser's 'data' events run
    if (failure) throw failure;
    yield parsed.splice(0);
  }
  const rest = decoder.end();
  if (!parser) {
    const last = carry + rest;
    if (last.trim() !== '') yield [withNewline(last)];
    return;
  }
  const ended = new Promise<void>((resolve) => parser.once('end', resolve).once('error', () => resolve()));
  parser.end(rest);
  await ended;
  if (failure) throw failure;
  yield parsed.splice(0);
}
