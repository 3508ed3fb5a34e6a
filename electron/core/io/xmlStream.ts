import { StringDecoder } from 'node:string_decoder';
import { SaxesParser } from 'saxes';
import type { CoreError } from '../errors';
import type { SafeZip, SafeZipEntry } from './safeZip';

/** What a part's reader wants to see, with names stripped of their prefix (`x:row` → `row`). */
export interface XmlHandlers {
  open?(name: string, attributes: Record<string, string>, selfClosing: boolean): void;
  close?(name: string): void;
  text?(text: string): void;
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/**
 * Streams one zip entry through saxes as it inflates: strict XML, entities resolved, no DTD
 * expansion, never the whole part in memory. Malformed XML ends in `malformed()`.
 */
export async function streamXml(
  zip: SafeZip,
  entry: SafeZipEntry,
  handlers: XmlHandlers,
  malformed: () => CoreError,
): Promise<void> {
  // Without an error handler saxes throws at the first error; the zip reader turns what a chunk
  // throws into the archive's "damaged" refusal.
  const parser = new SaxesParser({ position: false });
  const { open, close, text } = handlers;
  if (open) {
    parser.on('opentag', (tag) =>
      open(localName(tag.name), tag.attributes as Record<string, string>, tag.isSelfClosing),
    );
  }
  if (close) parser.on('closetag', (tag) => close(localName(tag.name)));
  if (text) {
    parser.on('text', text);
    parser.on('cdata', text);
  }
  const decoder = new StringDecoder('utf8');
  await zip.read(entry, (chunk) => parser.write(decoder.write(chunk)));
  try {
    parser.write(decoder.end());
    parser.close();
  } catch {
    throw malformed();
  }
}
