/**
 * The backup file's bytes (docs/formats.md, "Backup"): written as gzip through `CompressionStream`, read back
 * as text in chunks whether it is gzip (told by its first two bytes, 1f 8b, not by its name) or plain JSON.
 * Nothing here holds the whole file: a 200 MB backup passes through in pieces.
 */
import { DeckFileError } from '$lib/domain/deck-file';

/** A JSON object as text pieces, one record of each list per line, so it can be written and read in pieces. */
export function* jsonLines(object: Record<string, unknown>): Generator<string> {
	let first = true;
	for (const [key, value] of Object.entries(object)) {
		if (value === undefined) continue;
		const head = `${first ? '{' : ',\n'}${JSON.stringify(key)}:`;
		first = false;
		if (!Array.isArray(value)) {
			yield head + JSON.stringify(value);
			continue;
		}
		yield `${head}[`;
		for (let i = 0; i < value.length; i++) yield `${i === 0 ? '\n' : ',\n'}${JSON.stringify(value[i])}`;
		yield value.length ? '\n]' : ']';
	}
	yield first ? '{}\n' : '}\n';
}

/** The pieces, UTF-8 encoded and gzip-compressed as they are produced: only the compressed bytes are kept. */
export async function gzipText(pieces: Iterable<string>, type = 'application/gzip'): Promise<Blob> {
	const iterator = pieces[Symbol.iterator]();
	const encoder = new TextEncoder();
	const source = new ReadableStream<Uint8Array>({
		pull(controller) {
			// A few pieces per pull, so the stream is not driven one short line at a time.
			for (let n = 0; n < 64; n++) {
				const next = iterator.next();
				if (next.done) return controller.close();
				controller.enqueue(encoder.encode(next.value));
			}
		}
	});
	const compressed = source.pipeThrough(new CompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>);
	return new Blob([await new Response(compressed).blob()], { type });
}

const GZIP_MAGIC = [0x1f, 0x8b];

/** Whether the file starts with gzip's magic bytes. */
export async function isGzip(file: Blob): Promise<boolean> {
	const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
	return head.length === 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
}

/**
 * The file's text in chunks: gunzipped when it is gzip, UTF-8 decoded. `onRead` gets the bytes of the file read
 * so far (for a progress bar). A damaged or cut-short gzip file throws a DeckFileError saying so.
 */
export async function* readTextChunks(file: Blob, onRead: (bytes: number) => void = () => {}): AsyncGenerator<string> {
	const gzip = await isGzip(file);
	let read = 0;
	const counted = file.stream().pipeThrough(
		new TransformStream<Uint8Array, Uint8Array>({
			transform(chunk, controller) {
				read += chunk.byteLength;
				controller.enqueue(chunk);
			}
		})
	);
	const bytes = gzip ? counted.pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>) : counted;
	const reader = bytes.pipeThrough(new TextDecoderStream() as unknown as TransformStream<Uint8Array, string>).getReader();
	try {
		for (;;) {
			let next: ReadableStreamReadResult<string>;
			try {
				next = await reader.read();
			} catch {
				throw new DeckFileError(
					'This compressed backup is damaged or incomplete (its gzip data does not decompress); use another copy of the backup'
				);
			}
			if (next.done) return;
			onRead(read);
			yield next.value;
		}
	} finally {
		// Stopped early (a refused record, Cancel): stop reading the file too.
		await reader.cancel().catch(() => {});
	}
}
